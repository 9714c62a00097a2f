/// A strict JSON (RFC 8259) parser that keeps the offset of every value and explains syntax
/// errors in words a technician can act on ("trailing comma before '}'").
///
/// Foundation's decoders report no position for syntax errors, and Skylt must say where a
/// broken edit is broken, so the feed readers parse with this instead. It is iterative over
/// bytes, bounded in nesting depth, and never traps on any input.
public enum JSONParser {
    /// Deeper nesting is refused with an error rather than risking the stack.
    public static let maxDepth = 256
    /// More values in one document are refused: each costs tens of bytes in memory, so 16 MiB
    /// of `0,0,0,…` would otherwise take 330 MB, past what a small board gives the kiosk. The
    /// largest feed Skylt takes (100,000 sessions with speakers) has about 1.5 million.
    public static let maxValues = 1_500_000

    /// Parses one JSON document.
    /// - Parameter bytes: the document, UTF-8 (a leading byte-order mark is skipped).
    /// - Returns: the root value.
    /// - Throws: `JSONSyntaxError` with the byte offset of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<JSONNode, JSONSyntaxError> in
            var cursor = Cursor(buffer)
            return Result { () throws(JSONSyntaxError) -> JSONNode in try cursor.parseDocument() }
        }
        return try result.get()
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    var values = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: - Document

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw JSONSyntaxError(offset: 0, message: "the file is UTF-16 encoded; save it as UTF-8")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if index == bytes.count {
            throw JSONSyntaxError(offset: index, message: bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
        }
        let root = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw JSONSyntaxError(offset: index, message: "unexpected \(describe(index)) after the end of the JSON document")
        }
        return root
    }

    // MARK: - Values

    mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else {
            throw JSONSyntaxError(offset: index, message: "unexpected end of file; expected a value")
        }
        let start = index
        values += 1
        if values > JSONParser.maxValues {
            throw JSONSyntaxError(offset: start, message: "more than \(FeedLimits.grouped(JSONParser.maxValues)) values; a feed holds far fewer (is this the right file?)")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(.object(try parseObject()), offset: start)
        case UInt8(ascii: "["): return JSONNode(.array(try parseArray()), offset: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), offset: start)
        case UInt8(ascii: "'"):
            throw JSONSyntaxError(offset: start, message: "strings must be in double quotes (\"), not single quotes")
        case UInt8(ascii: "/"):
            throw JSONSyntaxError(offset: start, message: "comments are not allowed in JSON")
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            throw JSONSyntaxError(offset: start, message: "unexpected \(describe(start)); expected a value (is there a comma too many?)")
        default:
            throw JSONSyntaxError(offset: start, message: "unexpected \(describe(start)); expected a value (string, number, object, array, true, false or null)")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> [JSONMember] {
        let open = index
        try enter(open)
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return members
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: open, message: "unclosed object: end of file before its '}'")
            }
            let keyOffset = index
            switch bytes[index] {
            case UInt8(ascii: "\""): break
            case UInt8(ascii: "}"):
                throw JSONSyntaxError(offset: index, message: "trailing comma before '}'")
            case UInt8(ascii: "'"):
                throw JSONSyntaxError(offset: index, message: "keys must be in double quotes (\"), not single quotes")
            case UInt8(ascii: "/"):
                throw JSONSyntaxError(offset: index, message: "comments are not allowed in JSON")
            default:
                throw JSONSyntaxError(offset: index, message: "unexpected \(describe(index)); expected a key in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: index, message: "expected ':' after the key \"\(key)\", found \(describe(index))")
            }
            index += 1
            let value = try parseValue()
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: open, message: "unclosed object: end of file before its '}'")
            }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return members
            case UInt8(ascii: "\""):
                throw JSONSyntaxError(offset: index, message: "missing ',' between object members")
            default:
                throw JSONSyntaxError(offset: index, message: "unexpected \(describe(index)); expected ',' or '}' after the value of \"\(key)\"")
            }
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> [JSONNode] {
        let open = index
        try enter(open)
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return elements
        }
        while true {
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                throw JSONSyntaxError(offset: index, message: "trailing comma before ']'")
            }
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: open, message: "unclosed array: end of file before its ']'")
            }
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: open, message: "unclosed array: end of file before its ']'")
            }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return elements
            case UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "["):
                throw JSONSyntaxError(offset: index, message: "missing ',' between array elements")
            default:
                throw JSONSyntaxError(offset: index, message: "unexpected \(describe(index)); expected ',' or ']'")
            }
        }
    }

    mutating func enter(_ offset: Int) throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw JSONSyntaxError(offset: offset, message: "nested deeper than \(JSONParser.maxDepth) levels")
        }
    }

    // MARK: - Strings

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let contentStart = index
        var asciiOnly = true
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                if asciiOnly { return String(decoding: slice, as: UTF8.self) }
                return try validatedString(slice, base: contentStart)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(at: index, open: open) }
            if byte >= 0x80 { asciiOnly = false }
            index += 1
        }
        // Slow path: escapes present; collect bytes.
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try buffer.withUnsafeBufferPointer { (slice) throws(JSONSyntaxError) -> String in
                    try validatedString(slice, base: contentStart)
                }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            default:
                if byte < 0x20 { throw controlCharacterError(at: index, open: open) }
                buffer.append(byte)
                index += 1
            }
        }
        throw JSONSyntaxError(offset: open, message: "unterminated string: end of file before the closing quote")
    }

    func controlCharacterError(at offset: Int, open: Int) -> JSONSyntaxError {
        if bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            return JSONSyntaxError(offset: open, message: "unterminated string: line break before the closing quote")
        }
        if bytes[offset] == 0x09 {
            return JSONSyntaxError(offset: offset, message: "tab character inside a string; write it as \\t")
        }
        return JSONSyntaxError(offset: offset, message: "control character \(hex(bytes[offset])) inside a string")
    }

    mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let escape = index
        index += 1
        guard index < bytes.count else {
            throw JSONSyntaxError(offset: escape, message: "unterminated string: end of file after '\\'")
        }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escape)
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(offset: escape, message: "\\u escape is half of a surrogate pair without its other half")
                }
                index += 2
                let low = try hex4(escape)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONSyntaxError(offset: escape, message: "\\u escape is half of a surrogate pair without its other half")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONSyntaxError(offset: escape, message: "\\u escape is half of a surrogate pair without its other half")
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw JSONSyntaxError(offset: escape, message: "\\u escape is not a Unicode character")
            }
            buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw JSONSyntaxError(offset: escape, message: "invalid escape '\\\(printable(code))' in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        }
    }

    mutating func hex4(_ escape: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw JSONSyntaxError(offset: escape, message: "\\u escape needs four hexadecimal digits")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(offset: escape, message: "\\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func validatedString(_ slice: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONSyntaxError) -> String {
        if let string = String(validating: slice, as: UTF8.self) { return string }
        // Find the first bad byte for the message.
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            consumed += UTF8.width(scalar)
        }
        throw JSONSyntaxError(offset: base + consumed, message: "invalid UTF-8 bytes in a string; save the file as UTF-8")
    }

    // MARK: - Numbers and literals

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else {
            throw JSONSyntaxError(offset: start, message: "invalid number: '-' must be followed by a digit")
        }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek, isDigit(next) {
                throw JSONSyntaxError(offset: start, message: "invalid number: no leading zeros allowed")
            }
        } else {
            while let digit = peek, isDigit(digit) { index += 1 }
        }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let digit = peek, isDigit(digit) else {
                throw JSONSyntaxError(offset: start, message: "invalid number: '.' must be followed by a digit")
            }
            while let digit = peek, isDigit(digit) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, isDigit(digit) else {
                throw JSONSyntaxError(offset: start, message: "invalid number: exponent needs digits")
            }
            while let digit = peek, isDigit(digit) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, index - start <= 18, let integer = Int(text) { return Double(integer) }
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(offset: start, message: "number \(text.prefix(40)) is out of range")
        }
        return value
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard index < bytes.count, bytes[index] == byte else {
                throw JSONSyntaxError(offset: start, message: "unexpected \(describeWord(start)); expected a value (strings need double quotes)")
            }
            index += 1
        }
    }

    // MARK: - Helpers

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(printable(byte))'" }
        if byte >= 0x80 { return "character \(hex(byte))" }
        return "byte \(hex(byte))"
    }

    func describeWord(_ offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 20, bytes[end] > 0x20, bytes[end] < 0x7F,
              ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":")].contains(bytes[end]) {
            end += 1
        }
        if end == offset { return describe(offset) }
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self) + "'"
    }

    func printable(_ byte: UInt8) -> String { String(UnicodeScalar(byte)) }

    func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
