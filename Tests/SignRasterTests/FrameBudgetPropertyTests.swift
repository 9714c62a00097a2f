import Foundation
import Kiosk
import ScheduleCore
import SignLayout
import SignRaster
import SkyltTestSupport
import Testing

/// For any live file the reader accepts, the first frame after it (layout and drawing with the
/// real fonts) is made within the kiosk's frame budget: random alerts and notes at and under
/// every bound, many marks on a letter, scripts and emoji, one long word.
@Suite struct FrameBudgetPropertyTests {
    static let pieces: [[Unicode.Scalar]] = [
        Array("Utrym byggnaden nu ".unicodeScalars), Array("Nödutgång".unicodeScalars), Array("避難してください".unicodeScalars),
        Array("👨‍👩‍👧".unicodeScalars), Array("إخلاء المبنى".unicodeScalars), ["W"], [" "],
    ]
    static let marks: [Unicode.Scalar] = ["\u{0301}", "\u{0323}", "\u{0308}", "\u{0336}", "\u{20DD}"]

    static func text(_ generator: inout SeededGenerator) -> String {
        var scalars: [Unicode.Scalar] = []
        let target = Int.random(in: 1...LiveLimits.maxAlertCharacters * 2, using: &generator)
        while scalars.count < target {
            scalars += pieces.randomElement(using: &generator)!
            if Bool.random(using: &generator) {
                scalars += (0..<Int.random(in: 0...15, using: &generator)).map { _ in marks.randomElement(using: &generator)! }
            }
        }
        var string = String.UnicodeScalarView()
        string.append(contentsOf: scalars)
        return String(string)
    }

    @Test func everyAcceptedAlertIsDrawnWithinTheFrameBudget() throws {
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let canvas = try SoftwareCanvas(width: 1920, height: 1080, fonts: fonts)
            let step = KioskStep(layout: SignLayout(theme: .dark, measurer: fonts), mode: nil, direction: "Nödutgång: trappan till vänster")
            var generator = SeededGenerator(state: 22)
            var accepted = 0, worst = Duration.zero
            for _ in 0..<200 {
                let text = Self.text(&generator)
                var json = "{\"skylt_live\": 1, \"alert\": {\"text\": \""
                for scalar in text.utf16 { json += scalar < 0x80 ? String(UnicodeScalar(UInt8(scalar))) : String(format: "\\u%04X", scalar) }
                json += "\", \"level\": \"emergency\"}}"
                guard let state = LiveReader.read(Array(json.utf8), program: nil).state else { continue }
                accepted += 1
                let clock = ContinuousClock()
                let took = clock.measure {
                    canvas.draw(step.frame(program: nil, live: state, status: KioskStatus(source: "t"), at: Date(timeIntervalSince1970: 1_600_000_000),
                                           clockEvidence: nil, size: Size(width: 1920, height: 1080)).list)
                }
                worst = max(worst, took)
                #expect(took < KioskLimits.frameBudget, "\(took) for an accepted alert of \(text.unicodeScalars.count) code points")
            }
            #expect(accepted >= 60, "enough accepted alerts to mean something: \(accepted)")
            print("frame budget property: \(accepted) accepted alerts, worst frame \(worst)")
        }
    }
}
