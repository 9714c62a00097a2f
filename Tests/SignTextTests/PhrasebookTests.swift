import Foundation
import SkyltTestSupport
import Testing
@testable import ScheduleCore
@testable import SignText

@Suite struct PhrasebookTests {
    @Test(arguments: [
        (0, "0 s"), (1, "1 s"), (59, "59 s"), (60, "1 min"), (61, "2 min"), (119, "2 min"), (720, "12 min"),
        (3600, "60 min"), (3601, "1 tim 1 min"), (5100, "1 tim 25 min"), (7200, "2 tim"), (-5, "0 s"), (86_400 * 2, "2 dagar"),
    ])
    func swedishCountdowns(_ seconds: Int, _ expected: String) {
        #expect(Phrasebook(locale: "sv-SE").duration(seconds) == expected)
    }

    @Test func englishWordsAndCountdowns() {
        let words = Phrasebook(locale: "en-GB")
        #expect(words.startsIn(5100) == "starts in 1 h 25 min")
        #expect(words.endsIn(30) == "ends in 30 s")
        #expect(words.now == "Now" && words.next == "Next")
        #expect(Phrasebook(locale: "sv-SE").startsIn(60) == "börjar om 1 min")
        #expect(Phrasebook(locale: "de-DE").language == .english)
    }

    @Test func liveOperationsInBothLanguages() {
        let sv = Phrasebook(locale: "sv-SE"), en = Phrasebook(locale: "en-GB")
        #expect(sv.runningLate(600) == "Försenad 10 min" && en.runningLate(600) == "Running 10 min late")
        #expect(sv.runningLate(5400) == "Försenad 1 tim 30 min")
        #expect(sv.late(600) == "10 min sent" && en.late(600) == "10 min late")
        #expect(sv.planned("10:00") == "planerat 10:00" && en.planned("10:00") == "planned 10:00")
        #expect(sv.roomFullBand == "FULLT — INGET INSLÄPP" && en.roomFullBand == "FULL — NO ENTRY")
        #expect(sv.roomFillingBand == "Nästan fullt — få platser kvar" && en.roomClosedBand == "This room is closed")
        #expect(RoomState.allCases.map { sv.roomStateMark($0) } == [nil, "Nästan fullt", "FULLT", "Stängd"])
        #expect(RoomState.allCases.map { en.roomStateMark($0) } == [nil, "Almost full", "FULL", "Closed"])
        #expect(sv.alsoNow == "Samtidigt: " && en.alsoNow == "Also on now: ")
    }

    @Test func datesInTheFeedsLanguageAndZone() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let instant = TestInstant.absolute("2020-02-05T23:30Z")  // Already Thursday in Stockholm.
        #expect(Phrasebook(locale: "sv-SE").dayAndDate(instant, in: zone) == "torsdag 6 februari")
        #expect(Phrasebook(locale: "en-GB").dayAndDate(instant, in: zone) == "Thursday 6 February")
        #expect(Phrasebook(locale: "sv-SE").time(instant, in: zone) == "00:30")
        // The table agrees with the system's Swedish calendar names on every day of a leap year.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "sv_SE")
        formatter.timeZone = zone
        formatter.dateFormat = "EEEE d MMMM"
        for day in 0..<366 {
            let date = TestInstant.absolute("2024-01-01T12:00Z").addingTimeInterval(Double(day) * 86_400)
            #expect(Phrasebook(locale: "sv-SE").dayAndDate(date, in: zone) == formatter.string(from: date))
        }
    }
}

/// A span of clock times says which clock it means when the clocks change within it.
@Suite struct TimeSpanTests {
    @Test func aSessionAcrossTheAutumnClockChangeShowsItsOffsets() {
        let zone = TimeZone(identifier: "Europe/Stockholm")!
        let words = Phrasebook(locale: "sv-SE")
        // 2020-10-25: 03:00 summer time became 02:00; 02:30 happens twice.
        let start = TestInstant.absolute("2020-10-25T02:30+02:00"), end = TestInstant.absolute("2020-10-25T02:30+01:00")
        #expect(words.time(start, in: zone) == words.time(end, in: zone), "the clock times alone are the same")
        #expect(words.span(start, end, in: zone) == "02:30 GMT+2–02:30 GMT+1")
        #expect(words.span(TestInstant.absolute("2020-10-24T10:00+02:00"), TestInstant.absolute("2020-10-24T11:00+02:00"), in: zone) == "10:00–11:00")
    }
}
