/// Where generated rows go, file by file, each already in its file's sort order (by id).
/// Rows are CSV lines without the line end; the sink writes headers and line ends.
public protocol CityRowSink {
    mutating func append(_ row: String, to file: CityFile)
}
