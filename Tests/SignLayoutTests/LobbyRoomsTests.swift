import Foundation
import ScheduleCore
import SkyltTestSupport
import Testing
@testable import SignLayout

/// A lobby screen that names its own rooms: only those, in its order, busy or not.
@Suite struct LobbyRoomsTests {
    static func roomNames(_ list: DisplayList, _ program: Program) -> [String] {
        let names = Set(program.rooms.map(\.name))
        return list.texts.map(\.text).filter { names.contains($0) }
    }

    @Test func onlyTheNamedRoomsInTheirOrder() throws {
        let program = try LayoutFixture.program("nordic-devdays-multi-room.json")
        for (width, height) in LayoutFixture.sizes {
            let list = LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .rooms(["workshop", "hall-a"]), width: width, height: height)
            SignLayoutTests().checkGeometry(list, "rooms at \(width)x\(height)")
            #expect(Self.roomNames(list, program) == ["Workshop room Ö", "Hall A"], "\(width)x\(height)")
        }
        // Ids the program no longer has are left out, not drawn empty.
        let list = LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .rooms(["gone", "hall-b"]), width: 1920, height: 1080)
        #expect(Self.roomNames(list, program) == ["Hall B"])
    }

    @Test func aNamedRoomWithNothingMoreTodayIsStillShown() throws {
        let program = try LayoutFixture.program("nordic-devdays-multi-room.json")
        // 13:30: Hall B and the workshop are done for the day; the automatic lobby leaves them out.
        let automatic = LayoutFixture.layout(program, at: "2021-09-14T13:30+02:00", mode: .lobby, width: 1920, height: 1080)
        #expect(Self.roomNames(automatic, program) == ["Hall A"])
        let named = LayoutFixture.layout(program, at: "2021-09-14T13:30+02:00", mode: .rooms(["hall-b", "hall-a"]), width: 1920, height: 1080)
        #expect(Self.roomNames(named, program) == ["Hall B", "Hall A"])
    }

    @Test func manyNamedRoomsPageInStepWithTheClock() throws {
        let program = try LayoutFixture.manyRooms(40)
        let ids = (1...40).reversed().map { "r\($0)" }
        let first = LayoutFixture.layout(program, at: "2020-02-06T09:30:00+01:00", mode: .rooms(ids), width: 1280, height: 720)
        let later = LayoutFixture.layout(program, at: "2020-02-06T09:30:10+01:00", mode: .rooms(ids), width: 1280, height: 720)
        let pageOne = Self.roomNames(first, program), pageTwo = Self.roomNames(later, program)
        #expect(!pageOne.isEmpty && pageOne != pageTwo)
        #expect(Set(pageOne).isDisjoint(with: pageTwo))
        // The reversed order: the pages run from Sal 40 down.
        #expect((pageOne + pageTwo).first == "Sal 40" || (pageOne + pageTwo).contains("Sal 40"))
        let board = Board(program: program, at: TestInstant.absolute("2020-02-06T09:30:03+01:00"))
        #expect(RedrawSchedule.nextChange(after: board, mode: .rooms(ids)) == TestInstant.absolute("2020-02-06T09:30:10+01:00"))
    }
}

/// The dense lobby of a big congress: one line a room, every busy room within a minute of pages.
@Suite struct DenseLobbyTests {
    /// `count` rooms, each with a talk on now and one next.
    static func congress(_ count: Int) throws -> Program {
        try LayoutFixture.manyRooms(count)
    }

    /// The lobby's pages of `program` over two minutes at one size: every page's list (each
    /// checked for geometry), the page count its indicator gives, and the rooms named.
    static func cycle(_ program: Program, width: Int, height: Int) throws -> (lists: [DisplayList], pageCount: Int, seen: Set<String>) {
        var lists: [DisplayList] = []
        var seen = Set<String>()
        var pageCount = 0
        for page in 0..<12 {
            let at = TestInstant.absolute("2020-02-06T09:30:00+01:00").addingTimeInterval(Double(page) * SignLayout.lobbyPagePeriod)
            let list = SignLayout(theme: .dark, measurer: FixedMeasurer()).layout(Board(program: program, at: at), mode: .lobby, width: width, height: height)
            SignLayoutTests().checkGeometry(list, "dense page \(page) at \(width)x\(height)")
            let indicator = try #require(list.texts.first { $0.text.hasPrefix("Sida ") }?.text)
            pageCount = Int(indicator.split(separator: " ").last ?? "") ?? 0
            seen.formUnion(list.texts.map(\.text).filter { $0.hasPrefix("Sal ") })
            lists.append(list)
        }
        return (lists, pageCount, seen)
    }

    @Test func fiftyEightBusyRoomsCycleWithinAMinuteAt1080p() throws {
        let program = try Self.congress(58)
        let (_, pageCount, seen) = try Self.cycle(program, width: 1920, height: 1080)
        #expect(pageCount >= 2 && Double(pageCount) * SignLayout.lobbyPagePeriod <= 60, "\(pageCount) pages")
        #expect(seen == Set((1...58).map { "Sal \($0)" }), "every room is shown within \(pageCount) pages")
        // One line a room: the rows are as tall as a line of the list size and a little padding.
        let list = LayoutFixture.layout(program, at: "2020-02-06T09:30:00+01:00", mode: .lobby, width: 1920, height: 1080)
        let names = list.texts.filter { $0.text.hasPrefix("Sal ") }
        #expect(names.count >= 10, "\(names.count) rows on a page")
        #expect(Set(names.map(\.frame.y)).count == names.count, "one room a line")
        #expect(names.allSatisfy { $0.size == Int((Theme.dark.sizes.list * 1080).rounded()) })
    }

    @Test func aPortraitLobbyTakesTwoLinesARoom() throws {
        let (lists, pageCount, seen) = try Self.cycle(try Self.congress(58), width: 1080, height: 1920)
        // 58 busy rooms: 13 pages of roomy portrait rows before; now at most 6 (60 s).
        #expect(pageCount >= 2 && Double(pageCount) * SignLayout.lobbyPagePeriod <= 60, "\(pageCount) pages")
        #expect(seen == Set((1...58).map { "Sal \($0)" }))
        // Each room's next is on the line under its now, in the same column.
        for list in lists {
            for name in list.texts.filter({ $0.text.hasPrefix("Sal ") }) {
                let row = list.texts.filter { $0.frame.y >= name.frame.y && $0.frame.y < name.frame.y + 2 * name.frame.height && $0.frame.x > name.frame.maxX }
                #expect(Set(row.map(\.frame.y)).count == 2, "\(name.text): \(row.map(\.text))")
            }
        }
    }

    @Test func aFewRoomsKeepTheRoomyRows() throws {
        let program = try LayoutFixture.program("nordic-devdays-multi-room.json")
        let list = LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .lobby, width: 1920, height: 1080)
        #expect(list.texts.contains { $0.text == "ends in 35 min" }, "the roomy rows still show countdowns")
    }
}
