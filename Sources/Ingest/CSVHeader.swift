/// The header row of a CSV file: column names in file order and a name → index map.
public struct CSVHeader: Sendable, Equatable {
    /// Column names as written (surrounding spaces trimmed).
    public let names: [String]
    private let indexByName: [String: Int]

    /// Fails on a duplicate name (the map would be ambiguous).
    public init(names: [String]) throws(CSVHeaderError) {
        var map: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if map[name] != nil { throw CSVHeaderError.duplicate(name: name) }
            map[name] = index
        }
        self.names = names
        self.indexByName = map
    }

    public var count: Int { names.count }

    /// The column index of `name`, or nil when the file has no such column.
    public func index(of name: String) -> Int? { indexByName[name] }

    public static func == (lhs: CSVHeader, rhs: CSVHeader) -> Bool { lhs.names == rhs.names }
}

/// Why a header row cannot be used.
public enum CSVHeaderError: Error, Equatable, Sendable {
    case duplicate(name: String)
}
