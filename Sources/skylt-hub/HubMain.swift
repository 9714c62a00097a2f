import ArgumentParser
import Foundation
import Hub
import Kiosk
import Logging

/// `skylt hub` (this executable, which `skylt hub` runs): one process in the venue that every
/// screen follows (`skylt run --hub URL --screen NAME`): the program and the live file from
/// its state folder, on every screen within a second of an edit. A binary of its own, so that
/// the screens' binary carries none of the web server (it cost them 7 MB of memory).
@main
struct HubMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skylt hub",
        abstract: "Serve the program and the live file to every screen of the venue.",
        discussion: """
        The state folder holds feed.json (the program: the embedded one at first) and live.json (edit it with
        skylt live --file DIR/live.json); each edit is judged as the screens judge it and reaches every screen within a second.
        Screens: skylt run --hub http://ADDRESS:PORT --screen NAME --hub-token-file TOKEN_FILE (the fleet's token, made at first start).
        """
    )

    @Option(help: "The hub's state folder (made if missing; default: ./skylt-hub).")
    var stateDir = "skylt-hub"

    @Option(help: "The address to listen on (0.0.0.0 for every network of this machine).")
    var address = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free one, printed at start).")
    var port = 8080

    @Option(help: "A file holding the fleet's token that screens send (default: STATE_DIR/fleet-token, made at first start).")
    var tokenFile: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535") }
    }

    func run() throws {
        do {
            let folder = URL(fileURLWithPath: stateDir).standardizedFileURL.path
            let token = try prepare(folder)
            let logger = Logger(label: "skylt-hub")
            var settings = HubServer.Settings(stateDirectory: folder, address: address, port: port, token: token)
            settings.holdTime = .seconds(25)
            let server = HubServer(settings: settings, logger: logger, wallClock: SystemWallClock(), clock: ContinuousClock())
            let address = self.address
            let tokenPath = tokenFile ?? folder + "/fleet-token"
            let finished = DispatchSemaphore(value: 0)
            let failure = LockedBox<(any Error)?>(nil)
            Task {
                do {
                    try await server.run { port in
                        Self.say("skylt hub: listening on http://\(address):\(port)/ (state in \(folder))")
                        Self.say("  screens:    skylt run --hub http://\(address):\(port) --screen NAME --hub-token-file \(tokenPath)")
                        Self.say("  program:    edit \(folder)/feed.json (validated before any screen sees it)")
                        Self.say("  live state: skylt live --file \(folder)/live.json --feed \(folder)/feed.json room ROOM full")
                    }
                } catch {
                    failure.value = error
                }
                finished.signal()
            }
            finished.wait()
            if let error = failure.value { throw HubError("\(error)") }
        } catch let error as HubError {
            FileHandle.standardError.write(Data("skylt: error: hub: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// A line on stdout at once (unbuffered, also into a pipe: whoever started the hub reads its address).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Makes the state folder with the embedded program, an empty live file and a fleet token
    /// where they are missing (never replacing one); returns the token.
    private func prepare(_ folder: String) throws -> String {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !files.fileExists(atPath: folder + "/feed.json") {
                let embedded: SourceDocument
                do throws(SourceDocument.Failure) { embedded = try SourceDocument.resolve(nil) } catch { throw HubError(error.description) }
                try files.copyItem(atPath: embedded.url.path, toPath: folder + "/feed.json")
            }
            if !files.fileExists(atPath: folder + "/live.json") {
                try Data("{\"skylt_live\": 1}\n".utf8).write(to: URL(fileURLWithPath: folder + "/live.json"))
            }
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError("cannot prepare \(folder): \(error.localizedDescription)")
        }
        let path = tokenFile ?? folder + "/fleet-token"
        if let token = TokenFile.read(path) { return token }
        guard tokenFile == nil else { throw HubError("--token-file: cannot read a token from \(path)") }
        var bytes = [UInt8](repeating: 0, count: 24)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }  // SystemRandomNumberGenerator: the kernel's.
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        guard FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw HubError("cannot write the fleet token to \(path)")
        }
        return token
    }
}

/// Why the hub cannot start (exit 2).
struct HubError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A value set on one thread and read on another, under a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
