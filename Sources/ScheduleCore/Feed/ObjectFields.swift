/// Typed, located access to the members of one JSON object while reading a feed (or any other
/// JSON file a technician writes, such as the kiosk's config). Type errors and duplicate keys go
/// to the sink; `finish(known:)` warns about keys it does not know.
public struct ObjectFields {
    public let members: [JSONMember]
    public let offset: Int
    /// The object's own JSON path ("" for the root, "sessions[3]", "event"), as a base and
    /// an optional array index, joined only when a message needs it.
    let pathBase: String
    let pathIndex: Int?
    public var path: String { pathIndex.map { "\(pathBase)[\($0)]" } ?? pathBase }
    /// What joins the path and a key: "." for JSON, "/" for an XML document read as one.
    let keySeparator: String
    public let sink: DiagnosticSink
    /// Set once the object's id is known, so later messages name it.
    public var sessionID: String?

    /// Wraps `node` if it is an object; otherwise reports the type error and returns nil.
    public init?(_ node: JSONNode, path: String, index: Int? = nil, sink: DiagnosticSink, sessionID: String? = nil, keySeparator: String = ".") {
        self.pathBase = path
        self.keySeparator = keySeparator
        self.pathIndex = index
        self.offset = node.offset
        self.sink = sink
        self.sessionID = sessionID
        guard case .object(let members) = node.value else {
            let fullPath = index.map { "\(path)[\($0)]" } ?? path
            sink.error("expected an object, found \(node.value.typeName)", path: fullPath.isEmpty ? nil : fullPath, offset: node.offset)
            return nil
        }
        self.members = members
    }

    public func keyPath(_ key: String) -> String { path.isEmpty ? key : path + keySeparator + key }

    /// The member's value node, or nil when absent (the last one wins for duplicates, which
    /// are errors anyway).
    public func node(_ key: String) -> JSONNode? {
        var found: JSONNode?
        for member in members where member.key == key { found = member.value }
        return found
    }

    public func error(_ message: @autoclosure () -> String, key: String? = nil, at offset: Int? = nil) {
        sink.error(message(), path: key.map(keyPath) ?? (path.isEmpty ? nil : path), sessionID: sessionID, offset: offset ?? self.offset)
    }

    public func warning(_ message: @autoclosure () -> String, key: String? = nil, at offset: Int? = nil) {
        sink.warning(message(), path: key.map(keyPath) ?? (path.isEmpty ? nil : path), sessionID: sessionID, offset: offset ?? self.offset)
    }

    public func missing(_ key: String, _ what: @autoclosure () -> String) {
        error("missing \"\(key)\" (\(what()))", key: key)
    }

    // MARK: - Typed access

    /// A string member. Reports a type error; `null` counts as absent. With `nonEmpty`, an
    /// all-blank string is an error too.
    public func string(_ key: String, nonEmpty: Bool = false) -> String? {
        guard let node = node(key) else { return nil }
        switch node.value {
        case .string(let text):
            if nonEmpty, text.isBlank {
                error("must not be empty", key: key, at: node.offset)
                return nil
            }
            return text
        case .null:
            return nil
        case .number(let number):
            error("expected a string, found the number \(NumberText.format(number)) (put it in double quotes)", key: key, at: node.offset)
            return nil
        default:
            error("expected a string, found \(node.value.typeName)", key: key, at: node.offset)
            return nil
        }
    }

    /// A required string member; reports it missing.
    public func requiredString(_ key: String, _ what: String) -> String? {
        guard let node = node(key), !node.value.isNull else {
            missing(key, what)
            return nil
        }
        return string(key, nonEmpty: true)
    }

    /// An array member; nil (with a type error) when it is something else.
    public func array(_ key: String) -> (elements: [JSONNode], offset: Int)? {
        guard let node = node(key) else { return nil }
        guard case .array(let elements) = node.value else {
            if case .null = node.value { return nil }
            error("expected an array, found \(node.value.typeName)", key: key, at: node.offset)
            return nil
        }
        return (elements, node.offset)
    }

    /// Offset of a member's value (for locating messages about it), else of the object.
    public func offset(of key: String) -> Int { node(key)?.offset ?? offset }

    // MARK: - Checks

    /// Reports duplicate keys, and warns about every key not in `known` (the feed still
    /// loads: forward compatibility). Called once the object has been read, so that messages
    /// can name its session.
    public func finish(known: Set<String>) {
        reportDuplicateKeys()
        for member in members where !known.contains(member.key) {
            sink.warning("unknown key \"\(member.key)\" is ignored\(suggestion(for: member.key, in: known))",
                         path: keyPath(member.key), sessionID: sessionID, offset: member.keyOffset)
        }
    }

    private func reportDuplicateKeys() {
        guard members.count > 1 else { return }
        // Feed objects are small: comparing pairs is cheaper than hashing. A hostile object with
        // thousands of keys gets a hash of first places instead, so it stays linear.
        if members.count <= 16 {
            for index in 1..<members.count {
                let member = members[index]
                if let first = members[..<index].first(where: { $0.key == member.key }) { duplicate(member, first: first.keyOffset) }
            }
            return
        }
        var first: [String: Int] = [:]
        for member in members {
            if let earlier = first[member.key] { duplicate(member, first: earlier) } else { first[member.key] = member.keyOffset }
        }
    }

    private func duplicate(_ member: JSONMember, first: Int) {
        sink.error("duplicate key \"\(member.key)\" (also at \(sink.locationText(first))); remove one",
                   path: keyPath(member.key), sessionID: sessionID, offset: member.keyOffset)
    }

    private func suggestion(for key: String, in known: Set<String>) -> String {
        guard let best = Spelling.closest(to: key, among: known) else { return "" }
        return "; did you mean \"\(best)\"?"
    }
}
