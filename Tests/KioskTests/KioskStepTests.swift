import DisplayContract
import Foundation
import Kiosk
import ScheduleCore
import SignLayout
import SignText
import SkyltTestSupport
import Testing

/// Every screen the kiosk can show, decided by the pure step at chosen instants: no SDL, no
/// waiting, no clock.
@Suite struct KioskStepTests {
    static let size = Size(width: 1280, height: 720)
    static let stockholm = TimeZone(identifier: "Europe/Stockholm")!

    static func program(_ name: String) throws -> Program {
        let bytes = [UInt8](try Data(contentsOf: TestRepository.assets.appendingPathComponent("feeds/\(name)")))
        return try #require(FeedReader.read(bytes).program)
    }

    static func step(mode: SignMode? = nil, schedule: ScreenSchedule = ScreenSchedule()) -> KioskStep {
        KioskStep(layout: SignLayout(theme: .dark, measurer: FixedMeasurer()), mode: mode, schedule: schedule)
    }

    static func at(_ text: String) -> Date { TestInstant.local(text, in: stockholm) }

    static func frame(_ step: KioskStep, _ program: Program?, at instant: Date, status: KioskStatus = KioskStatus(source: "feed.json"),
                      clockEvidence: ClockEvidence? = nil) -> KioskFrame {
        step.frame(program: program, live: liveOf(program), status: status, at: instant, clockEvidence: clockEvidence, size: size)
    }

    static func texts(_ frame: KioskFrame) -> [String] { frame.list.texts.map(\.text) }

    // MARK: - Clock and program

    @Test func anUnsetSystemClockWaitsThenTheBoardAppearsOnceItIsSet() throws {
        let program = try Self.program("spridningskonferens-2020.json")
        let step = Self.step()
        let system = ClockEvidence(secondsSinceBoot: 5, epoch: nil, synchronized: false)
        let boot = Self.frame(step, program, at: TestInstant.absolute("2000-01-01T00:00:05Z"), clockEvidence: system)
        #expect(boot.screen == .waitingForClock && boot.clock == .waiting)
        #expect(Self.texts(boot) == [Phrasebook(locale: "sv-SE").waitingForClock])
        #expect(boot.wake == TestInstant.absolute("2000-01-01T00:00:06Z"))  // Checked again every second.
        let synced = Self.frame(step, program, at: TestInstant.absolute("2026-11-23T09:00:00Z"), clockEvidence: system)
        #expect(synced.clock == .ok)
        #expect(synced.screen == .board(.room("main")))
    }

    @Test func aSimulatedClockIsTrustedWhateverItsYear() throws {
        let frame = Self.frame(Self.step(), try Self.program("spridningskonferens-2020.json"), at: Self.at("2020-02-06T10:20"))
        #expect(frame.screen == .board(.room("main")) && frame.clock == .ok)
        #expect(Self.texts(frame).contains("Vi behöver ett mind"))
    }

    @Test func withoutAProgramTheScreenSaysItIsWaiting() {
        let frame = Self.frame(Self.step(), nil, at: Self.at("2020-02-06T10:20"))
        #expect(frame.screen == .waitingForProgram)
        #expect(Self.texts(frame) == [Phrasebook(locale: "sv-SE").waitingForProgram])
        #expect(frame.wake > Self.at("2020-02-06T10:20"))
    }

    @Test func oneRoomShowsItsSignAndSeveralRoomsTheLobby() throws {
        #expect(Self.frame(Self.step(), try Self.program("nordic-devdays-multi-room.json"), at: Self.at("2021-09-14T10:00")).screen == .board(.lobby))
        let asked = Self.step(mode: .room("hall-b"))
        #expect(Self.frame(asked, try Self.program("nordic-devdays-multi-room.json"), at: Self.at("2021-09-14T10:00")).screen == .board(.room("hall-b")))
    }

    // MARK: - Screen hours

    @Test func screenHoursTurnTheScreenOffAndBackOn() throws {
        let program = try Self.program("spridningskonferens-2020.json")
        let step = Self.step(schedule: ScreenSchedule(onMinute: 7 * 60 + 30, offMinute: 18 * 60 + 30))
        let early = Self.frame(step, program, at: Self.at("2020-02-06T06:00"))
        #expect(early.screen == .blank && early.list.items.isEmpty && early.list.background == Color(red: 0, green: 0, blue: 0))
        #expect(early.wake == Self.at("2020-02-06T07:30"))  // Not every minute: at the on-time.
        #expect(Self.frame(step, program, at: early.wake).screen == .board(.room("main")))
        #expect(Self.frame(step, program, at: Self.at("2020-02-06T18:29:59")).screen == .board(.room("main")))
        let evening = Self.frame(step, program, at: Self.at("2020-02-06T18:30"))
        #expect(evening.screen == .blank)
        #expect(evening.wake == Self.at("2020-02-07T07:30"))
    }

    @Test func blankAfterTheLastSessionAndBackTheNextMorning() throws {
        let program = try Self.program("fjallforum-multi-day.json")
        let step = Self.step(schedule: ScreenSchedule(onMinute: 7 * 60, offMinute: 20 * 60, blankAfterLastSession: true))
        #expect(Self.frame(step, program, at: Self.at("2022-03-10T16:00")).screen == .board(.lobby))
        let after = Self.frame(step, program, at: Self.at("2022-03-10T16:45"))
        #expect(after.screen == .blank)
        // Dark through the evening and the night, and back when the screen's hours begin.
        var instant = after.wake
        var wakes = [instant]
        while Self.frame(step, program, at: instant).screen == .blank {
            instant = Self.frame(step, program, at: instant).wake
            wakes.append(instant)
            #expect(wakes.count < 10)
        }
        #expect(instant == Self.at("2022-03-11T07:00"))
        #expect(wakes.count <= 3, "\(wakes)")  // 20:00, midnight, 07:00: no minute-by-minute waking.
        // After the event's very last session it stays dark.
        #expect(Self.frame(step, program, at: Self.at("2022-03-11T15:00")).screen == .blank)
    }

    @Test(arguments: [("2020-03-28T20:00", "2020-03-29T07:30"), ("2020-10-24T20:00", "2020-10-25T07:30"), ("2020-03-29T01:00", "2020-03-29T07:30")])
    func theOnTimeIsFoundAcrossDaylightSavingChanges(_ from: String, _ expected: String) {
        let schedule = ScreenSchedule(onMinute: 7 * 60 + 30, offMinute: 18 * 60)
        #expect(schedule.nextChange(after: Self.at(from), in: Self.stockholm) == Self.at(expected))
    }

    // MARK: - Status marks

    @Test func statusMarksTellTheTechnicianWhatIsWrong() throws {
        let program = try Self.program("spridningskonferens-2020.json")
        let words = Phrasebook(locale: "sv-SE")
        let step = Self.step()
        let now = Self.at("2020-02-06T10:20")
        var status = KioskStatus(source: "feed.json")
        #expect(Self.frame(step, program, at: now, status: status).statusMark == nil)

        var rejected = status
        rejected.rejectedErrors = ["feed.json:3:5: error: sessions[0].end: …"]
        let rejectedFrame = Self.frame(step, program, at: now, status: rejected)
        #expect(rejectedFrame.statusMark == words.editNotPublished)
        #expect(Self.texts(rejectedFrame).contains("● " + words.editNotPublished))

        status.lastSuccess = Self.at("2020-02-06T10:12")
        var staleFile = status
        staleFile.staleAfter = 0
        staleFile.failuresInARow = 1
        #expect(Self.frame(step, program, at: now, status: staleFile).statusMark == words.updatedAt("10:12"))

        var url = status
        url.staleAfter = 2
        url.failuresInARow = 2
        #expect(Self.frame(step, program, at: now, status: url).statusMark == nil)  // Two failed polls are not yet stale.
        url.failuresInARow = 3
        #expect(Self.frame(step, program, at: now, status: url).statusMark == words.updatedAt("10:12"))

        var cached = status
        cached.origin = .cache
        #expect(Self.frame(step, program, at: now, status: cached).statusMark == words.updatedAt("10:12"))
    }

    // MARK: - Pages, notices and the wake-up schedule

    @Test func lobbyPagesFlipOnTheClocksTenSecondsAlike() throws {
        let rooms = (1...40).map { #"{"id": "r\#($0)", "name": "Sal \#($0)"}"# }.joined(separator: ",")
        let sessions = (1...40).map { #"{"id": "a\#($0)", "room": "r\#($0)", "title": "Föredrag \#($0)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}"# }
        let program = try #require(FeedReader.read(Array(#"{"skylt": 1, "event": {"name": "Kongress", "timezone": "Europe/Stockholm"}, "rooms": [\#(rooms)], "sessions": [\#(sessions.joined(separator: ","))]}"#.utf8)).program)
        let step = Self.step()
        let first = Self.frame(step, program, at: Self.at("2020-02-06T09:20:03"))
        #expect(first.wake == Self.at("2020-02-06T09:20:10"))
        let second = Self.frame(step, program, at: first.wake)
        #expect(Self.texts(first).contains("Sal 1") && !Self.texts(second).contains("Sal 1"))
        // Two screens deciding at the same instant show the same page.
        #expect(Self.frame(step, program, at: first.wake).list == second.list)
    }

    @Test func noticesAppearAndExpireOnTime() throws {
        let program = try Self.program("nordic-devdays-multi-room.json")
        let step = Self.step()
        let notice = "Rust at the edge (11:00, Hall B) is cancelled"
        let before = Self.frame(step, program, at: Self.at("2021-09-14T07:59:30"))
        #expect(!Self.texts(before).joined().contains(notice))
        #expect(before.wake <= Self.at("2021-09-14T08:00"))
        #expect(Self.texts(Self.frame(step, program, at: Self.at("2021-09-14T08:00"))).joined().contains(notice))
        let late = Self.frame(step, program, at: Self.at("2021-09-14T11:44:50"))
        #expect(late.wake <= Self.at("2021-09-14T11:45"))
        #expect(!Self.texts(Self.frame(step, program, at: Self.at("2021-09-14T11:45"))).joined().contains(notice))
    }

    /// Walks half an hour second by second: the wording changes only at the instants the step
    /// woke for (nothing missed; the progress bar moves at each redraw, at least every minute),
    /// and every wake-up on the room sign changes the frame (none wasted).
    @Test(arguments: [("spridningskonferens-2020.json", "2020-02-06T09:50", SignMode.room("main")),
                      ("nordic-devdays-multi-room.json", "2021-09-14T10:50", SignMode.lobby)])
    func theWakeUpScheduleMissesNoChangeAndWastesNoWakeUp(_ feed: String, _ start: String, _ mode: SignMode) throws {
        let program = try Self.program(feed)
        let step = Self.step(mode: mode)
        var instant = Self.at(start)
        var frame = Self.frame(step, program, at: instant)
        var wakes = 0, unchangedWakes = 0
        let end = instant.addingTimeInterval(30 * 60)
        while instant < end {
            let next = frame.wake
            #expect(next > instant)
            var second = instant.addingTimeInterval(1).timeIntervalSince1970.rounded(.down)
            while second < next.timeIntervalSince1970 {
                let between = Self.frame(step, program, at: Date(timeIntervalSince1970: second))
                let missed = between.list.texts != frame.list.texts
                #expect(!missed, "the wording changed at \(Date(timeIntervalSince1970: second)) before the wake at \(next)")
                if missed { return }
                second += 1
            }
            let woken = Self.frame(step, program, at: next)
            wakes += 1
            if woken.list == frame.list { unchangedWakes += 1 }
            instant = next
            frame = woken
        }
        #expect(wakes >= 30)
        if case .room = mode { #expect(unchangedWakes == 0, "\(unchangedWakes) of \(wakes) wake-ups changed nothing") }
    }
}
