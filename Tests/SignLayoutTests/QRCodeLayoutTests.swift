import Foundation
import ScheduleCore
import SignLayout
import SkyltTestSupport
import Testing

/// Where the room sign puts a session's QR code: in the bottom-right corner, clear of all text,
/// only for a talk with a page, and not when the theme turns codes off.
@Suite struct QRCodeLayoutTests {
    static let feed = """
        {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm", "locale": "sv-SE"},
         "sessions": [
          {"id": "a", "title": "Samhällsarbetets digitalisering och länsförsäkringarnas framtid i Jämtland", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00",
           "speakers": [{"name": "Anna Berg", "affiliation": "Region Jämtland Härjedalen"}], "url": "https://example.se/a", "language": "en"},
          {"id": "b", "title": "Fika", "kind": "break", "start": "2020-02-06T10:00", "end": "2020-02-06T10:30", "url": "https://example.se/b"},
          {"id": "c", "title": "Utan sida", "start": "2020-02-06T10:30", "end": "2020-02-06T11:30"},
          {"id": "d", "title": "Eftermiddag", "start": "2020-02-06T13:00", "end": "2020-02-06T14:00", "url": "https://example.se/d"},
          {"id": "e", "title": "Kväll", "start": "2020-02-06T14:00", "end": "2020-02-06T15:00"},
          {"id": "f", "title": "Sent", "start": "2020-02-06T15:00", "end": "2020-02-06T16:00"},
          {"id": "g", "title": "Senare", "start": "2020-02-06T16:00", "end": "2020-02-06T17:00"}]}
        """

    func qrCodes(_ list: DisplayList) -> [(String, Rect)] {
        list.items.compactMap { if case .qrCode(let text, let rect) = $0 { (text, rect) } else { nil } }
    }

    @Test func theTalkOnNowHasItsPageInTheCornerClearOfText() throws {
        let program = try LayoutFixture.program(text: Self.feed)
        for (width, height) in LayoutFixture.sizes {
            let list = LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .room("main"), width: width, height: height)
            let codes = qrCodes(list)
            #expect(codes.count == 1 && codes.first?.0 == "https://example.se/a", "\(width)x\(height)")
            guard let (_, frame) = codes.first else { continue }
            // Square, about a fifth of the shorter side, inside the screen's bottom-right quarter.
            #expect(frame.width == frame.height && abs(frame.width - min(width, height) / 5) <= min(width, height) / 25)
            #expect(frame.maxX <= width && frame.maxY <= height && frame.x > width / 2 && frame.y > height / 2)
            // Never over text, nor text over it.
            for run in list.texts { #expect(!run.frame.intersects(frame), "\(width)x\(height): \"\(run.text)\" under the code") }
            // Its caption says what it is.
            #expect(list.texts.contains { $0.text.contains("skanna") })
        }
    }

    @Test func breaksSessionsWithoutAPageAndTheThemeSwitchShowNone() throws {
        let program = try LayoutFixture.program(text: Self.feed)
        // A break: no code (not even the next talk's, which has none).
        #expect(qrCodes(LayoutFixture.layout(program, at: "2020-02-06T10:10+01:00", mode: .room("main"), width: 1920, height: 1080)).isEmpty)
        // A talk without a page.
        #expect(qrCodes(LayoutFixture.layout(program, at: "2020-02-06T10:40+01:00", mode: .room("main"), width: 1920, height: 1080)).isEmpty)
        // Between talks: the next one's page.
        #expect(qrCodes(LayoutFixture.layout(program, at: "2020-02-06T12:00+01:00", mode: .room("main"), width: 1920, height: 1080)).first?.0
                == "https://example.se/d")
        // The theme turns them off.
        var theme = Theme.dark
        theme.qrCodes = false
        #expect(qrCodes(LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .room("main"), width: 1920, height: 1080, theme: theme)).isEmpty)
        #expect(try Theme.decode(Data(#"{"qrCodes": false}"#.utf8).merged(into: Theme.dark)).showsQRCodes == false)
    }

    @Test func aLanguageOtherThanTheFeedsIsTagged() throws {
        let program = try LayoutFixture.program(text: Self.feed)
        let list = LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .room("main"), width: 1920, height: 1080)
        #expect(list.texts.contains { $0.text == "EN" })
        // Swedish talks at a Swedish conference carry no tag.
        let later = LayoutFixture.layout(program, at: "2020-02-06T13:30+01:00", mode: .room("main"), width: 1920, height: 1080)
        #expect(!later.texts.contains { $0.text == "SV" || $0.text == "EN" })
    }
}

extension Data {
    /// These theme keys laid over a whole theme's JSON (a theme file names every key).
    fileprivate func merged(into theme: Theme) throws -> Data {
        var whole = try JSONSerialization.jsonObject(with: JSONEncoder().encode(theme)) as! [String: Any]
        for (key, value) in try JSONSerialization.jsonObject(with: self) as! [String: Any] { whole[key] = value }
        return try JSONSerialization.data(withJSONObject: whole)
    }
}
