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

/// Collects diagnostics while a feed is read, turning byte offsets into line:column. Only the
/// first `maxListed` are kept, in full; the rest are counted and summed up in one last line, so
/// a feed with a hundred thousand mistakes costs no more to report than one with two hundred.
public final class DiagnosticSink {
    /// How many findings are listed one by one.
    public static let maxListed = 200

    /// The findings listed so far (at most `maxListed`), in the order found.
    public private(set) var listed: [Diagnostic] = []
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    let source: SourceText?

    public init(source: SourceText?) {
        self.source = source
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// Every finding listed, in source order, and a last line counting those not listed.
    public var diagnostics: [Diagnostic] {
        let ordered = Diagnostic.inSourceOrder(listed)
        let unlistedErrors = errorCount - listed.count { $0.severity == .error }
        let unlistedWarnings = warningCount - listed.count { $0.severity == .warning }
        guard unlistedErrors + unlistedWarnings > 0 else { return ordered }
        let parts = [(unlistedErrors, "error"), (unlistedWarnings, "warning")].filter { $0.0 > 0 }
            .map { "\(FeedLimits.grouped($0.0)) more \($0.1)\($0.0 == 1 ? "" : "s")" }
        return ordered + [Diagnostic(unlistedErrors > 0 ? .error : .warning,
                                     "… and \(parts.joined(separator: " and ")) not listed (the first \(Self.maxListed) are above)")]
    }

    /// Records an error; `message` is only built if it will be listed.
    public func error(_ message: @autoclosure () -> String, path: String? = nil, sessionID: String? = nil, offset: Int? = nil) {
        add(.error, message(), path: path, sessionID: sessionID, offset: offset)
    }

    /// Records a warning; `message` is only built if it will be listed.
    public func warning(_ message: @autoclosure () -> String, path: String? = nil, sessionID: String? = nil, offset: Int? = nil) {
        add(.warning, message(), path: path, sessionID: sessionID, offset: offset)
    }

    public func add(_ severity: Diagnostic.Severity, _ message: @autoclosure () -> String, path: String? = nil, sessionID: String? = nil, offset: Int? = nil) {
        switch severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        }
        guard listed.count < Self.maxListed else { return }
        let location = offset.flatMap { offset in source?.location(ofOffset: offset) }
        listed.append(Diagnostic(severity, message(), path: path, sessionID: sessionID, location: location))
    }

    /// The line:column of an offset, for messages that point at a second place ("also at 12:5").
    public func locationText(_ offset: Int) -> String {
        source.map { "\($0.location(ofOffset: offset))" } ?? "offset \(offset)"
    }
}
