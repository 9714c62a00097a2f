import ScheduleCore

/// Lays the live state over the program for the render loop, once per change of either: the
/// loop asks every turn, and a program of a hundred thousand sessions is not rebuilt each time.
final class LiveOverlay {
    private var planned: Program?
    private var live: LiveState = .none
    private var result: Program?

    /// The program with `live` laid over it (`Program.applying(_:)`), reused while neither changes.
    func program(_ planned: Program, live: LiveState) -> Program {
        if let result, self.planned === planned, self.live == live { return result }
        let applied = live == .none ? planned : planned.applying(live)
        self.planned = planned
        self.live = live
        result = applied
        return applied
    }
}
