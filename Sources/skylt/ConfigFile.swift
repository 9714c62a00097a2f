import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore

/// Reading the kiosk's settings file: unreadable is exit 2, invalid is exit 1, both with
/// located messages like `skylt validate`.
enum ConfigFile {
    static func load(_ path: String) throws -> KioskConfig {
        let (config, diagnostics) = KioskConfig.read(try SourceDocument(file: path).bytes())
        for diagnostic in diagnostics { Output.error(diagnostic.formatted(file: path)) }
        guard let config else {
            throw CLIError.invalidFeed("\(path) is not a valid settings file; run `skylt check-config \(path)`")
        }
        return config
    }
}
