/// What a candidate from a source (a feed, a live file) led to.
public enum SourceOutcome: Equatable, Sendable {
    /// Valid and new: now in force.
    case accepted
    /// The same as what is in force.
    case unchanged
    /// Invalid: what was in force stays.
    case rejected
}
