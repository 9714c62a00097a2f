import Foundation

/// What a watched file or a polled URL hands its bytes to: the program's `ProgramStore`, or the
/// technician's `LiveStore`. Each validates what it is offered and keeps its last good copy, so
/// the same watcher and poller serve both.
public protocol SourceConsumer: AnyObject, Sendable {
    /// What it reads: its size cap (larger files and bodies are refused) and the words for that.
    var kind: SourceKind { get }
    /// Whether it has something to show already (a program, a live state).
    var hasContent: Bool { get }
    /// A candidate from the source: validated, and used only if valid.
    @discardableResult func offer(_ bytes: [UInt8], at now: Date, origin name: String) -> SourceOutcome
    /// The source could not be reached or read; what is in force stays.
    func sourceFailed(_ reason: String, at now: Date)
    /// The source answered that nothing changed (HTTP 304).
    func sourceUnchanged(at now: Date)
    /// Sets how many failures in a row make the source stale.
    func setStaleAfter(_ count: Int)
    /// Takes up the saved last good copy, if there is one (at start).
    @discardableResult func loadCache() -> Bool
}
