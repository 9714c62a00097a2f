import Foundation

/// Turns an XML document into UTF-8 before libxml2 reads it, so that every offset the reader
/// takes is a byte of UTF-8 (cheap for libxml2 to give: in another encoding each costs a pass
/// over the rest of the document, which a hostile file turns into minutes). The encodings real
/// exports use are read: UTF-8 (the default), ISO-8859-1 (and US-ASCII) and windows-1252; any
/// other declared encoding is refused with a way out (UTF-16 files are refused before, as for
/// every format). A declaration is not trusted blindly: bytes declared ISO-8859-1, US-ASCII or
/// windows-1252 that are valid UTF-8 with letters beyond ASCII were saved as UTF-8 (read as
/// Latin-1 they would show "FÃ¶redrag"), so they are read as UTF-8, with a warning.
enum XMLEncoding {
    /// The document in UTF-8 (the same bytes when it already is), with a warning when its
    /// declaration was wrong; or why it cannot be read.
    static func utf8(_ bytes: [UInt8]) -> Result<(bytes: [UInt8], warning: String?), XMLSyntaxError> {
        guard let declared = declaredEncoding(bytes)?.lowercased() else { return .success((bytes, nil)) }
        let encoding: String.Encoding
        switch declared {
        case "utf-8", "utf8": return .success((bytes, nil))
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii": encoding = .isoLatin1
        case "windows-1252", "cp1252": encoding = .windowsCP1252
        default:
            return .failure(XMLSyntaxError(message: "the document is in \(declared.prefix(40)); Skylt reads schedule.xml in UTF-8, "
                                           + "ISO-8859-1 or windows-1252 (save it as UTF-8)", location: TextPosition(line: 1, column: 1)))
        }
        if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil {
            return .success((Array(declaringUTF8(String(decoding: bytes, as: UTF8.self)).utf8),
                             "the document declares \(declared.prefix(40)) but its bytes are UTF-8 (letters beyond ASCII in UTF-8's form); "
                             + "it is read as UTF-8: correct the declaration to encoding=\"UTF-8\""))
        }
        guard let text = String(data: Data(bytes), encoding: encoding) else {
            return .failure(XMLSyntaxError(message: "the document is not in the \(declared) it declares", location: TextPosition(line: 1, column: 1)))
        }
        return .success((Array(declaringUTF8(text).utf8), nil))
    }

    /// The `encoding="…"` of the XML declaration at the start, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(256), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
        let declaration = head[..<end.lowerBound]
        guard let match = declaration.range(of: #"encoding\s*=\s*["']([A-Za-z0-9._-]+)["']"#, options: .regularExpression) else { return nil }
        let value = declaration[match].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first
        return value.map(String.init)
    }

    /// The text with its declaration's encoding now saying UTF-8 (the line breaks unchanged).
    private static func declaringUTF8(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return text }
        let declaration = String(text[..<end.lowerBound])
            .replacingOccurrences(of: #"encoding\s*=\s*["'][A-Za-z0-9._-]+["']"#, with: "encoding=\"UTF-8\"", options: .regularExpression)
        return declaration + text[end.lowerBound...]
    }
}
