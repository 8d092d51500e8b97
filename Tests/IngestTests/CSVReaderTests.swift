import Testing
@testable import Ingest

@Suite struct CSVReaderTests {
    private func read(_ text: String, chunkSize: Int = 1 << 20) throws -> (CSVHeader, [CSVRecord]) {
        let reader = try CSVReader(bytes: Array(text.utf8), fileName: "t.csv", chunkSize: chunkSize)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader.header!, records)
    }

    private func error(_ bytes: [UInt8], encoding: CSVEncoding = .utf8) -> String? {
        do {
            let reader = try CSVReader(bytes: bytes, fileName: "t.csv", encoding: encoding)
            while try reader.next() != nil {}
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsLFAndCRLFWithHeaderMap() throws {
        for newline in ["\n", "\r\n"] {
            let (header, records) = try read("b,a\(newline)1,2\(newline)3,4\(newline)")
            #expect(header.names == ["b", "a"])
            #expect(header.index(of: "a") == 1)
            #expect(header.index(of: "zz") == nil)
            #expect(records == [CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["3", "4"])])
        }
    }

    @Test func lastLineWithoutNewline() throws {
        let (_, records) = try read("a,b\n1,2\n3,")
        #expect(records == [CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["3", ""])])
    }

    @Test func quotedFieldsWithCommasNewlinesAndEscapes() throws {
        let text = "id,text\n1,\"a,b\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n"
        let (_, records) = try read(text)
        #expect(records.map(\.fields) == [["1", "a,b"], ["2", "line one\nline two"], ["3", "say \"hi\""], ["4", ""]])
        // The record after a two-line field starts on physical line 5.
        #expect(records.map(\.line) == [2, 3, 5, 6])
    }

    @Test func bomStrippedAndChineseText() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("名称,x\n食品店,1\n".utf8)
        let reader = try CSVReader(bytes: bytes, fileName: "t.csv")
        #expect(reader.header?.names == ["名称", "x"])
        #expect(try reader.next()?.fields == ["食品店", "1"])
    }

    /// Every chunk size from tiny upwards must give the same records: exercises records, quoted
    /// fields, CRLF pairs and multi-byte characters split across buffer refills.
    @Test(arguments: [1, 2, 3, 5, 7, 16, 64, 1 << 20])
    func chunkBoundariesDoNotMatter(chunkSize: Int) throws {
        let text = "h1,h2,h3\r\n\"x\r\ny\",食品,\"a\"\"b\"\r\n,,\r\nlong-field-\(String(repeating: "z", count: 200)),2,3"
        let (header, records) = try read(text, chunkSize: chunkSize)
        #expect(header.names == ["h1", "h2", "h3"])
        #expect(records.map(\.fields) == [["x\r\ny", "食品", "a\"b"], ["", "", ""], ["long-field-" + String(repeating: "z", count: 200), "2", "3"]])
        #expect(records.map(\.line) == [2, 4, 5])
    }

    @Test func gb18030Decoded() throws {
        // Bytes of "名称,领域\n食品店,food\n" from Python 3.11: "…".encode("gb18030").
        let bytes: [UInt8] = [195, 251, 179, 198, 44, 193, 236, 211, 242, 10, 202, 179, 198, 183, 181, 234, 44, 102, 111, 111, 100, 10]
        let reader = try CSVReader(bytes: bytes, fileName: "t.csv", encoding: .gb18030, chunkSize: 5)
        #expect(reader.header?.names == ["名称", "领域"])
        #expect(try reader.next() == CSVRecord(line: 2, fields: ["食品店", "food"]))
        #expect(try reader.next() == nil)
        // The same bytes read as UTF-8 are rejected with the hint.
        #expect(error(bytes) == "t.csv:1: bytes are not valid UTF-8; if the file is GB18030/GBK (common in government exports), pass --encoding gb18030")
    }

    @Test func invalidUTF8NamesTheLine() {
        let bytes = Array("a,b\n1,2\n3,".utf8) + [0xC3, 0xFB] + Array("\n".utf8)
        #expect(error(bytes) == "t.csv:3: bytes are not valid UTF-8; if the file is GB18030/GBK (common in government exports), pass --encoding gb18030")
    }

    @Test func malformedInputs() {
        #expect(error([]) == "t.csv: file is empty; expected a header row")
        #expect(error([0xFF, 0xFE, 0x61, 0x00]) == "t.csv:1: file is UTF-16; save it as UTF-8 (or GB18030 and pass --encoding gb18030)")
        #expect(error(Array("a,b\n1,\"2\n".utf8)) == "t.csv:2: quoted field starting here is never closed (the file ends inside quotes; is the last line truncated?)")
        #expect(error(Array("a,b\n1,2\n3\n".utf8)) == "t.csv:3: record must have 2 fields as in the header; got 1")
        #expect(error(Array("a,b\n1,2\n\n3,4\n".utf8)) == "t.csv:3: blank line; every record must have 2 fields as in the header")
        #expect(error(Array("a,b\n1,x\"y\n".utf8)) == "t.csv:2: a field containing '\"' must be quoted and the quote doubled (RFC 4180)")
        #expect(error(Array("a,b\n1,\"x\"y\n".utf8)) == "t.csv:2: closing quote must be followed by a comma or the end of the line; got 'y'")
        #expect(error(Array("a,a\n".utf8)) == "t.csv:1: header names column 'a' twice; each column must appear once")
        #expect(error(Array("a,b\r1,2\n".utf8)) == "t.csv:1: carriage return not followed by a line feed; lines must end in LF or CRLF")
    }

    @Test func headerOnlyFileHasNoRecords() throws {
        let (header, records) = try read("a,b\n")
        #expect(header.names == ["a", "b"])
        #expect(records.isEmpty)
    }

    @Test func withoutHeaderEveryRecordIsData() throws {
        let reader = try CSVReader(bytes: Array("1,2\n3\n".utf8), fileName: "t.csv", hasHeader: false)
        #expect(reader.header == nil)
        #expect(try reader.next()?.fields == ["1", "2"])
        #expect(try reader.next()?.fields == ["3"])
        #expect(try reader.next() == nil)
    }
}
