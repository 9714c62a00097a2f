/// The outcome of reading a live file: the state if it is valid, and every finding.
public struct LiveReport: Sendable {
    /// The validated live state; nil when there is at least one error.
    public let state: LiveState?
    /// Errors and warnings in source order, located like a feed's.
    public let diagnostics: [Diagnostic]
    public let errorCount: Int
    public let warningCount: Int

    init(state: LiveState?, sink: DiagnosticSink) {
        self.state = state
        diagnostics = sink.diagnostics
        errorCount = sink.errorCount
        warningCount = sink.warningCount
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { state != nil }
}
