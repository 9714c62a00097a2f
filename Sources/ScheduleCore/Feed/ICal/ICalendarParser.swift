/// One content line of an iCalendar file: `NAME;PARAM=VALUE:value`, unfolded.
struct ICalProperty {
    let name: String
    let parameters: [String: String]
    let value: String
    /// Byte offset of the line in the file, for diagnostics.
    let offset: Int

    func parameter(_ key: String) -> String? { parameters[key] }
}

/// A `BEGIN:X … END:X` block with its properties and nested blocks.
final class ICalComponent {
    let name: String
    let offset: Int
    var properties: [ICalProperty] = []
    var children: [ICalComponent] = []

    init(name: String, offset: Int) {
        self.name = name
        self.offset = offset
    }

    func first(_ name: String) -> ICalProperty? { properties.first { $0.name == name } }
    func all(_ name: String) -> [ICalProperty] { properties.filter { $0.name == name } }
}

/// RFC 5545 lexical layer: unfolds lines (CRLF, bare LF or bare CR, as real exports have), splits
/// parameters (quoted values too), builds the component tree. Never traps on any input.
enum ICalendarParser {
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    static func parse(_ bytes: [UInt8]) -> Result<ICalComponent, Failure> {
        // Unfold on bytes, before decoding: RFC 5545 folds at 75 octets, so a fold may fall
        // inside a multi-byte UTF-8 character. Lines end in CRLF, bare LF or bare CR (all seen in exports).
        var logical: [(bytes: [UInt8], offset: Int)] = []
        var start = 0
        var index = 0
        func endLine(at end: Int) {
            let content = bytes[start..<end]
            if let first = content.first, first == 0x20 || first == 0x09, !logical.isEmpty {
                logical[logical.count - 1].bytes += content.dropFirst()
            } else if !content.isEmpty {
                logical.append((Array(content), start))
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                endLine(at: index)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        endLine(at: bytes.count)
        var lines: [(String, Int)] = []
        lines.reserveCapacity(logical.count)
        for (content, offset) in logical {
            guard let line = String(validating: content, as: UTF8.self) else {
                return .failure(Failure(message: "invalid UTF-8 bytes; save the file as UTF-8", offset: offset))
            }
            lines.append((line, offset))
        }
        if let first = lines.first, first.0.hasPrefix("\u{FEFF}") { lines[0].0.removeFirst() }
        var stack: [ICalComponent] = []
        var root: ICalComponent?
        for (line, offset) in lines {
            guard let property = property(line, offset: offset) else {
                return .failure(Failure(message: "not an iCalendar content line (NAME:value)", offset: offset))
            }
            if property.name == "BEGIN" {
                let component = ICalComponent(name: property.value.uppercased(), offset: offset)
                stack.last?.children.append(component)
                if stack.isEmpty {
                    guard root == nil else { return .failure(Failure(message: "a second calendar after END:VCALENDAR", offset: offset)) }
                    root = component
                }
                stack.append(component)
                if stack.count > 32 { return .failure(Failure(message: "components nested deeper than 32", offset: offset)) }
            } else if property.name == "END" {
                guard let open = stack.popLast(), open.name == property.value.uppercased() else {
                    return .failure(Failure(message: "END:\(property.value) does not close the open component", offset: offset))
                }
            } else if let current = stack.last {
                current.properties.append(property)
            } else {
                return .failure(Failure(message: "a property outside BEGIN:VCALENDAR … END:VCALENDAR", offset: offset))
            }
        }
        guard let root, root.name == "VCALENDAR" else { return .failure(Failure(message: "no BEGIN:VCALENDAR", offset: 0)) }
        if let open = stack.last { return .failure(Failure(message: "BEGIN:\(open.name) is never closed", offset: open.offset)) }
        return .success(root)
    }

    /// Splits `NAME;P1=V1;P2="V;2":value`.
    static func property(_ line: String, offset: Int) -> ICalProperty? {
        var name = ""
        var parameters: [String: String] = [:]
        var index = line.startIndex
        func readToken(stopAt stops: Set<Character>) -> String {
            var token = ""
            var quoted = false
            while index < line.endIndex {
                let character = line[index]
                if character == "\"" { quoted.toggle(); index = line.index(after: index); continue }
                if !quoted && stops.contains(character) { break }
                token.append(character)
                index = line.index(after: index)
            }
            return token
        }
        name = readToken(stopAt: [";", ":"]).uppercased()
        guard !name.isEmpty else { return nil }
        while index < line.endIndex, line[index] == ";" {
            index = line.index(after: index)
            let key = readToken(stopAt: ["=", ";", ":"]).uppercased()
            var value = ""
            if index < line.endIndex, line[index] == "=" {
                index = line.index(after: index)
                value = readToken(stopAt: [";", ":"])
            }
            parameters[key] = value
        }
        guard index < line.endIndex, line[index] == ":" else { return nil }
        return ICalProperty(name: name, parameters: parameters, value: String(line[line.index(after: index)...]), offset: offset)
    }

    /// TEXT values: `\,` `\;` `\\` `\n`.
    static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
