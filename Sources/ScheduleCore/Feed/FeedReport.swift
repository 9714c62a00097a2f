/// The outcome of reading a feed: the program if it is valid, and every diagnostic found.
public struct FeedReport: Sendable {
    /// The validated program; nil when there is at least one error.
    public let program: Program?
    /// Errors and warnings in the order found (roughly source order).
    public let diagnostics: [Diagnostic]
    /// The format the bytes were recognised as.
    public let format: FeedFormat
    /// How many errors and warnings were found in all, listed or not (`DiagnosticSink.maxListed`).
    public let errorCount: Int
    public let warningCount: Int

    public init(program: Program?, diagnostics: [Diagnostic], format: FeedFormat) {
        self.program = program
        self.diagnostics = diagnostics
        self.format = format
        errorCount = diagnostics.count { $0.severity == .error }
        warningCount = diagnostics.count { $0.severity == .warning }
    }

    /// The report of a reading, with the sink's counts of everything found.
    init(program: Program?, sink: DiagnosticSink, format: FeedFormat) {
        self.program = program
        diagnostics = sink.diagnostics
        self.format = format
        errorCount = sink.errorCount
        warningCount = sink.warningCount
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { program != nil }
}

/// The feed formats Skylt knows.
public enum FeedFormat: String, Sendable {
    /// Skylt's own feed, version 1 (`{"skylt": 1, …}`).
    case skyltV1 = "skylt-v1"
    /// A frab or pretalx `schedule.json` export.
    case frab = "frab-json"
    /// A frab or Pentabarf `schedule.xml` export.
    case frabXML = "frab-xml"
    /// An iCalendar (RFC 5545) file.
    case iCalendar = "icalendar"
    /// Not recognised.
    case unknown
}
