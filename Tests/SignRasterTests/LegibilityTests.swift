import Foundation
import Testing

/// Legibility, checked by a machine that reads: tesseract OCRs the golden frames (which the
/// golden tests prove are what Skylt draws) and must find the current and next titles and the
/// countdowns. Text that OCR cannot read at full size is text an attendee strains at from 3 m.
@Suite struct LegibilityTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static let cases: [(String, String, [String])] = [
        ("talk-1920x1080", "swe", ["Vi behöver ett mind", "slutar om 40 min", "Lunch", "börjar om 1 tim 25 min"]),
        ("talk-1080x1920", "swe", ["Vi behöver ett mind", "slutar om 40 min", "Lunch", "börjar om 1 tim 25 min"]),
        ("lunch-1920x1080", "swe", ["Lunch", "slutar om 25 min", "Programmet fortsätter kl. 12:30"]),
        ("last-minute-1920x1080", "swe", ["Avslutning", "slutar om 30 s"]),
        ("notice-cancelled-1920x1080", "eng", ["Time zones are hard", "ends in 5 min", "Rust at the edge"]),
        ("lobby-1080x1920", "eng", ["Accessible signage from three metres", "ends in 35 min", "Workshop: fuzzing your parsers"]),
        ("live-full-1920x1080", "eng", ["FULL no entry", "Overflow seating in Hall B", "Also on now: Hall B", "RUNNING 10 MIN LATE",
                                        "ends in 45 min", "Lunch is served from 11:45"]),
        ("live-full-1080x1920", "eng", ["FULL no entry", "Overflow seating in Hall B", "RUNNING 10 MIN LATE", "ends in 45 min"]),
        ("live-full-light-1920x1080", "eng", ["FULL no entry", "RUNNING 10 MIN LATE", "ends in 45 min"]),
        ("live-delay-1920x1080", "swe", ["FÖRSENAD 15 MIN", "slutar om 10 min", "Planerat 09:15", "10:15 börjar om 10 min"]),
        ("live-delay-1080x1920", "swe", ["FÖRSENAD 15 MIN", "slutar om 10 min", "10:15 börjar om 10 min"]),
        ("real-36c3-lobby-1920x1080", "eng", ["Der Deep Learning Hype", "The search for anonymous data", "16:10 The ecosystem is moving",
                                              "Lecture room 11", "Page 1 of 6"]),
        ("real-36c3-lobby-1080x1920", "eng", ["Der Deep Learning Hype", "16:10 The ecosystem is moving", "Lecture room", "Polizei-Datenbanken und"]),
        ("xml-room-1080x1920", "swe", ["Samhällsarbetets digita", "slutar om 40 min", "Enshittification-resistant internet",
                                       "10:45 börjar om 55 min", "Mer om passet"]),
        ("xml-room-light-1280x720", "swe", ["Datenschutzfolgenabschät", "slutar om 40 min", "Reproducible builds in Debian"]),
        ("live-filling-1920x1080", "eng", ["Almost full few seats left", "Time zones are hard", "ends in 5 min"]),
        ("live-closed-1080x1920", "eng", ["This room is closed", "Workshop: fuzzing your parsers", "starts in 5 min"]),
        ("live-lobby-1920x1080", "eng", ["FULL", "Almost full", "Closed", "10 min late"]),
        ("live-lobby-1080x1920", "eng", ["FULL", "Almost full", "Closed", "10 min late"]),
        ("live-emergency-1920x1080", "swe", ["Utrym byggnaden nu", "närmaste utgång", "Nödutgång: trappan till vänster"]),
        ("live-emergency-1080x1920", "swe", ["Utrym byggnaden nu", "närmaste utgång", "Nödutgång: trappan till vänster"]),
    ]

    /// Letters and digits only, lower case, no accents, single spaces: OCR's punctuation and
    /// diacritics vary, the words do not.
    static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let kept = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    @Test(arguments: cases.map(\.0))
    func ocrReadsTitlesAndCountdowns(_ name: String) throws {
        guard let tesseract = ["/usr/bin/tesseract", "/usr/local/bin/tesseract"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("tesseract is missing; .ci/setup installs tesseract-ocr") }
            print("skipped: tesseract is not installed (bash .ci/setup installs it)")
            return
        }
        let (_, language, expected) = try #require(Self.cases.first { $0.0 == name })
        // Two readings: tesseract's global threshold (Otsu) drops light text on a coloured band
        // in some frames (the full room's band, the emergency screen), which its local one
        // (Sauvola) reads; a phrase either reading finds counts, each reading alone is checked.
        var text = ""
        for thresholding in ["0", "2"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tesseract)
            // Sparse-text mode: a sign is blocks of text, not a page of columns.
            process.arguments = [Self.goldens.appendingPathComponent(name + ".png").path, "-", "-l", language, "--psm", "11",
                                 "-c", "thresholding_method=" + thresholding]
            process.environment = ["OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            text += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) + "\n#\n"
            process.waitUntilExit()
        }
        let read = Self.normalize(text)
        for phrase in expected {
            #expect(read.contains(Self.normalize(phrase)), "\(name): OCR did not find \"\(phrase)\" in: \(text.prefix(400))")
        }
    }
}
