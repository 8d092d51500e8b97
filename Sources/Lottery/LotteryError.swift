/// Everything the Lottery module rejects. The description names file, line and field where
/// there is one and reads "`field` must be …; got …".
public struct LotteryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the problem is in (`population.csv`, …), if any.
    public let file: String?
    /// 1-based line number (the header is line 1), if any.
    public let line: Int?
    /// The field (column or JSON key), if any.
    public let field: String?
    /// The rest of the message: "must be …; got …".
    public let message: String

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = ""
        if let file { place += file }
        if let line { place += ":\(line)" }
        if !place.isEmpty { place += ": " }
        if let field { return place + "`\(field)` " + message }
        return place + message
    }
}
