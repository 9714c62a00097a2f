import Foundation
import Testing
@testable import ScheduleCore

@Suite struct DateTimeTextTests {
    @Test(arguments: [
        ("2020-02-06T09:00", DateTimeText.wallClock(LocalDateTime(year: 2020, month: 2, day: 6, hour: 9))),
        ("2020-02-06T09:00:30", .wallClock(LocalDateTime(year: 2020, month: 2, day: 6, hour: 9, second: 30))),
        ("2020-02-06 09:00", .wallClock(LocalDateTime(year: 2020, month: 2, day: 6, hour: 9))),
        ("2020-02-06T09:00Z", .absolute(LocalDateTime(year: 2020, month: 2, day: 6, hour: 9), offsetSeconds: 0)),
        ("2020-02-29T23:59:59+14:00", .absolute(LocalDateTime(year: 2020, month: 2, day: 29, hour: 23, minute: 59, second: 59), offsetSeconds: 50_400)),
        ("0001-01-01T00:00-12:00", .absolute(LocalDateTime(year: 1, month: 1, day: 1), offsetSeconds: -43_200)),
        ("9999-12-31T23:59+05:45", .absolute(LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59), offsetSeconds: 20_700)),
    ])
    func parsesAcceptedForms(_ text: String, _ expected: DateTimeText) throws {
        #expect(try DateTimeText.parse(text).get() == expected)
    }

    @Test(arguments: [
        ("2021-02-29T09:00", "2021 is not a leap year"),
        ("2020-13-01T09:00", "month 13 does not exist"),
        ("2020-04-31T09:00", "day 31 does not exist"),
        ("2020-02-06T24:00", "hour 24 is out of range"),
        ("2020-02-06T09:60", "minute 60 is out of range"),
        ("2020-02-06", "a time is missing"),
        ("09:00", "expected YYYY-MM-DD"),
        ("2020-02-06T09:00+1", "±HH:MM"),
        ("2020-02-06T09:00:00.5", "fractions"),
        ("2020-02-06T09:00 CET", "expected Z or ±HH:MM"),
        ("0000-01-01T00:00", "year 0000"),
    ])
    func explainsRejectedForms(_ text: String, _ expected: String) {
        switch DateTimeText.parse(text) {
        case .success(let value): Issue.record("accepted \(text) as \(value)")
        case .failure(let error): #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func absoluteInstantsAreExact() throws {
        let date = try #require(try DateTimeText.parse("2020-02-06T09:00+01:00").get().absoluteDate)
        #expect(date.timeIntervalSince1970 == 1_580_976_000)
    }

    @Test func civilCalendarRoundTripsAcrossCenturies() {
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let (y, m, d) = CivilCalendar.civil(fromDaysSinceEpoch: days)
            #expect(CivilCalendar.daysSinceEpoch(year: y, month: m, day: d) == days)
        }
        #expect(CivilCalendar.daysSinceEpoch(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.isoWeekday(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: 2020, month: 2, day: 6)) == 4)
    }
}

@Suite struct WallClockResolverTests {
    /// Spring-forward gaps: the wall-clock time inside does not exist.
    @Test(arguments: [
        ("Europe/Stockholm", LocalDateTime(year: 2020, month: 3, day: 29, hour: 2, minute: 30), "02:00", "03:00"),
        ("America/New_York", LocalDateTime(year: 2021, month: 3, day: 14, hour: 2, minute: 15), "02:00", "03:00"),
        ("Australia/Sydney", LocalDateTime(year: 2020, month: 10, day: 4, hour: 2, minute: 0), "02:00", "03:00"),
        ("Australia/Lord_Howe", LocalDateTime(year: 2020, month: 10, day: 4, hour: 2, minute: 10), "02:00", "02:30"),
    ])
    func findsGaps(_ zone: String, _ local: LocalDateTime, _ from: String, _ to: String) throws {
        var resolver = WallClockResolver(zone: try #require(TimeZone(identifier: zone)))
        guard case .gap(let gapFrom, let gapTo) = resolver.resolve(local) else {
            Issue.record("\(local) in \(zone) resolved as \(resolver.resolve(local))")
            return
        }
        #expect(gapFrom.timeText == from)
        #expect(gapTo.timeText == to)
    }

    /// Fall-back overlaps: the wall-clock time happens twice, an hour (or 30 min) apart.
    @Test(arguments: [
        ("Europe/Stockholm", LocalDateTime(year: 2020, month: 10, day: 25, hour: 2, minute: 30), 7200, 3600),
        ("America/New_York", LocalDateTime(year: 2021, month: 11, day: 7, hour: 1, minute: 30), -14_400, -18_000),
        ("Australia/Lord_Howe", LocalDateTime(year: 2021, month: 4, day: 4, hour: 1, minute: 45), 39_600, 37_800),
    ])
    func findsOverlaps(_ zone: String, _ local: LocalDateTime, _ first: Int, _ second: Int) throws {
        var resolver = WallClockResolver(zone: try #require(TimeZone(identifier: zone)))
        guard case .ambiguous(let earlier, let earlierOffset, let later, let laterOffset) = resolver.resolve(local) else {
            Issue.record("\(local) in \(zone) was not ambiguous")
            return
        }
        #expect(earlierOffset == first)
        #expect(laterOffset == second)
        #expect(later.timeIntervalSince(earlier) == TimeInterval(first - second))
    }

    @Test(arguments: ["Europe/Stockholm", "Asia/Kathmandu", "Pacific/Kiritimati", "America/St_Johns", "UTC"])
    func ordinaryTimesResolveToTheZonesOffset(_ zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var resolver = WallClockResolver(zone: zone)
        for month in 1...12 {
            let local = LocalDateTime(year: 2024, month: month, day: 15, hour: 12, minute: 7)
            guard case .unique(let date) = resolver.resolve(local) else {
                Issue.record("\(local) not unique in \(zoneName)")
                continue
            }
            #expect(zone.localDateTime(for: date) == local)
        }
    }

    @Test func instantsFormatWithTheirOffset() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        #expect(zone.iso8601(Fixture.instant("2020-06-01T10:00:00Z")) == "2020-06-01T12:00:00+02:00")
        #expect(zone.iso8601(Fixture.instant("2020-02-06T10:20:00+01:00")) == "2020-02-06T10:20:00+01:00")
        let kathmandu = try #require(TimeZone(identifier: "Asia/Kathmandu"))
        #expect(kathmandu.iso8601(Fixture.instant("2020-02-06T00:00:00Z")) == "2020-02-06T05:45:00+05:45")
    }
}
