import ArgumentParser
import Foundation
import Kiosk
import KioskLaunch
import Logging

// The only place that reads the command line and decides exit codes: 0 fine, 1 invalid feed,
// 2 usage or unreadable input (argument-parser's own usage code, 64, becomes 2).
ProcessStart.mark()
LoggingSystem.bootstrap { JournalLogHandler(label: $0) }
_ = MetricsRegistry.shared
do {
    var command = try Skylt.parseAsRoot()
    try command.run()
} catch {
    let code = Skylt.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((PrintableText.escaped(Skylt.fullMessage(for: error)) + "\n").utf8))
        exit(2)
    }
    Skylt.exit(withError: error)
}
