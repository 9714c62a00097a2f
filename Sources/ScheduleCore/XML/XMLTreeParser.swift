import Foundation
import CXML2

/// Parses XML in UTF-8 (`XMLEncoding` converts other encodings first) into a tree of
/// `XMLElementNode`s with libxml2's SAX2 parser, bounded whatever the bytes say:
/// - no entity may be declared (a schedule has no use for one, and declared entities are how
///   "billion laughs" documents grow), no DTD or external entity is loaded, no network;
/// - at most `maxElements` elements (a hostile 16 MiB of `<a/>` is refused, not built), and at
///   most `XMLAttributeBound.maxAttributes` attributes in one start tag (counted before libxml2
///   reads the tag: it compares each attribute with every earlier one);
/// - fed to libxml2 in chunks, so the documented 16 MiB is the limit, not libxml2's 10 MB lookahead;
/// - attributes as written: `&amp;` is `&` (libxml2 hands it over as `&#38;`), and defaults a
///   DTD declares are not taken (a schedule must say its rooms' names itself);
/// - elements deeper than `keptDepth` are checked by libxml2 but not kept (a schedule's deepest
///   element the readers use, `schedule/day/room/event/persons/person`, is at depth 6).
/// Pure: bytes in, tree or located error out.
enum XMLTreeParser {
    static let maxElements = 250_000
    static let keptDepth = 8
    /// Bytes handed to libxml2 at a time (it refuses to look ahead past 10,000,000 in one).
    static let chunkBytes = 256 * 1024

    /// - Parameter keepingAttributesOf: the elements whose attributes are kept (the others only
    ///   say whether they had any): 19,000 tags of 100 attributes would otherwise be 1.9 million
    ///   strings in memory. Nil keeps every element's.
    static func parse(_ bytes: [UInt8], keepingAttributesOf kept: Set<String>? = nil) -> Result<XMLElementNode, XMLSyntaxError> {
        guard !bytes.isEmpty else { return .failure(XMLSyntaxError(message: "the document is empty", location: nil)) }
        guard bytes.count <= Int(Int32.max) else { return .failure(XMLSyntaxError(message: "the document is too large", location: nil)) }
        if let failure = XMLAttributeBound.check(bytes) { return .failure(failure) }
        let builder = TreeBuilder(bytes, keepingAttributesOf: kept)
        let parser = PushParser(builder)
        guard let context = parser.context else {
            return .failure(XMLSyntaxError(message: "libxml2 could not create a parser", location: nil))
        }
        builder.context = context
        // UTF-8 whatever the declaration says (`XMLEncoding` has converted it): offsets stay cheap.
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue))
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var start = 0
                repeat {
                    let end = min(start + XMLTreeParser.chunkBytes, chars.count)
                    _ = xmlParseChunk(context, chars.baseAddress.map { $0 + start }, Int32(end - start), end == chars.count ? 1 : 0)
                    start = end
                } while start < chars.count && builder.failure == nil
            }
        }
        builder.context = nil
        if let failure = builder.failure { return .failure(failure) }
        guard let root = builder.root else {
            return .failure(XMLSyntaxError(message: "no root element", location: nil))
        }
        return .success(root)
    }
}

/// Owns libxml2's push parser context and frees it.
private final class PushParser {
    let context: xmlParserCtxtPtr?
    /// Keeps the builder alive as long as libxml2 may call it.
    private let builder: TreeBuilder

    init(_ builder: TreeBuilder) {
        self.builder = builder
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { user, localName, _, _, _, _, attributeCount, defaultedCount, attributes in
            // The defaulted ones (from a DTD's ATTLIST) come last: only what the document says is kept.
            TreeBuilder.from(user).start(localName, attributeCount: Int(attributeCount - defaultedCount), attributes: attributes)
        }
        handler.endElementNs = { user, _, _, _ in TreeBuilder.from(user).end() }
        handler.characters = { user, characters, length in TreeBuilder.from(user).characters(characters, Int(length)) }
        handler.ignorableWhitespace = handler.characters
        handler.entityDecl = { user, name, _, _, _, _ in TreeBuilder.from(user).declaredEntity(name) }
        handler.serror = { user, error in
            guard let user, let error else { return }
            TreeBuilder.from(user).libxmlError(error.pointee)
        }
        let user = Unmanaged.passUnretained(builder).toOpaque()
        context = withUnsafeMutablePointer(to: &handler) { xmlCreatePushParserCtxt($0, user, nil, 0, nil) }
    }

    deinit {
        guard let context else { return }
        // libxml2 makes a document of its own for a DTD's declarations (even when refused); the
        // context does not free it.
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }
}

/// Builds the tree from libxml2's callbacks (on the parsing thread, one document at a time).
private final class TreeBuilder {
    let bytes: [UInt8]
    var context: xmlParserCtxtPtr?
    /// Open elements, outermost first; only those at depth ≤ `keptDepth`.
    private var open: [XMLElementNode] = []
    private var openText: [[UInt8]] = []
    private var depth = 0
    private var elements = 0
    private(set) var root: XMLElementNode?
    private(set) var failure: XMLSyntaxError?

    private let kept: Set<String>?

    init(_ bytes: [UInt8], keepingAttributesOf kept: Set<String>?) {
        self.bytes = bytes
        self.kept = kept
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(pointer!).takeUnretainedValue()
    }

    func start(_ localName: UnsafePointer<xmlChar>?, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard failure == nil else { return }
        depth += 1
        elements += 1
        if elements > XMLTreeParser.maxElements {
            stop("more than \(FeedLimits.grouped(XMLTreeParser.maxElements)) elements; a schedule has far fewer")
            return
        }
        guard depth <= XMLTreeParser.keptDepth else { return }
        let name = localName.map { String(cString: $0) } ?? ""
        var list: [(name: String, value: String)] = []
        if let attributes, kept?.contains(name) ?? true {
            list.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                // localname, prefix, URI, value, end of value (not NUL-terminated).
                let base = index * 5
                guard let name = attributes[base], let value = attributes[base + 3], let end = attributes[base + 4] else { continue }
                let valueBytes = UnsafeBufferPointer(start: value, count: end - value)
                list.append((String(cString: name), Self.attributeValue(String(decoding: valueBytes, as: UTF8.self))))
            }
        }
        var element = XMLElementNode(name: name, attributes: list, offset: startOfTag())
        element.hasAttributes = attributeCount > 0
        element.positionInParentText = openText.last?.count ?? 0
        open.append(element)
        openText.append([])
    }

    /// An attribute's value as written: with entity substitution off, libxml2 hands an
    /// ampersand (`&amp;`, `&#38;`) over as the reference `&#38;`, and every other entity and
    /// reference resolved; a literal `&#38;` in the document reaches here as `&#38;#38;`.
    static func attributeValue(_ raw: String) -> String {
        raw.contains("&#38;") ? raw.replacingOccurrences(of: "&#38;", with: "&") : raw
    }

    func end() {
        guard failure == nil else { return }
        defer { depth -= 1 }
        guard depth <= XMLTreeParser.keptDepth, var element = open.popLast(), let text = openText.popLast() else { return }
        element.text = String(decoding: text, as: UTF8.self)
        if open.isEmpty {
            root = element
        } else {
            open[open.count - 1].children.append(element)
        }
    }

    func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int) {
        guard failure == nil, depth <= XMLTreeParser.keptDepth, !openText.isEmpty, let characters, length > 0 else { return }
        openText[openText.count - 1].append(contentsOf: UnsafeBufferPointer(start: characters, count: length))
    }

    func declaredEntity(_ name: UnsafePointer<xmlChar>?) {
        let entity = name.map { String(cString: $0) } ?? ""
        stop("the document declares the entity \"\(entity)\"; a schedule may not declare entities")
    }

    func libxmlError(_ error: xmlError) {
        // Warnings (such as an unusual encoding declaration) do not stop the reading.
        guard failure == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "not well-formed XML"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let location = error.line > 0 ? TextPosition(line: Int(error.line), column: max(1, Int(error.int2))) : nil
        failure = XMLSyntaxError(message: "not well-formed XML: \(message)", location: location)
    }

    /// Stops libxml2 with Skylt's own reason, located where the parser is.
    private func stop(_ message: String) {
        var location: TextPosition?
        if let context {
            location = SourceText(bytes).location(ofOffset: startOfTag())
            xmlStopParser(context)
        }
        failure = XMLSyntaxError(message: message, location: location)
    }

    /// The offset of the `<` of the tag libxml2 has just read: it calls back with its position
    /// at the tag's `>`, and no `<` can occur inside a tag.
    private func startOfTag() -> Int {
        guard let context else { return 0 }
        var offset = min(Int(xmlByteConsumed(context)), bytes.count)
        while offset > 0 {
            offset -= 1
            if bytes[offset] == 0x3C { break }
        }
        return max(offset, 0)
    }
}
