/// How many attributes one start tag may have, counted in one pass over the bytes before
/// libxml2 reads them: Debian's libxml2 2.9.14 compares each attribute of a tag with every
/// earlier one, so 268,000 attributes in one tag took 18 s and 2 million an estimated 18 minutes.
/// A schedule's tags have a handful; past the bound the document is refused, located at the tag.
enum XMLAttributeBound {
    /// Attributes in one start tag (namespace declarations count).
    static let maxAttributes = 100

    /// Why the document is refused (the first tag past the bound), or nil.
    static func check(_ bytes: [UInt8]) -> XMLSyntaxError? {
        let count = bytes.count
        var index = 0
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let tag = index
            index += 1
            guard index < count else { break }
            switch bytes[index] {
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                // A comment, CDATA section, declaration or processing instruction: skipped to its
                // end (their contents hold no start tags libxml2 would read as such).
                index = endOfMarkup(bytes, from: tag)
            default:
                var attributes = 0
                var quote: UInt8?
                while index < count {
                    let byte = bytes[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > maxAttributes {
                            return XMLSyntaxError(message: "a start tag with more than \(maxAttributes) attributes; a schedule's elements have a few",
                                                  location: SourceText(bytes).location(ofOffset: tag))
                        }
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    index += 1
                }
            }
        }
        return nil
    }

    /// The index after the end of `<!--…-->`, `<![CDATA[…]]>`, `<?…?>` or `<!…>` starting at `start`.
    private static func endOfMarkup(_ bytes: [UInt8], from start: Int) -> Int {
        func find(_ terminator: String, from index: Int) -> Int {
            let marker = Array(terminator.utf8)
            var position = index
            while position + marker.count <= bytes.count {
                if bytes[position] == marker[0], bytes[position..<position + marker.count].elementsEqual(marker) { return position + marker.count }
                position += 1
            }
            return bytes.count
        }
        if bytes[start...].starts(with: Array("<!--".utf8)) { return find("-->", from: start + 4) }
        if bytes[start...].starts(with: Array("<![CDATA[".utf8)) { return find("]]>", from: start + 9) }
        if bytes[start...].starts(with: Array("<?".utf8)) { return find("?>", from: start + 2) }
        // A declaration (<!DOCTYPE …>, with an internal subset in brackets): to its closing `>`.
        var depth = 0
        var index = start + 2
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: return index + 1
            default: break
            }
            index += 1
        }
        return bytes.count
    }
}
