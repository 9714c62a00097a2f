import Foundation
import SkyltTestSupport
import Testing
@testable import ScheduleCore

/// The board's rules checked on generated programs at generated instants (a seeded generator,
/// so a failure names its seed and repeats), and DST durations across 2020–2030 in ten zones.
@Suite struct BoardPropertyTests {
    static let zones = ["Europe/Stockholm", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"]

    /// A valid program: 1–4 rooms, back-to-back or spaced sessions of 1 s – 3 h, some cancelled
    /// (cancelled ones may overlap others), over a few days.
    static func program(seed: UInt64) -> Program {
        var random = SeededGenerator(state: seed)
        let zone = TimeZone(identifier: zones[random.int(0...(zones.count - 1))])!
        let rooms = (0..<random.int(1...4)).map { Room(id: "r\($0)", name: "Room \($0)") }
        var sessions: [Session] = []
        let base = 1_700_000_000.0 + Double(random.int(0...10_000_000))
        for room in rooms {
            var t = base + Double(random.int(0...7200))
            for index in 0..<random.int(0...25) {
                let length = Double(random.int(1...10_800))
                let cancelled = random.int(0...9) == 0
                sessions.append(Session(id: "\(room.id)-\(index)", roomID: room.id, title: "S", start: Date(timeIntervalSince1970: t),
                                        end: Date(timeIntervalSince1970: t + length), status: cancelled ? .cancelled : .scheduled))
                if cancelled && random.int(0...1) == 0 { continue }  // The next one takes the cancelled slot.
                t += length + Double(random.int(0...1) == 0 ? 0 : random.int(1...40_000))
            }
        }
        return Program(event: Event(name: "P", timeZone: zone), rooms: rooms, sessions: sessions)
    }

    @Test(arguments: 0..<40)
    func boardRulesHoldEverywhere(_ seed: Int) {
        let program = Self.program(seed: UInt64(seed))
        var random = SeededGenerator(state: UInt64(seed) &+ 77)
        guard let first = program.firstStart, let last = program.lastEnd else { return }
        let span = last.timeIntervalSince(first)
        for _ in 0..<150 {
            let t = first.addingTimeInterval((Double(random.int(0...Int(span + 7200))) - 3600).rounded())
            let board = Board(program: program, at: t)
            let later = Board(program: program, at: t.addingTimeInterval(1))
            for (entry, after) in zip(board.rooms, later.rooms) {
                let mine = program.sessions.filter { $0.roomID == entry.room.id && $0.isScheduled }
                if let current = entry.current {
                    #expect(current.session.start <= t && t < current.session.end, "seed \(seed)")
                    #expect(current.remainingSeconds > 0 && current.elapsedSeconds >= 0)
                    #expect((0...1).contains(current.progress))
                    if after.current?.session.id == current.session.id {
                        #expect(after.current!.remainingSeconds == current.remainingSeconds - 1, "seed \(seed)")
                    }
                } else {
                    #expect(!mine.contains { $0.start <= t && t < $0.end }, "seed \(seed): a running session was missed")
                }
                if let next = entry.next {
                    #expect(next.session.start > t && next.startsInSeconds > 0)
                    #expect(!mine.contains { $0.start > t && $0.start < next.session.start }, "seed \(seed): an earlier next was missed")
                    if after.next?.session.id == next.session.id {
                        #expect(after.next!.startsInSeconds == next.startsInSeconds - 1, "seed \(seed)")
                    }
                } else {
                    #expect(!mine.contains { $0.start > t })
                }
                #expect(entry.current?.session.isScheduled ?? true && entry.next?.session.isScheduled ?? true)
            }
        }
    }

    static let dstZones = ["Europe/Stockholm", "Europe/London", "America/New_York", "America/Santiago", "America/Havana",
                           "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Asia/Tehran"]

    /// A session of 60 wall-clock minutes that spans a clock change lasts 60 real minutes ± the
    /// change (so 0–120), and the resolver agrees with Foundation on every reading it accepts.
    @Test(arguments: dstZones)
    func wallClockHoursAcrossEveryChange2020To2030(_ name: String) throws {
        let zone = try #require(TimeZone(identifier: name))
        var resolver = WallClockResolver(zone: zone)
        var transition = zone.nextDaylightSavingTimeTransition(after: Fixture.instant("2020-01-01T00:00Z"))
        var checked = 0
        while let change = transition, change < Fixture.instant("2031-01-01T00:00Z") {
            let before = zone.localDateTime(for: change.addingTimeInterval(-1800))
            let startLocal = LocalDateTime(year: before.year, month: before.month, day: before.day, hour: before.hour, minute: before.minute)
            let endLocal = LocalDateTime(secondsSinceEpoch: startLocal.secondsSinceEpoch + 3600)
            func instant(_ local: LocalDateTime) -> Date? {
                switch resolver.resolve(local) {
                case .unique(let date): return date
                case .ambiguous(let earlier, _, _, _): return earlier
                case .gap: return nil
                }
            }
            if let start = instant(startLocal), let end = instant(endLocal) {
                let minutes = end.timeIntervalSince(start) / 60
                #expect(minutes >= 0 && minutes <= 120 && abs(minutes - 60) <= 60, "\(name) \(startLocal): \(minutes) min")
                #expect(zone.localDateTime(for: start) == startLocal)
                checked += 1
            }
            transition = zone.nextDaylightSavingTimeTransition(after: change)
        }
        #expect(checked > 0 || name == "Asia/Tehran", "\(name): no transitions checked")
    }
}
