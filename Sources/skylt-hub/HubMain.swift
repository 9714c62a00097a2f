import ArgumentParser
import Foundation
import Hub
import Kiosk
import Logging
import ScheduleCore

/// `skylt hub` (this executable, which `skylt hub` runs): one process in the venue that every
/// screen follows (`skylt run --hub URL --screen NAME`): the program and the live file from
/// its state folder, on every screen within a second of an edit. A binary of its own, so that
/// the screens' binary carries none of the web server (it cost them 7 MB of memory).
@main
struct HubMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skylt hub",
        abstract: "Serve the program and the live file to every screen of the venue, and the staff pages.",
        subcommands: [HubServe.self, HubUsers.self],
        defaultSubcommand: HubServe.self
    )

    /// A line on stdout at once (unbuffered, also into a pipe: whoever started the hub reads its address).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// `skylt hub [serve]`: the server.
struct HubServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the program and the live file to every screen, and the staff pages (the default).",
        discussion: """
        The state folder holds feed.json (the program: the embedded one at first), live.json (the live state: door staff and the
        technician change it on the hub's pages, or skylt live --file DIR/live.json), hub.sqlite (accounts, sessions, history) and
        fleet-token. Each edit is judged as the screens judge it and reaches every screen within a second.
        Screens: skylt run --hub http://ADDRESS:PORT --screen NAME --hub-token-file TOKEN_FILE (the fleet's token, made at first start).
        Staff: skylt hub user add NAME --role technician|door [--rooms ID,ID]; they sign in at http://ADDRESS:PORT/login.
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
            let database: HubDatabase
            do { database = try HubDatabase(path: folder + "/hub.sqlite") } catch { throw HubError("cannot open \(folder)/hub.sqlite: \(error)") }
            let accounts = (try? database.accounts()) ?? []
            let server = HubServer(settings: settings, database: database, logger: logger, wallClock: SystemWallClock(), clock: ContinuousClock())
            let address = self.address
            let tokenPath = tokenFile ?? folder + "/fleet-token"
            let finished = DispatchSemaphore(value: 0)
            let failure = LockedBox<(any Error)?>(nil)
            Task {
                do {
                    try await server.run { port in
                        HubMain.say("skylt hub: listening on http://\(address):\(port)/ (state in \(folder))")
                        HubMain.say("  screens:    skylt run --hub http://\(address):\(port) --screen NAME --hub-token-file \(tokenPath)")
                        HubMain.say("  program:    edit \(folder)/feed.json (validated before any screen sees it)")
                        HubMain.say("  live state: skylt live --file \(folder)/live.json --feed \(folder)/feed.json room ROOM full")
                        HubMain.say("  staff:      http://\(address):\(port)/login" + (accounts.isEmpty
                            ? " (no account yet: skylt hub user add NAME --role technician --state-dir \(folder))"
                            : " (\(accounts.count) account\(accounts.count == 1 ? "" : "s"))"))
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

/// `skylt hub user add|remove|list`: the staff's accounts.
struct HubUsers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, remove or list the accounts of door staff and technicians.",
        subcommands: [Add.self, Remove.self, List.self]
    )

    struct Place: ParsableArguments {
        @Option(help: "The hub's state folder (default: ./skylt-hub).")
        var stateDir = "skylt-hub"

        /// The hub's database, for `body`; run as root on a state folder that belongs to the
        /// service, the files it made are handed to the folder's owner after.
        func withDatabase<T>(_ body: (HubDatabase) throws -> T) throws -> T {
            let database: HubDatabase
            do {
                try FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: true)
                database = try HubDatabase(path: stateDir + "/hub.sqlite")
            } catch {
                throw HubUsers.fail("cannot open \(stateDir)/hub.sqlite: \(error)")
            }
            defer { handOver() }
            return try body(database)
        }

        private func handOver() {
            guard geteuid() == 0, let owner = try? FileManager.default.attributesOfItem(atPath: stateDir),
                  let uid = owner[.ownerAccountID] as? Int, let gid = owner[.groupOwnerAccountID] as? Int, uid != 0 else { return }
            for name in ["hub.sqlite", "hub.sqlite-wal", "hub.sqlite-shm"] where FileManager.default.fileExists(atPath: stateDir + "/" + name) {
                _ = chown(stateDir + "/" + name, uid_t(uid), gid_t(gid))
            }
        }
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("skylt: error: hub user: \(message)\n".utf8))
        return ExitCode(2)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; its password is printed once (only its hash is kept).")
        @OptionGroup var place: Place
        @Argument(help: "The login name: 1–64 letters, digits, '.', '_' or '-'.")
        var name: String
        @Option(help: "technician (alerts, every room, the fleet) or door (rooms' state and lateness).")
        var role: String
        @Option(help: "With --role door: the room ids it may change, ID,ID (default: every room).")
        var rooms: String?

        func run() throws {
            guard let role = Account.Role(rawValue: role) else { throw HubUsers.fail("--role must be technician or door") }
            let roomList = rooms.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            if role == .technician && rooms != nil { throw HubUsers.fail("--rooms is for door accounts (a technician may change every room)") }
            if let roomList, roomList.isEmpty { throw HubUsers.fail("--rooms needs room ids, separated by commas") }
            // A typo would leave the door with nothing to tap: rooms are checked against the hub's program.
            if let roomList, let bytes = FileManager.default.contents(atPath: place.stateDir + "/feed.json"),
               let program = SourceDocument.feedReport(Array(bytes)).program {
                let unknown = roomList.filter { id in program.room(id: id) == nil }
                if !unknown.isEmpty {
                    throw HubUsers.fail("no room \(unknown.joined(separator: ", ")) in the hub's program; its rooms: \(program.rooms.map(\.id).joined(separator: ", "))")
                }
            }
            do {
                let password = try place.withDatabase { try $0.addAccount(Account(name: name, role: role, rooms: roomList)) }
                HubMain.say("\(name) (\(role.rawValue)\(roomList.map { ", rooms " + $0.joined(separator: ", ") } ?? "")): password \(password)")
                HubMain.say("Give it to them now: it is not shown again (remove and add the account for a new one).")
            } catch let refusal as HubDatabase.Refusal {
                throw HubUsers.fail(refusal.description)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account and sign it out everywhere.")
        @OptionGroup var place: Place
        @Argument var name: String

        func run() throws {
            guard try place.withDatabase({ try $0.removeAccount(name) }) else { throw HubUsers.fail("there is no account \(name)") }
            HubMain.say("\(name) removed; its sessions are ended")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var place: Place

        func run() throws {
            for account in try place.withDatabase({ try $0.accounts() }) {
                HubMain.say("\(account.name)\t\(account.role.rawValue)\t\(account.rooms?.joined(separator: ",") ?? "every room")")
            }
        }
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
