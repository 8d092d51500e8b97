import Domain

/// The byte-level rules shared by the three frozen files (DESIGN.md "risktier-draw/1"):
/// UTF-8, LF line ends, a fixed header, no quoting, no blank lines. A missing LF after the
/// last row is tolerated (the digest covers the bytes as they are); our writer always ends
/// with LF.
enum FrozenCSV {
    /// A row's byte ranges; `line` is 1-based (the header is line 1).
    struct Row {
        var line: Int
        var fields: [Range<Int>]
    }

    static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")

    /// Calls `body` for each data row after checking the header. Fields are split on commas;
    /// a quote, a CR or a wrong field count is an error naming the line.
    static func forEachRow(
        _ bytes: [UInt8], file: String, header: String,
        _ body: (_ line: Int, _ fields: UnsafeBufferPointer<Range<Int>>) throws(LotteryError) -> Void
    ) throws(LotteryError) {
        let columns = header.split(separator: ",").count
        let headerBytes = Array(header.utf8)
        var fields = [Range<Int>](repeating: 0..<0, count: columns)
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(LotteryError) in
            let end = buffer.count
            var position = 0
            var line = 0
            // Skip a UTF-8 byte-order mark only to name it: frozen files must not have one.
            if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                throw LotteryError(file: file, line: 1, "must not start with a UTF-8 byte-order mark (frozen files are plain UTF-8)")
            }
            while position < end {
                line += 1
                var lineEnd = position
                while lineEnd < end, buffer[lineEnd] != newline { lineEnd += 1 }
                if line == 1 {
                    let got = String(decoding: buffer[position..<lineEnd], as: UTF8.self)
                    guard buffer[position..<lineEnd].elementsEqual(headerBytes) else {
                        throw LotteryError(file: file, line: 1, field: "header", "must be '\(header)'; got '\(FrozenCSV.printable(got))'")
                    }
                } else {
                    guard lineEnd > position else {
                        throw LotteryError(file: file, line: line, "must not be blank (no blank lines in frozen files)")
                    }
                    var count = 0
                    var fieldStart = position
                    for index in position..<lineEnd {
                        let byte = buffer[index]
                        if byte == comma {
                            guard count < columns - 1 else {
                                throw LotteryError(file: file, line: line, "must have \(columns) fields (\(header)); got more")
                            }
                            fields[count] = fieldStart..<index
                            count += 1
                            fieldStart = index + 1
                        } else if byte == carriageReturn {
                            throw LotteryError(file: file, line: line, "must end with LF only; got a CR (convert CRLF line ends)")
                        } else if byte == quote {
                            throw LotteryError(file: file, line: line, "must not contain quotes (frozen files are unquoted)")
                        }
                    }
                    guard count == columns - 1 else {
                        throw LotteryError(file: file, line: line, "must have \(columns) fields (\(header)); got \(count + 1)")
                    }
                    fields[count] = fieldStart..<lineEnd
                    try fields.withUnsafeBufferPointer { (f: UnsafeBufferPointer<Range<Int>>) throws(LotteryError) in
                        try body(line, f)
                    }
                }
                position = lineEnd + 1
            }
            if line == 0 {
                throw LotteryError(file: file, line: 1, field: "header", "must be '\(header)'; got an empty file")
            }
        }
    }

    /// True for the bytes an id may hold: printable ASCII except `,` and `"`.
    @inline(__always)
    static func isIDByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != comma && byte != quote
    }

    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Quotes a value for an error message, escaping control characters.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out.count > 80 ? String(out.prefix(80)) + "…" : out
    }

    /// Bytewise comparison of two ranges of one buffer.
    @inline(__always)
    static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n {
            let x = bytes[a.lowerBound + i], y = bytes[b.lowerBound + i]
            if x != y { return x < y ? -1 : 1 }
            i += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Parses a non-negative decimal integer of at most 9 ASCII digits.
    static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard (1...9).contains(range.count) else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    static let domainTokens: [[UInt8]] = SupervisionDomainTokens.all

    /// Index into `SupervisionDomain.allCases` of the token at `range`, or nil.
    @inline(__always)
    static func domainIndex(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        for (index, token) in domainTokens.enumerated() where token.count == range.count {
            var equal = true
            for k in 0..<token.count where buffer[range.lowerBound + k] != token[k] { equal = false; break }
            if equal { return index }
        }
        return nil
    }
}
