import Foundation
import HTTPTypes
import Hummingbird
import Kiosk
import Logging
import NIOCore
import ScheduleCore
import SignText
import SkyltFiles

/// The technician's program desk (`/program`): bring a program in (a URL or a file), read with
/// the screens' readers and bounds; every finding shown as `skylt validate` shows it, beside the
/// line it points at; what it changes against the program in force; publish (never with
/// errors); every published version kept, and any of them put back in one click.
extension StaffPages {
    /// Where checked programs wait to be published (the newest 20 are kept).
    var stagedDirectory: String { stateDirectory + "/staged" }
    /// Every published program's bytes, by content hash.
    var versionsDirectory: String { stateDirectory + "/versions" }

    func registerProgramDesk(on router: Router<HubRequestContext>) {
        router.get("/program") { request, _ in self.programPage(request) }
        router.post("/program/check") { request, _ in try await self.check(request) }
        router.get("/program/preview/{staged}/{screen}") { request, context in self.preview(request, context) }
        router.post("/program/publish") { request, context in
            try await self.write(request, context, needs: .alerts) { session, form, _ in
                guard let token = form["staged"], token.count == 64, token.allSatisfy(\.isHexDigit),
                      let bytes = FileManager.default.contents(atPath: self.stagedDirectory + "/\(token).feed") else {
                    return self.refusal(request, .notFound, .nothingToUndo)
                }
                return try self.putInForce(Array(bytes), origin: String((form["origin"] ?? "").prefix(300)), session: session, request: request)
            }
        }
        router.post("/program/rollback") { request, context in
            try await self.write(request, context, needs: .alerts) { session, form, _ in
                guard let id = form["version"].flatMap(Int64.init), let version = try self.database.version(id),
                      let bytes = FileManager.default.contents(atPath: self.versionsDirectory + "/\(version.hash).feed") else {
                    return self.refusal(request, .notFound, .nothingToUndo)
                }
                return try self.putInForce(Array(bytes), origin: "roll back to #\(version.id)", session: session, request: request)
            }
        }
    }

    /// Reads what was brought in (an upload or a URL), keeps it staged and shows the result.
    private func check(_ request: Request) async throws -> Response {
        guard let session = session(request) else { return refusal(request, .forbidden, .signInFirst) }
        guard session.account.role == .technician else { return refusal(request, .forbidden, .technicianOnly) }
        var request = request
        guard let body = try? await request.collectBody(upTo: FeedReader.maxBytes + 64 * 1024) else {
            return refusal(request, .contentTooLarge, words(request).staffProgramTooLarge)
        }
        let type = request.headers[.contentType] ?? ""
        let bytes = Array(body.readableBytesView)
        var csrf = "", origin = "", program: [UInt8]?
        if let multipart = MultipartForm(bytes, contentType: type) {
            csrf = String(decoding: multipart["csrf"]?.bytes ?? [], as: UTF8.self)
            if let file = multipart["file"], !file.bytes.isEmpty {
                program = file.bytes
                origin = "upload " + DisplayText.withoutControls(String((file.filename ?? "").prefix(100)))
            }
            let url = String(decoding: multipart["url"]?.bytes ?? [], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if program == nil && !url.isEmpty { (program, origin) = (try await fetch(url, request), url) }
        } else if let form = FormFields(bytes) {
            csrf = form["csrf"] ?? ""
            let url = (form["url"] ?? "").trimmingCharacters(in: .whitespaces)
            if !url.isEmpty { (program, origin) = (try await fetch(url, request), url) }
        } else {
            return refusal(request, .badRequest, .formNotUsable)
        }
        guard ConstantTime.equal(csrf, session.csrf) else { return refusal(request, .forbidden, .formOutOfDate) }
        guard let program else { return refusal(request, .badRequest, words(request).staffProgramNothing) }
        try FileManager.default.createDirectory(atPath: stagedDirectory, withIntermediateDirectories: true)
        let token = HubDatabase.randomToken()
        try AtomicFile.write(program, to: stagedDirectory + "/\(token).feed", durable: false)
        try? Data(origin.utf8).write(to: URL(fileURLWithPath: stagedDirectory + "/\(token).origin"))
        pruneStaged()
        return Self.redirect("/program?staged=\(token)")
    }

    /// A URL's program, fetched as the screens fetch one (bounded), or throws a refusal page.
    private func fetch(_ text: String, _ request: Request) async throws -> [UInt8]? {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else { return nil }
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: HTTPSourceFetcher(url: url, timeout: 10, maxBytes: FeedReader.maxBytes).fetch())
            }
        }
        switch result {
        case .body(let bytes): return bytes
        case .notModified, .failure: return nil
        }
    }

    private func pruneStaged() {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: stagedDirectory)) ?? []
        let staged = files.filter { $0.hasSuffix(".feed") }.compactMap { name -> (String, Date)? in
            let attributes = try? FileManager.default.attributesOfItem(atPath: stagedDirectory + "/" + name)
            return (attributes?[.modificationDate] as? Date).map { (String(name.dropLast(5)), $0) }
        }.sorted { $0.1 > $1.1 }
        for (token, _) in staged.dropFirst(20) {
            try? FileManager.default.removeItem(atPath: stagedDirectory + "/\(token).feed")
            try? FileManager.default.removeItem(atPath: stagedDirectory + "/\(token).origin")
        }
    }

    /// Writes `bytes` as the hub's program (refused when it has errors), keeps the version, and
    /// publishes it to every screen at once.
    private func putInForce(_ bytes: [UInt8], origin: String, session: HubDatabase.Session, request: Request) throws -> Response {
        let report = SourceDocument.feedReport(bytes)
        guard let newProgram = report.program else { return refusal(request, .conflict, words(request).staffProgramHasErrors) }
        let now = wallClock.now()
        try FileManager.default.createDirectory(atPath: versionsDirectory, withIntermediateDirectories: true)
        // The program in force before the first publish is kept too, so it can be put back.
        if let current = program.publication.current, try database.versions(limit: 1).isEmpty, let currentProgram = program.currentProgram {
            try AtomicFile.write(current.bytes, to: versionsDirectory + "/\(current.version).feed")
            try database.recordVersion(at: now, account: "feed.json", hash: current.version, title: currentProgram.event.name,
                                       sessions: currentProgram.sessions.count, rooms: currentProgram.rooms.count, origin: "the state folder")
        }
        let hash = ContentHash.of(bytes)
        try AtomicFile.write(bytes, to: versionsDirectory + "/\(hash).feed")
        try AtomicFile.write(bytes, to: stateDirectory + "/feed.json")
        program.offer(bytes, at: now, origin: "feed.json")
        try database.recordVersion(at: now, account: session.account.name, hash: hash, title: newProgram.event.name,
                                   sessions: newProgram.sessions.count, rooms: newProgram.rooms.count, origin: origin)
        logger.notice("program published", metadata: ["account": "\(session.account.name)", "version": "\(hash)", "origin": "\(PrintableText.escaped(origin))"])
        return Self.redirect("/program")
    }

    /// A screen's frame with a staged program (or `current`), at `?at=` (default now), as PNG.
    private func preview(_ request: Request, _ context: HubRequestContext) -> Response {
        guard session(request)?.account.role == .technician else { return Response(status: .forbidden) }
        let token = context.parameters.get("staged") ?? "", name = String((context.parameters.get("screen") ?? "").prefix(64))
        let bytes: [UInt8]?
        if token == "current" {
            bytes = program.publication.current?.bytes
        } else if token.count == 64, token.allSatisfy(\.isHexDigit) {
            bytes = FileManager.default.contents(atPath: stagedDirectory + "/\(token).feed").map(Array.init)
        } else {
            bytes = nil
        }
        guard let bytes, let newProgram = SourceDocument.feedReport(bytes).program, let screen = screens.all.first(where: { $0.name == name }) else {
            return Response(status: .notFound)
        }
        let instant = request.uri.queryParameters["at"].flatMap { try? InstantText.parse(String($0), zone: newProgram.event.timeZone, setting: "at") }
            ?? wallClock.now()
        let live = (try? LiveFileEditor.read(livePath, program: newProgram))??.state ?? .none
        guard let png = previews.png(of: screen, program: newProgram, live: live, at: instant) else { return Response(status: .internalServerError) }
        return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, no-store"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    // MARK: - The page

    private func programPage(_ request: Request) -> Response {
        guard let session = session(request) else { return Self.redirect("/login") }
        guard session.account.role == .technician else { return Self.redirect("/door") }
        let words = words(request)
        let current = program.currentProgram
        let zone = current?.event.timeZone ?? .current
        var values: [String: Any] = [
            "lang": words.language == .swedish ? "sv" : "en", "title": words.staffProgram, "account": session.account.name, "csrf": session.csrf,
            "isTechnician": true, "doorsLabel": words.staffDoors, "techLabel": words.staffTechnician, "programLabel": words.staffProgram,
            "signOut": words.staffSignOut, "ack": ackText(words, program: true), "ackDoc": "program", "urlLabel": words.staffProgramURL, "fileLabel": words.staffProgramFile,
            "checkLabel": words.staffProgramCheck, "versionsHeading": words.staffProgramVersions, "rollBack": words.staffProgramRollBack,
        ]
        if let current {
            values["inForce"] = "\(words.staffProgramInForce): \(current.event.name) — \(words.staffProgramCounts(sessions: current.sessions.count, rooms: current.rooms.count))"
                + " — \(program.publication.current?.version.prefix(8) ?? "")"
        }
        let currentHash = program.publication.current?.version
        values["versions"] = ((try? database.versions()) ?? []).map { version -> [String: Any] in
            var row: [String: Any] = ["id": version.id, "when": "\(words.dayAndDate(version.at, in: zone)) \(words.time(version.at, in: zone))",
                                      "account": version.account, "what": "\(version.title) — \(words.staffProgramCounts(sessions: version.sessions, rooms: version.rooms))",
                                      "origin": version.origin]
            if version.hash == currentHash { row["current"] = true }
            return row
        }
        if let token = request.uri.queryParameters["staged"].map(String.init), token.count == 64, token.allSatisfy(\.isHexDigit),
           let bytes = FileManager.default.contents(atPath: stagedDirectory + "/\(token).feed").map(Array.init) {
            values["staged"] = token
            values["origin"] = (try? String(contentsOfFile: stagedDirectory + "/\(token).origin", encoding: .utf8)) ?? ""
            let report = SourceDocument.feedReport(bytes)
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            // Findings name the file as it was brought in: its upload name or the URL's last part.
            let origin = values["origin"] as? String ?? ""
            let name = origin.hasPrefix("upload ") ? String(origin.dropFirst(7)) : (URL(string: origin)?.lastPathComponent ?? "feed")
            values["findings"] = report.diagnostics.prefix(50).map { diagnostic -> [String: Any] in
                var finding: [String: Any] = ["text": diagnostic.formatted(file: name.isEmpty ? "feed" : name), "error": diagnostic.severity == .error]
                if let line = diagnostic.location?.line, line >= 1, line <= lines.count {
                    finding["source"] = "\(line) │ " + DisplayText.withoutControls(String(decoding: lines[line - 1].prefix(200), as: UTF8.self))
                }
                return finding
            }
            if let newProgram = report.program {
                // Each screen the hub knows, as it will look with this program at the time asked (default: now).
                let at = request.uri.queryParameters["at"].map(String.init).flatMap { text in
                    (try? InstantText.parse(text, zone: newProgram.event.timeZone, setting: "at")).map { _ in text }
                }
                let atQuery = at.map { "?at=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
                values["at"] = at ?? ""
                values["atLabel"] = words.staffProgramPreviewAt
                values["showLabel"] = words.staffProgramPreviewShow
                let previews = screens.all.filter { wallClock.now().timeIntervalSince($0.lastSeen) < 300 }.map { screen -> [String: Any] in
                    ["name": screen.name, "src": "/program/preview/\(token)/\(screen.name)\(atQuery)", "sign": screen.sign ?? ""]
                }
                values["previews"] = previews
                if !previews.isEmpty { values["hasPreviews"] = true }
                let changes = ProgramChanges(from: current, to: newProgram)
                values["canPublish"] = true
                values["publishLabel"] = words.staffProgramPublish
                values["summary"] = words.staffProgramSummary(changes)
                values["changes"] = changes.sessions.prefix(100).map { change -> [String: Any] in
                    let session = change.session
                    let room = newProgram.room(id: session.roomID)?.name ?? current?.room(id: session.roomID)?.name ?? session.roomID
                    var row: [String: Any] = ["kind": words.staffProgramChangeKind(change.kind), "title": session.title,
                                              "when": "\(words.time(session.plannedStart, in: newProgram.event.timeZone)) \(room)"]
                    if let before = change.before, change.kind == .moved {
                        let beforeRoom = current?.room(id: before.roomID)?.name ?? before.roomID
                        row["before"] = "\(words.time(before.plannedStart, in: zone)) \(beforeRoom)"
                    }
                    return row
                }
            } else {
                values["cannotPublish"] = words.staffProgramHasErrors
            }
        }
        return html(render("program", values))
    }
}
