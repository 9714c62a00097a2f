import Foundation
import ScheduleCore
import SignLayout
import SignText

/// The kiosk's decisions, apart from doing anything: from what is known at one instant (the
/// program, the feed's status, the sign's clock) to what the screen shows and when it next
/// changes. Pure: no clock, no disk, no display, so every screen state is a unit test.
public struct KioskStep {
    /// The screen's wording before any program says otherwise.
    public static let defaultLocale = "sv-SE"

    public let layout: SignLayout
    /// The sign to show; nil to choose from the program (`SignMode.automatic(for:)`).
    public let mode: SignMode?
    public let schedule: ScreenSchedule
    /// This screen's own line under an emergency alert ("Nödutgång: trappan till vänster"):
    /// only the screen knows where it hangs.
    public let direction: String?

    public init(layout: SignLayout, mode: SignMode?, schedule: ScreenSchedule = ScreenSchedule(), direction: String? = nil) {
        self.layout = layout
        self.mode = mode
        self.schedule = schedule
        self.direction = direction
    }

    /// Decides the frame for `now`.
    /// - Parameters:
    ///   - program: the program on screen (nil: none yet), with the technician's live state laid
    ///     over it (`Program.applying(_:)`).
    ///   - live: the technician's live state in force: an emergency alert takes the whole
    ///     screen whatever the program (none, or none valid), the screen's hours or the clock
    ///     (one without an end needs no clock); an info alert is shown even with no program.
    ///   - status: the feed's status, for the technician's corner mark.
    ///   - now: the sign's instant.
    ///   - clockEvidence: what the system says of the clock `now` comes from (nil: a clock
    ///     trusted as given); see `ClockGuard`.
    ///   - size: the layout's size (as the viewer sees the panel).
    public func frame(program: Program?, live: LiveState, status: KioskStatus, at now: Date, clockEvidence: ClockEvidence?, size: Size) -> KioskFrame {
        let clock = ClockGuard.state(of: now, evidence: clockEvidence)
        let words = Phrasebook(locale: program?.event.locale ?? Self.defaultLocale)
        let alert = Self.alertInForce(live, clock: clock, at: now)
        if let alert, alert.level == .emergency {
            // Whatever the hours or the clock (an emergency without an end needs no clock), and
            // checked again when it ends.
            return KioskFrame(screen: .emergency, list: layout.emergency(alert, direction: direction, width: size.width, height: size.height),
                              statusMark: nil, clock: clock, wake: clock == .waiting ? now.addingTimeInterval(1) : alert.until ?? now.addingTimeInterval(60))
        }
        if clock == .waiting {
            // Checked every second: the board appears within a second of the clock being set.
            // An info alert is the message, with what the screen waits for in the corner.
            let list = alert.map { layout.message($0.text, width: size.width, height: size.height, statusMark: words.waitingForClock) }
                ?? layout.message(words.waitingForClock, width: size.width, height: size.height)
            return KioskFrame(screen: .waitingForClock, list: list, statusMark: nil, clock: clock, wake: now.addingTimeInterval(1))
        }
        guard let program else {
            // A new program or live state wakes the loop by itself; an alert's end is checked then.
            let list = alert.map { layout.message($0.text, width: size.width, height: size.height, statusMark: words.waitingForProgram) }
                ?? layout.message(words.waitingForProgram, width: size.width, height: size.height)
            return KioskFrame(screen: .waitingForProgram, list: list, statusMark: nil, clock: clock,
                              wake: min(alert?.until ?? .distantFuture, now.addingTimeInterval(60)))
        }
        let board = Board(program: program, at: now)
        let zone = program.event.timeZone
        let local = zone.localDateTime(for: now)
        if schedule.isBlank(minuteOfDay: local.hour * 60 + local.minute, phase: board.phase) {
            let dark = DisplayList(width: size.width, height: size.height, background: Color(red: 0, green: 0, blue: 0))
            return KioskFrame(screen: .blank, list: dark, statusMark: nil, clock: clock,
                              wake: schedule.nextChange(after: now, in: zone) ?? now.addingTimeInterval(60))
        }
        let mode = self.mode ?? .automatic(for: program)
        let mark = Self.statusMark(status, program: program, words: words)
        return KioskFrame(screen: .board(mode), list: layout.layout(board, mode: mode, width: size.width, height: size.height, statusMark: mark),
                          statusMark: mark, clock: clock, wake: RedrawSchedule.nextChange(after: board, mode: mode))
    }

    /// A plain frame for inputs whose frame took longer than `KioskLimits.frameBudget`: an
    /// emergency's first words at one size, else the event's name. Cheap whatever the inputs.
    public func fallbackFrame(program: Program?, live: LiveState, at now: Date, clockEvidence: ClockEvidence?, size: Size) -> KioskFrame {
        let clock = ClockGuard.state(of: now, evidence: clockEvidence)
        let words = Phrasebook(locale: program?.event.locale ?? Self.defaultLocale)
        if let alert = Self.alertInForce(live, clock: clock, at: now), alert.level == .emergency {
            let short = LiveAlert(text: String(alert.text.prefix(Self.fallbackCharacters)), level: .emergency, until: alert.until)
            return KioskFrame(screen: .emergency, list: layout.emergency(short, direction: direction, width: size.width, height: size.height),
                              statusMark: nil, clock: clock, wake: alert.until ?? now.addingTimeInterval(60))
        }
        let text = String((program?.event.name ?? words.waitingForProgram).prefix(Self.fallbackCharacters))
        let screen: KioskFrame.Screen = program.map { .board(mode ?? .automatic(for: $0)) } ?? .waitingForProgram
        return KioskFrame(screen: screen,
                          list: layout.message(text, width: size.width, height: size.height), statusMark: nil, clock: clock,
                          wake: now.addingTimeInterval(60))
    }

    /// The alert in force: when the clock says so, or, with no trusted clock, one without an end.
    static func alertInForce(_ live: LiveState, clock: KioskStatus.ClockState, at now: Date) -> LiveAlert? {
        live.alert.flatMap { alert in (clock == .ok ? alert.isActive(at: now) : alert.until == nil) ? alert : nil }
    }

    /// Characters a fallback frame shows at most.
    static let fallbackCharacters = 120

    /// The technician's corner mark: nothing when all is well; "edit not published" after a
    /// rejected edit (of the feed or of the live file); "updated at 10:42" when the source is failing or the program came from
    /// the saved copy.
    public static func statusMark(_ status: KioskStatus, program: Program, words: Phrasebook) -> String? {
        if !status.rejectedErrors.isEmpty || !(status.live?.rejectedErrors.isEmpty ?? true) { return words.editNotPublished }
        if status.isStale || status.origin == .cache {
            return words.updatedAt(status.lastSuccess.map { words.time($0, in: program.event.timeZone) })
        }
        return nil
    }
}
