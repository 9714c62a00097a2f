/// A JSON value as read from a feed, with the byte offset where it starts so that every
/// diagnostic about it can name a line and column.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON type name a technician knows ("string", "number", …), for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A value and the byte offset of its first character in the source.
public struct JSONNode: Sendable {
    public let value: JSONValue
    public let offset: Int

    public init(_ value: JSONValue, offset: Int) {
        self.value = value
        self.offset = offset
    }
}

/// One `"key": value` member of an object, in source order (duplicates are kept, so that a
/// reader can report them).
public struct JSONMember: Sendable {
    public let key: String
    public let keyOffset: Int
    public let value: JSONNode

    public init(key: String, keyOffset: Int, value: JSONNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}

/// A syntax error: where it is (byte offset) and what is wrong, in words for a technician.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let message: String
}
