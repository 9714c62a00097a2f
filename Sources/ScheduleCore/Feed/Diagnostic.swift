/// One finding about a feed: an error (the feed is rejected) or a warning (it is used anyway),
/// with where it is, so that a technician can go straight to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public let severity: Severity
    public let message: String
    /// The JSON path of the value concerned (`sessions[3].end`), when there is one.
    public let path: String?
    /// The id of the session concerned, when there is one.
    public let sessionID: String?
    /// Line and column in the feed, when known.
    public let location: TextPosition?

    public init(_ severity: Severity, _ message: String, path: String? = nil, sessionID: String? = nil, location: TextPosition? = nil) {
        self.severity = severity
        self.message = message
        self.path = path
        self.sessionID = sessionID
        self.location = location
    }

    /// Compiler style: `FILE:LINE:COL: error: sessions[3].end (session "s4"): message`.
    public func formatted(file: String) -> String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": \(severity.rawValue): "
        text += context.map { $0 + ": " } ?? ""
        return text + message
    }

    /// The path and session id, as shown before the message.
    public var context: String? {
        switch (path, sessionID) {
        case let (path?, id?): "\(path) (session \"\(id)\")"
        case let (path?, nil): path
        case let (nil, id?): "session \"\(id)\""
        case (nil, nil): nil
        }
    }

    public var description: String { formatted(file: "feed") }

    /// Source order, like a compiler; findings without a place first.
    public static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element.location, b = rhs.element.location
            switch (a, b) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (a?, b?):
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
                return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

/// Collects diagnostics while a feed is read, turning byte offsets into line:column.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    let source: SourceText?

    public init(source: SourceText?) {
        self.source = source
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func error(_ message: String, path: String? = nil, sessionID: String? = nil, offset: Int? = nil) {
        add(.error, message, path: path, sessionID: sessionID, offset: offset)
    }

    public func warning(_ message: String, path: String? = nil, sessionID: String? = nil, offset: Int? = nil) {
        add(.warning, message, path: path, sessionID: sessionID, offset: offset)
    }

    public func add(_ severity: Diagnostic.Severity, _ message: String, path: String? = nil, sessionID: String? = nil, offset: Int? = nil) {
        let location = offset.flatMap { offset in source?.location(ofOffset: offset) }
        diagnostics.append(Diagnostic(severity, message, path: path, sessionID: sessionID, location: location))
    }

    /// The line:column of an offset, for messages that point at a second place ("also at 12:5").
    public func locationText(_ offset: Int) -> String {
        source.map { "\($0.location(ofOffset: offset))" } ?? "offset \(offset)"
    }
}
