import Foundation
import Testing
@testable import ScheduleCore

@Suite struct LiveFuzzRegressionTests {
    /// Every input the live-file fuzz target found: read against a three-room program, laid over
    /// it, written back out and read again as the same state (what `FuzzLive` checks).
    @Test func liveFuzzRegressionsStayFixed() throws {
        let folder = Fixture.root.appendingPathComponent("Tests/Fuzz/Regressions/FuzzLive")
        let program = try LiveReaderTests.devDays()
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for url in files {
            let report = LiveReader.read([UInt8](try Data(contentsOf: url)), program: program)
            #expect((report.state == nil) == !report.errors.isEmpty)
            guard let state = report.state else { continue }
            _ = Board(program: program.applying(state), at: program.firstStart!)
            let written = LiveWriter.write(state, program: program, updated: program.firstStart!)
            #expect(LiveReader.read(written, program: program).state == state, "\(url.lastPathComponent)")
        }
        print("replayed \(files.count) live fuzz regression inputs")
    }
}
