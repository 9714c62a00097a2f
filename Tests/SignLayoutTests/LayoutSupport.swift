import Foundation
import ScheduleCore
import SignLayout
import SkyltTestSupport

enum LayoutFixture {
    static let root = TestRepository.root

    static func program(_ name: String) throws -> Program {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("assets/feeds/\(name)")))
        guard let program = FeedReader.read(bytes).program else { throw LayoutError.invalid(name) }
        return program
    }

    static func program(text: String) throws -> Program {
        guard let program = FeedReader.read(Array(text.utf8)).program else { throw LayoutError.invalid(text) }
        return program
    }

    static func instant(_ text: String) -> Date { TestInstant.absolute(text) }

    static let sizes = [(1920, 1080), (1080, 1920), (1280, 720), (3840, 2160)]

    static func layout(_ program: Program, at: String, mode: SignMode, width: Int, height: Int, theme: Theme = .dark) -> DisplayList {
        SignLayout(theme: theme, measurer: FixedMeasurer()).layout(Board(program: program, at: instant(at)), mode: mode, width: width, height: height)
    }

    /// A one-room program with a 300-character Swedish title and twelve speakers.
    static func crowded() throws -> Program {
        let title = String(repeating: "Långa svenska ord som förändringsarbete och samhällsutveckling kräver ", count: 5).prefix(300)
        let speakers = (1...12).map { #"{"name": "Talare Nummer \#($0) Åkesson", "affiliation": "Länsstyrelsen i Jämtlands län"}"# }.joined(separator: ",")
        return try program(text: """
        {"skylt": 1, "event": {"name": "Test", "timezone": "Europe/Stockholm"},
         "sessions": [{"id": "long", "title": "\(title)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00", "speakers": [\(speakers)]},
                      {"id": "next", "title": "\(title)", "start": "2020-02-06T10:00", "end": "2020-02-06T11:00", "speakers": [\(speakers)]}]}
        """)
    }

    /// Twelve rooms, each with a session now and one next.
    static func manyRooms(_ count: Int = 12) throws -> Program {
        let rooms = (1...count).map { #"{"id": "r\#($0)", "name": "Sal \#($0)"}"# }.joined(separator: ",")
        let sessions = (1...count).flatMap { room in
            [#"{"id": "a\#(room)", "room": "r\#(room)", "title": "Föredrag \#(room)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}"#,
             #"{"id": "b\#(room)", "room": "r\#(room)", "title": "Workshop \#(room)", "start": "2020-02-06T10:15", "end": "2020-02-06T11:00"}"#]
        }.joined(separator: ",")
        return try program(text: #"{"skylt": 1, "event": {"name": "Stor kongress", "timezone": "Europe/Stockholm"}, "rooms": [\#(rooms)], "sessions": [\#(sessions)]}"#)
    }
}

enum LayoutError: Error { case invalid(String) }
