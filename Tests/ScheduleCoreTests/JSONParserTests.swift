import Testing
@testable import ScheduleCore

@Suite struct JSONParserTests {
    func syntaxError(_ text: String) -> (message: String, location: TextPosition)? {
        let bytes = Array(text.utf8)
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return (error.message, SourceText(bytes).location(ofOffset: error.offset))
        }
    }

    @Test func parsesValuesWithOffsets() throws {
        let root = try JSONParser.parse(Array(#"{"a": [1, -2.5e1, true, false, null], "b": "x\u00e5\n"}"#.utf8))
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyOffset == 1)
        guard case .array(let items) = members[0].value.value else { Issue.record("not an array"); return }
        #expect(items.count == 5)
        if case .number(let n) = items[1].value { #expect(n == -25) } else { Issue.record("not a number") }
        #expect(items[1].offset == 10)
        if case .string(let s) = members[1].value.value { #expect(s == "xå\n") } else { Issue.record("not a string") }
    }

    @Test func decodesSurrogatePairsAndNonASCII() throws {
        let root = try JSONParser.parse(Array(#"["\ud83c\udf89 Östersund"]"#.utf8))
        guard case .array(let items) = root.value, case .string(let s) = items[0].value else { Issue.record("shape"); return }
        #expect(s == "🎉 Östersund")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "trailing comma before '}'", TextPosition(line: 1, column: 9)),
        ("[1, 2,\n]", "trailing comma before ']'", TextPosition(line: 2, column: 1)),
        ("{\"a\": 1\n \"b\": 2}", "missing ',' between object members", TextPosition(line: 2, column: 2)),
        ("{'a': 1}", "keys must be in double quotes", TextPosition(line: 1, column: 2)),
        ("{\"a\": 'x'}", "strings must be in double quotes", TextPosition(line: 1, column: 7)),
        ("{\"a\" 1}", "expected ':' after the key \"a\"", TextPosition(line: 1, column: 6)),
        ("{\"title\": \"abc\n}", "unterminated string: line break", TextPosition(line: 1, column: 11)),
        ("{\"a\": tru}", "unexpected 'tru'", TextPosition(line: 1, column: 7)),
        ("{\"a\": 01}", "no leading zeros", TextPosition(line: 1, column: 7)),
        ("{\"a\": 1} x", "after the end of the JSON document", TextPosition(line: 1, column: 10)),
        ("{\"a\": [1, 2}", "expected ',' or ']'", TextPosition(line: 1, column: 12)),
        ("// comment\n{}", "comments are not allowed", TextPosition(line: 1, column: 1)),
        ("{\"å\": \"ä\", \"x\": ?}", "unexpected '?'", TextPosition(line: 1, column: 17)),
        ("{\"a\": \"\\q\"}", "invalid escape '\\q'", TextPosition(line: 1, column: 8)),
        ("{\"a\": \"\\ud800\"}", "surrogate pair", TextPosition(line: 1, column: 8)),
        ("", "the file is empty", TextPosition(line: 1, column: 1)),
        ("  \n ", "only whitespace", TextPosition(line: 2, column: 2)),
        ("{\"a\": [", "unclosed array", TextPosition(line: 1, column: 7)),
        ("{\"a\": 1", "unclosed object", TextPosition(line: 1, column: 1)),
    ])
    func explainsSyntaxErrorsWithPosition(_ text: String, _ expected: String, _ location: TextPosition) throws {
        let error = try #require(syntaxError(text))
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.location == location)
    }

    @Test func refusesNULAndControlCharactersInStrings() throws {
        let error = try #require(syntaxError("[\"a\u{0}b\"]"))
        #expect(error.message.contains("control character 0x00"))
        #expect(error.location == TextPosition(line: 1, column: 4))
    }

    @Test func refusesInvalidUTF8WithItsPosition() throws {
        var bytes = Array("{\"title\": \"ab".utf8)
        bytes += [0xC3, 0x28]  // A broken two-byte sequence.
        bytes += Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.message.contains("invalid UTF-8"))
            #expect(error.offset == 13)
        }
    }

    @Test func skipsBOMButRefusesUTF16() throws {
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)
        #expect(throws: Never.self) { try JSONParser.parse(withBOM) }
        let utf16: [UInt8] = [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00]
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(utf16) }
    }

    @Test func refusesDeepNestingWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(syntaxError(deep))
        #expect(error.message.contains("nested deeper than \(JSONParser.maxDepth)"))
        let fine = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(syntaxError(fine) == nil)
    }

    @Test func columnsCountCharactersNotBytes() {
        let text = SourceText(Array("åäö\n  ÅÄÖx".utf8))
        // Byte offset of "x": 6 bytes for "åäö", 1 newline, 2 spaces, 6 bytes "ÅÄÖ".
        #expect(text.location(ofOffset: 15) == TextPosition(line: 2, column: 6))
    }
}
