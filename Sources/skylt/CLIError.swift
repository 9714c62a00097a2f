import ArgumentParser
import Foundation
import Kiosk

/// Errors the CLI reports in one line on stderr, with the exit code they deserve.
enum CLIError: Error, CustomStringConvertible {
    /// Bad arguments or unreadable input: exit 2.
    case usage(String)
    /// The feed was read but is not valid: exit 1.
    case invalidFeed(String)

    var description: String {
        switch self {
        case .usage(let message), .invalidFeed(let message): message
        }
    }
}

extension CLIError {
    /// Prints the message and turns it into the exit code.
    func exit() -> ExitCode {
        Output.error("skylt: error: \(description)")
        switch self {
        case .usage: return ExitCode(2)
        case .invalidFeed: return ExitCode(1)
        }
    }
}

/// Runs a command body, turning `CLIError`s (and settings that cannot be used: exit 2) into a
/// message and exit code (never a trace).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        throw error.exit()
    } catch let problem as SettingProblem {
        throw CLIError.usage(problem.description).exit()
    }
}
