import DisplayContract
import Foundation
import HTTPTypes
import Hummingbird
import Kiosk
import Logging
import Mustache
import NIOCore
import ScheduleCore
import ServiceLifecycle
import UnixSignals

/// `skylt hub`: one process in the venue that every screen follows. It serves the program and
/// the technician's live file from its state folder — each file watched, judged by the same
/// readers and bounds as on the screens, published only when valid — and holds each screen's
/// request until there is something newer (long-polling, up to `holdTime`), so a change is on
/// every screen within a second and an unchanged state costs nothing. Screens name themselves
/// and the versions they have in every request: the hub knows which are up and in step.
///
/// Staff pages (`StaffPages`): `/login`, `/door`, `/tech`.
/// Routes (screens' with the fleet's bearer token): `GET /v1/program`, `GET /v1/live`
/// (`If-None-Match: "V"` → the next version, or `304` after `holdTime`; `ETag: "V"`, the
/// content's hash, the same after a restart),
/// `GET /v1/status` (versions, refusals, screens as JSON), `GET /` (the same for a person).
public final class HubServer: @unchecked Sendable {  // Its parts are thread-safe; the followers are only stopped.
    /// How the hub runs.
    public struct Settings: Sendable {
        /// The folder holding `feed.json` (the program) and `live.json` (the live file).
        public var stateDirectory: String
        public var address: String
        public var port: Int
        /// The fleet's token, required of screens as `Authorization: Bearer …`.
        public var token: String
        /// How long a screen's request is held when nothing changes.
        public var holdTime: Duration = .seconds(25)

        public init(stateDirectory: String, address: String, port: Int, token: String) {
            self.stateDirectory = stateDirectory
            self.address = address
            self.port = port
            self.token = token
        }

        /// The program's file in the state folder.
        public var feedPath: String { stateDirectory + "/feed.json" }
        /// The live file in the state folder (edit it with `skylt live --file`).
        public var livePath: String { stateDirectory + "/live.json" }
    }

    private let settings: Settings
    private let database: HubDatabase
    private let program: HubDocument
    private let live: HubDocument
    private let screens = ScreenRegistry()
    private let followers: [SourceFollower]
    private let logger: Logger
    private let wallClock: any WallClock

    /// Starts watching the state folder's files (read at once).
    /// - Parameters:
    ///   - wallClock: stamps when screens were last heard from.
    ///   - clock: the watchers' debounce and re-checks.
    ///   - database: accounts, sessions and history (`hub.sqlite` in the state folder).
    public init(settings: Settings, database: HubDatabase, logger: Logger, wallClock: any WallClock, clock: some Clock<Duration>) {
        self.settings = settings
        self.database = database
        self.logger = logger
        self.wallClock = wallClock
        let program = HubDocument(kind: .feed, logger: logger)
        self.program = program
        live = HubDocument(kind: .live, logger: logger, program: { program.currentProgram })
        followers = [
            SourceFollower(.file(settings.feedPath), store: program, logger: logger, wallClock: wallClock, clock: clock),
            SourceFollower(.file(settings.livePath), store: live, logger: logger, wallClock: wallClock, clock: clock),
        ]
    }

    /// Serves until SIGTERM or SIGINT; `onListening` gets the port (the system's choice for 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        defer { for follower in followers { follower.stop() } }
        guard let assets = Assets.directory()?.appendingPathComponent("hub") else { throw HubSetupError(description: "the assets folder (assets/hub) is not found") }
        let templates = try await MustacheLibrary(directory: assets.path)
        let router = Router(context: HubRequestContext.self)
        StaffPages(database: database, templates: templates, stateDirectory: settings.stateDirectory, program: program, live: live, screens: screens,
                   wallClock: wallClock, logger: logger).register(on: router)
        for (name, type) in [("staff.css", "text/css; charset=utf-8"), ("staff.js", "text/javascript; charset=utf-8")] {
            let bytes = try [UInt8](Data(contentsOf: assets.appendingPathComponent(name)))
            router.get("/\(name)") { _, _ in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        router.get("/v1/program") { request, context in await self.serve(self.program, request, context) }
        router.get("/v1/live") { request, context in await self.serve(self.live, request, context) }
        router.post("/v1/report") { request, context in await self.take(request, context, limit: ScreenRegistry.maxReportBytes) { name, address, body in
            self.screens.report(name, from: address, at: self.wallClock.now(), body: body)
        } }
        router.put("/v1/thumbnail") { request, context in await self.take(request, context, limit: ScreenRegistry.maxThumbnailBytes) { name, address, body in
            self.screens.thumbnail(name, from: address, at: self.wallClock.now(), png: body)
        } }
        router.get("/v1/status") { request, _ -> Response in
            guard self.authorized(request) else { return Self.unauthorized }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: self.statusJSON())))
        }
        router.get("/") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: self.statusPage())))
        }
        let app = Application(router: router, configuration: .init(address: .hostname(settings.address, port: settings.port), serverName: "Skylt-Hub"),
                              onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) }, logger: logger)
        // Shut down last to first: the held requests are answered before the server waits for them.
        let group = ServiceGroup(configuration: .init(services: [app, HeldRequestsRelease(publications: [program.publication, live.publication])],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    private static let screenHeader = HTTPField.Name(HubNames.screenHeader)!
    private static let unauthorized = Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer"])

    private func authorized(_ request: Request) -> Bool {
        let values = request.headers[values: .authorization]
        return values.count == 1 && ConstantTime.bearerMatches(values[0], token: settings.token)
    }

    /// A screen's report or thumbnail: its name, the fleet's token, a body within `limit`;
    /// 204 when taken, 400 when not what it should be, 409 when the name is another screen's.
    private func take(_ request: Request, _ context: HubRequestContext, limit: Int,
                      _ store: (String, String, [UInt8]) -> Bool) async -> Response {
        guard authorized(request) else { return Self.unauthorized }
        guard let name = request.headers[Self.screenHeader].flatMap({ HubNames.isValidScreenName($0) ? $0 : nil }) else { return Response(status: .badRequest) }
        var request = request
        guard let body = try? await request.collectBody(upTo: limit) else { return Response(status: .contentTooLarge) }
        let address = StaffPages.address(context)
        guard store(name, address, Array(body.readableBytesView)) else {
            logger.warning("refused a screen's report", metadata: ["screen": "\(name)", "from": "\(address)"])
            return Response(status: screens.all.contains { $0.name == name && $0.address != address } ? .conflict : .badRequest)
        }
        return Response(status: .noContent)
    }

    /// A screen's long-poll: the next version after the one it has, or 304 when none comes in time.
    private func serve(_ document: HubDocument, _ request: Request, _ context: HubRequestContext) async -> Response {
        guard authorized(request) else { return Self.unauthorized }
        let seen = request.headers[.ifNoneMatch].map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/")).prefix(64)) }
        let name = request.headers[Self.screenHeader].flatMap { HubNames.isValidScreenName($0) ? $0 : nil }
        let address = StaffPages.address(context)
        let record = { (version: String?) in
            guard let name else { return }
            let now = self.wallClock.now()
            if document.kind == .feed {
                self.screens.saw(name, from: address, at: now, program: version)
            } else {
                self.screens.saw(name, from: address, at: now, live: version)
            }
        }
        record(seen)
        guard let answer = await document.publication.next(after: seen, within: settings.holdTime) else {
            record(seen)
            return Response(status: .notModified, headers: seen.map { [.eTag: "\"\($0)\""] } ?? [:])
        }
        record(answer.version)
        return Response(status: .ok, headers: [.eTag: "\"\(answer.version)\"", .contentType: "application/json", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.bytes)))
    }

    /// What the hub knows, for tools and tests.
    func statusJSON() -> [UInt8] {
        struct Status: Encodable {
            let program: String?, live: String?
            let programRefused: String?, liveRefused: String?
            let screens: [ScreenRegistry.Screen]
            enum CodingKeys: String, CodingKey {
                case program = "program_version", live = "live_version", programRefused = "program_refused", liveRefused = "live_refused", screens
            }
        }
        let status = Status(program: program.publication.current?.version, live: live.publication.current?.version,
                            programRefused: program.refusal, liveRefused: live.refusal, screens: screens.all)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Array((try? encoder.encode(status)) ?? Data()) + [0x0A]
    }

    /// The same for a person: which program and live state are in force, and each screen.
    func statusPage() -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let now = wallClock.now()
        let programVersion = program.publication.current?.version
        let liveVersion = live.publication.current?.version
        func shown(_ version: String?, _ publication: Publication) -> String {
            version.map { "\(publication.count) (\($0.prefix(8)))" } ?? "none"
        }
        let rows = screens.all.map { screen -> String in
            let age = now.timeIntervalSince(screen.lastSeen)
            let state = age < 60 ? "online" : age < 300 ? "stale" : "gone"
            let inStep = screen.programVersion == programVersion && screen.liveVersion == liveVersion ? "yes" : "no"
            return "<tr><td>\(escaped(screen.name))</td><td>\(state)</td><td>\(inStep)</td><td>\(Int(age)) s ago</td></tr>"
        }.joined()
        return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Skylt hub</title></head><body><h1>Skylt hub</h1>
        <p>Program version \(shown(programVersion, program.publication))\(program.refusal.map { " — newest edit refused: " + escaped($0) } ?? ""),
        live version \(shown(liveVersion, live.publication))\(live.refusal.map { " — newest edit refused: " + escaped($0) } ?? "").</p>
        <table><tr><th>Screen</th><th>State</th><th>Latest program and live state</th><th>Last heard</th></tr>\(rows)</table>
        <p>Door staff and the technician: <a href="/login">sign in</a> (accounts: <code>skylt hub user add NAME --role technician|door</code>).</p>
        </body></html>
        """
    }
}

/// Why the hub cannot serve (its assets are missing).
struct HubSetupError: Error, CustomStringConvertible {
    let description: String
}
