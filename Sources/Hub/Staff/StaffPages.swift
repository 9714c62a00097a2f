import Foundation
import HTTPTypes
import Hummingbird
import Kiosk
import Logging
import Mustache
import NIOCore
import ScheduleCore
import SignText

/// The pages people use, server-rendered HTML that works without JavaScript (a little script
/// only updates the "on N of M screens" line): door staff set their rooms' state and lateness
/// with one tap, the technician raises and clears alerts, sees every room and screen and
/// undoes a change. Every write needs a login (a session cookie: HttpOnly, SameSite=Strict)
/// and the session's form token; the server checks what the account may do, whatever a page
/// shows. Each change is written with the one safe editor of the live file (`LiveFileEditor`),
/// published to the screens at once and kept in the history.
final class StaffPages: Sendable {
    static let cookieName = "skylt_session"

    let database: HubDatabase
    let templates: MustacheLibrary
    let livePath: String
    /// The hub's state folder (`feed.json`, `versions/`, `staged/`).
    let stateDirectory: String
    let program: HubDocument
    let live: HubDocument
    let screens: ScreenRegistry
    let wallClock: any WallClock
    let logger: Logger
    let throttle = LoginThrottle()
    let previews = ScreenPreview()

    init(database: HubDatabase, templates: MustacheLibrary, stateDirectory: String, program: HubDocument, live: HubDocument,
         screens: ScreenRegistry, wallClock: any WallClock, logger: Logger) {
        (self.database, self.templates, self.program, self.live) = (database, templates, program, live)
        (self.stateDirectory, livePath) = (stateDirectory, stateDirectory + "/live.json")
        (self.screens, self.wallClock, self.logger) = (screens, wallClock, logger)
    }

    /// Adds the pages' routes.
    func register(on router: Router<HubRequestContext>) {
        router.get("/login") { request, _ in self.loginPage(request, message: nil) }
        router.post("/login") { request, context in try await self.login(request, context) }
        router.post("/logout") { request, context in try await self.write(request, context, needs: nil) { session, _, _ in
            try self.database.endSession(token: session.token)
            var response = Self.redirect("/login")
            response.setCookie(Self.cookie("", maxAge: 0, request: request))
            return response
        } }
        router.get("/door") { request, _ in self.page(request, template: "door") }
        router.get("/tech") { request, _ in self.page(request, template: "tech") }
        router.get("/staff/ack") { request, _ in self.ack(request) }
        router.get("/staff/thumbnail/{screen}") { request, context -> Response in
            guard self.session(request)?.account.role == .technician else { return Response(status: .forbidden) }
            guard let png = self.screens.thumbnail(of: context.parameters.get("screen") ?? "") else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=60"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
        }
        router.post("/door/{room}") { request, context in
            let room = context.parameters.get("room") ?? ""
            return try await self.write(request, context, needs: .room(room)) { session, form, device in try self.roomChange(room, form, session, device, request) }
        }
        router.post("/tech/alert") { request, context in
            try await self.write(request, context, needs: .alerts) { session, form, device in try self.alertChange(form, session, device, request) }
        }
        registerProgramDesk(on: router)
        router.post("/tech/undo") { request, context in
            try await self.write(request, context, needs: .alerts) { session, form, device in try self.undo(form, session, device, request) }
        }
    }

    // MARK: - Sessions

    func session(_ request: Request) -> HubDatabase.Session? {
        guard let token = request.cookies[Self.cookieName]?.value else { return nil }
        return try? database.session(token: token, now: wallClock.now())
    }

    private func login(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        guard let form = await Self.form(request) else { return loginPage(request, message: nil, status: .badRequest) }
        let name = String((form["name"] ?? "").trimmingCharacters(in: .whitespaces).prefix(64))
        let address = Self.address(context)
        let now = wallClock.now()
        guard throttle.allows(name: name, address: address, now: now) else {
            logger.warning("login refused: too many attempts", metadata: ["name": "\(PrintableText.escaped(name))", "from": "\(address)"])
            return loginPage(request, message: words(request).staffTooManyAttempts, status: .tooManyRequests, name: name)
        }
        guard let account = try database.verify(name: name, password: String((form["password"] ?? "").prefix(128))) else {
            throttle.failed(name: name, address: address, now: now)
            logger.warning("login failed", metadata: ["name": "\(PrintableText.escaped(name))", "from": "\(address)"])
            return loginPage(request, message: words(request).staffWrongLogin, status: .unauthorized, name: name)
        }
        throttle.succeeded(name: name)
        let session = try database.startSession(account, device: Self.device(request, address), now: now)
        logger.notice("signed in", metadata: ["account": "\(account.name)", "from": "\(address)"])
        var response = Self.redirect(account.role == .technician ? "/tech" : "/door")
        response.setCookie(Self.cookie(session.token, maxAge: Int(HubDatabase.sessionLifetime), request: request))
        return response
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure when the hub is reached over https
    /// (behind a proxy that says so); a LAN hub on plain http cannot set Secure and still work.
    static func cookie(_ value: String, maxAge: Int, request: Request) -> Cookie {
        let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    // MARK: - Writes

    enum Permission { case room(String), alerts }

    /// Every write: a session, its form token, a form within bounds, and the permission;
    /// then `body`. Refused writes change nothing.
    func write(_ request: Request, _ context: HubRequestContext, needs permission: Permission?,
                       _ body: (HubDatabase.Session, FormFields, String) throws -> Response) async throws -> Response {
        guard let session = session(request) else { return refusal(request, .forbidden, .signInFirst) }
        guard let form = await Self.form(request) else { return refusal(request, .contentTooLarge, .formNotUsable) }
        guard ConstantTime.equal(form["csrf"] ?? "", session.csrf) else { return refusal(request, .forbidden, .formOutOfDate) }
        switch permission {
        case .room(let room):
            guard session.account.mayEdit(room: room) else {
                logger.warning("refused: room not allowed", metadata: ["account": "\(session.account.name)", "room": "\(PrintableText.escaped(String(room.prefix(64))))"])
                return refusal(request, .forbidden, .roomNotAllowed)
            }
        case .alerts:
            guard session.account.mayRaiseAlerts else { return refusal(request, .forbidden, .technicianOnly) }
        case nil:
            break
        }
        return try body(session, form, Self.device(request, Self.address(context)))
    }

    private func roomChange(_ room: String, _ form: FormFields, _ session: HubDatabase.Session, _ device: String, _ request: Request) throws -> Response {
        guard let program = program.currentProgram else { return refusal(request, .conflict, .noProgram) }
        guard program.room(id: room) != nil else { return refusal(request, .notFound, .noSuchRoom) }
        let edit: LiveEdit
        let change: String
        if let stateText = form["state"] {
            guard let state = RoomState(rawValue: stateText) else { return refusal(request, .badRequest, "not a room state") }
            let note = form["note"].map(Self.typed).flatMap { Self.isBlank($0) ? nil : $0 }
            edit = .room(room, state: state, note: note.map { .set($0) } ?? .keepUnlessOpened)
            change = state.rawValue + (note.map { ": " + $0 } ?? "")
        } else if let lateText = form["late"] {
            guard let minutes = Int(lateText) else { return refusal(request, .badRequest, "late must be whole minutes") }
            edit = .delay(room: room, minutes: minutes)
            change = minutes == 0 ? "on time" : "late \(minutes)"
        } else {
            return refusal(request, .badRequest, "give a state or a lateness")
        }
        return try apply(edit, target: "room:" + room, change: change, session: session, device: device, request: request, back: "/door#room-\(room)")
    }

    private func alertChange(_ form: FormFields, _ session: HubDatabase.Session, _ device: String, _ request: Request) throws -> Response {
        guard let program = program.currentProgram else { return refusal(request, .conflict, .noProgram) }
        if form["clear"] != nil {
            return try apply(.clear(.alert), target: "alert", change: "cleared", session: session, device: device, request: request, back: "/tech")
        }
        guard let level = LiveAlert.Level(rawValue: form["level"] ?? "info") else { return refusal(request, .badRequest, "level is info or emergency") }
        var until: Date?
        if let text = form["until"], !Self.isBlank(text) {
            let now = wallClock.now()
            let zone = program.event.timeZone
            let day = zone.localDateTime(for: now)
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { return refusal(request, .badRequest, "until is HH:MM") }
            let stamp = String(format: "%04d-%02d-%02dT%02d:%02d", day.year, day.month, day.day, parts[0], parts[1])
            do throws(SettingProblem) { until = try InstantText.parse(stamp, zone: zone, setting: "until") } catch { return refusal(request, .badRequest, error.description) }
        }
        let text = Self.typed(form["text"] ?? "")
        return try apply(.alert(LiveAlert(text: text, level: level, until: until)), target: "alert", change: "\(level.rawValue): \(text)",
                         session: session, device: device, request: request, back: "/tech")
    }

    private func undo(_ form: FormFields, _ session: HubDatabase.Session, _ device: String, _ request: Request) throws -> Response {
        guard let target = form["target"], let last = try database.lastChange(of: target) else { return refusal(request, .notFound, .nothingToUndo) }
        let edit: LiveEdit
        if target == "alert" {
            guard let before = LiveEntryText.alert(last.before) else { return refusal(request, .conflict, "that change cannot be undone") }
            edit = before.map { .alert($0) } ?? .clear(.alert)
        } else {
            guard target.hasPrefix("room:"), let before = LiveEntryText.room(last.before) else { return refusal(request, .conflict, "that change cannot be undone") }
            edit = .restore(room: String(target.dropFirst(5)), entry: before)
        }
        let response = try apply(edit, target: target, change: "undo #\(last.id): \(last.change)", session: session, device: device, request: request, back: "/tech",
                                 checkProblem: false)
        if response.status == .seeOther { try database.markUndone(last.id) }
        return response
    }

    /// Makes `edit` in the live file, publishes it at once, records it, and sends the browser back.
    func apply(_ edit: LiveEdit, target: String, change: String, session: HubDatabase.Session, device: String, request: Request, back: String,
                       checkProblem: Bool = true) throws -> Response {
        guard let program = program.currentProgram else { return refusal(request, .conflict, .noProgram) }
        // Whole seconds: what the file can say exactly (the editor reads back what it wrote).
        let now = Date(timeIntervalSince1970: wallClock.now().timeIntervalSince1970.rounded(.down))
        if checkProblem, let problem = edit.problem(at: now) { return refusal(request, .badRequest, problem) }
        let outcome: LiveFileEditor.Outcome
        do throws(LiveFileEditor.Failure) {
            outcome = try LiveFileEditor.edit(livePath, program: program, at: now, edit)
        } catch {
            return refusal(request, .conflict, "the live file: \(error.description)")
        }
        // Published now, not when the file watcher notices: every screen's held request is answered.
        live.offer(outcome.bytes, at: now, origin: "live.json")
        // The entry before is the one the edit was made on, under the file's lock (a second writer cannot slip in between).
        let before = outcome.previous
        let (old, new): (String, String) = target == "alert"
            ? (LiveEntryText.json(before.alert), LiveEntryText.json(outcome.state.alert))
            : (LiveEntryText.json(before.room(String(target.dropFirst(5)))), LiveEntryText.json(outcome.state.room(String(target.dropFirst(5)))))
        try database.record(at: now, account: session.account.name, device: device, target: target, change: DisplayText.withoutControls(change),
                            before: old, after: new)
        logger.notice("changed", metadata: ["account": "\(session.account.name)", "target": "\(target)", "change": "\(PrintableText.escaped(change))"])
        return Self.redirect(back)
    }

    // MARK: - Pages

    private func loginPage(_ request: Request, message: String?, status: HTTPResponse.Status = .ok, name: String = "") -> Response {
        let words = words(request)
        return html(render("login", [
            "lang": words.language == .swedish ? "sv" : "en", "title": words.staffSignIn, "signIn": words.staffSignIn,
            "nameLabel": words.staffName, "passwordLabel": words.staffPassword, "message": message as Any, "name": name,
        ]), status: status)
    }

    func page(_ request: Request, template: String) -> Response {
        guard let session = session(request) else { return Self.redirect("/login") }
        if template == "tech" && session.account.role != .technician { return Self.redirect("/door") }
        let words = words(request)
        let now = wallClock.now()
        let programNow = program.currentProgram
        let state = programNow.flatMap { (try? LiveFileEditor.read(livePath, program: $0))??.state } ?? .none
        let rooms = (programNow?.rooms ?? []).filter { session.account.mayEdit(room: $0.id) }.map { room -> [String: Any] in
            let entry = state.room(room.id)
            var values: [String: Any] = [
                "id": room.id, "name": room.name, "csrf": session.csrf,
                "states": RoomState.allCases.map { ["value": $0.rawValue, "label": words.staffState($0), "current": $0 == entry.state] },
                "lates": [0, 5, 10, 15].map { ["value": $0, "label": $0 == 0 ? words.staffOnTime : "+\($0) min", "current": $0 == entry.delayMinutes] },
                "stateLabel": words.staffState(entry.state),
            ]
            // Mustache shows a section for any value, even an empty text: what is not there is left out.
            if entry.delayMinutes > 0 { values["late"] = words.late(entry.delayMinutes * 60) }
            values["ack"] = ackText(words, room: room.id)
            if let note = entry.note { values["note"] = note }
            return values
        }
        var values: [String: Any] = [
            "lang": words.language == .swedish ? "sv" : "en", "title": template == "tech" ? words.staffTechnician : words.staffDoors,
            "account": session.account.name, "csrf": session.csrf, "rooms": rooms,
            "noteLabel": words.staffNote, "lateLabel": words.staffLate, "signOut": words.staffSignOut, "ack": ackText(words),
            "isTechnician": session.account.role == .technician, "doorsLabel": words.staffDoors, "techLabel": words.staffTechnician,
            "programLabel": words.staffProgram,
        ]
        if rooms.isEmpty { values["noRooms"] = words.staffNoRooms }
        if template == "tech" {
            let alert = state.alert(at: now)
            values["alertHeading"] = words.staffRaiseAlert
            values["alertNow"] = alert.map { "\(words.staffAlertInForce): \($0.level == .emergency ? words.staffEmergency : words.staffInfo) — \($0.text)" } ?? words.staffNoAlert
            values["hasAlert"] = alert != nil
            (values["textLabel"], values["infoLabel"], values["emergencyLabel"]) = (words.staffAlertText, words.staffInfo, words.staffEmergency)
            (values["untilLabel"], values["send"], values["clearAlert"]) = (words.staffUntil, words.staffSend, words.staffClearAlert)
            (values["roomsHeading"], values["screensHeading"], values["historyHeading"], values["undo"]) = (words.staffRooms, words.staffScreens, words.staffHistory, words.staffUndo)
            values["screens"] = fleet(words, now: now)
            let zone = programNow?.event.timeZone ?? .current
            let history = (try? database.history(limit: 30)) ?? []
            let undoable = Set(history.filter { !$0.undone && !$0.change.hasPrefix("undo") }.reduce(into: [String: Int64]()) { latest, change in
                if latest[change.target] == nil { latest[change.target] = change.id }
            }.values)
            values["history"] = history.map { change -> [String: Any] in
                let shown = change.target.hasPrefix("room:") ? programNow?.room(id: String(change.target.dropFirst(5)))?.name ?? String(change.target.dropFirst(5))
                    : words.staffAlertTarget
                return ["time": words.time(change.at, in: zone), "account": change.account, "target": change.target, "shown": shown, "change": change.change,
                 "device": change.device, "undoable": undoable.contains(change.id), "undone": change.undone, "csrf": session.csrf]
            }
        }
        return html(render(template, values))
    }

    private func fleet(_ words: Phrasebook, now: Date) -> [[String: Any]] {
        let programVersion = program.publication.current?.version
        let liveVersion = live.publication.current?.version
        return screens.all.map { screen in
            let age = now.timeIntervalSince(screen.lastSeen)
            let inStep = screen.programVersion == programVersion && screen.liveVersion == liveVersion
            var tile: [String: Any] = ["name": screen.name, "state": age < 60 ? words.staffOnline : age < 300 ? words.staffStale : words.staffGone,
                                       "inStep": inStep ? words.staffUpToDate : words.staffBehind, "seen": "\(Int(age)) s",
                                       "stateClass": age < 60 ? "online" : age < 300 ? "stale" : "gone"]
            let details = [screen.sign, screen.size, screen.version.map { "Skylt " + $0 },
                           screen.screenOn.map { $0 ? words.staffScreenOn : words.staffScreenOff },
                           screen.clockTrusted == false ? words.staffClockNotSet : nil].compactMap { $0 }
            if !details.isEmpty { tile["details"] = details.joined(separator: " · ") }
            if screen.hasThumbnail { tile["thumbnail"] = "/staff/thumbnail/\(screen.name)?at=\(Int(screen.lastSeen.timeIntervalSince1970))" }
            return tile
        }
    }

    /// "On 3 of 3 screens" for the live state in force: the screens heard from in the last
    /// minute, or (for a room) those that show it — its own sign and the lobbies listing it, as
    /// their reports say (a screen that has not said what it shows counts too).
    func ackText(_ words: Phrasebook, room: String? = nil, program: Bool = false) -> String {
        let (count, total) = ackCounts(room: room, program: program)
        if total == 0 { return words.staffNoScreens }
        return count == total ? words.staffOnScreens(count, of: total) : "\(words.staffWaitingForScreens) \(words.staffOnScreens(count, of: total))"
    }

    /// Screens heard from in the last minute (that show `room`), and those of them that have the
    /// live state in force (or the program in force, with `program`).
    private func ackCounts(room: String? = nil, program: Bool = false) -> (Int, Int) {
        let now = wallClock.now()
        let version = (program ? self.program : live).publication.current?.version
        let online = screens.all.filter { now.timeIntervalSince($0.lastSeen) < 60 && (room.map($0.shows) ?? true) }
        return (online.filter { (program ? $0.programVersion : $0.liveVersion) == version }.count, online.count)
    }

    private func ack(_ request: Request) -> Response {
        guard session(request) != nil else { return Response(status: .forbidden) }
        let words = words(request)
        let rooms = (request.uri.queryParameters["rooms"].map(String.init) ?? "").split(separator: ",").prefix(64).map(String.init)
        let program = request.uri.queryParameters["doc"] == "program"
        func entry(_ room: String?) -> String {
            let (count, total) = ackCounts(room: room, program: program && room == nil)
            return #"{"text": "\#(ackText(words, room: room, program: program && room == nil))", "done": \#(total > 0 && count == total)}"#
        }
        let perRoom = rooms.filter(HubNames.isValidScreenName).map { #""\#($0)": \#(entry($0))"# }.joined(separator: ", ")
        let body = #"{"all": \#(entry(nil)), "rooms": {\#(perRoom)}}"#
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func refusal(_ request: Request, _ status: HTTPResponse.Status, _ reason: String) -> Response {
        html(render("refused", ["lang": words(request).language == .swedish ? "sv" : "en", "title": "\(status.code)", "reason": reason]), status: status)
    }

    func refusal(_ request: Request, _ status: HTTPResponse.Status, _ reason: Phrasebook.StaffRefusal) -> Response {
        refusal(request, status, words(request).staffRefusal(reason))
    }

    // MARK: - Helpers

    /// The page's language: `?lang=sv|en`, else the browser's first of Swedish and English,
    /// else the program's.
    func words(_ request: Request) -> Phrasebook {
        if let lang = request.uri.queryParameters["lang"].map(String.init), ["sv", "en"].contains(lang) { return Phrasebook(locale: lang) }
        let accepted = (request.headers[.acceptLanguage] ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let first = accepted.first(where: { $0.hasPrefix("sv") || $0.hasPrefix("en") }) { return Phrasebook(locale: String(first.prefix(2))) }
        return Phrasebook(locale: program.currentProgram?.event.locale ?? "sv")
    }

    func render(_ template: String, _ values: [String: Any]) -> String {
        templates.render(values, withTemplate: template) ?? "<!doctype html><title>Skylt</title><p>template \(template) missing"
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                           HTTPField.Name("X-Frame-Options")!: "DENY",
                                           HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; frame-ancestors 'none'; form-action 'self'"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func form(_ request: Request) async -> FormFields? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: FormFields.maxBytes) else { return nil }
        return FormFields(Array(buffer.readableBytesView))
    }

    /// What a person typed, as it may be shown: control characters and bidirectional overrides
    /// (which could make a note read backwards on the technician's page) left out.
    static func typed(_ text: String) -> String {
        let overrides: ClosedRange<UInt32> = 0x202A...0x202E, isolates: ClosedRange<UInt32> = 0x2066...0x2069
        return DisplayText.withoutControls(String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !overrides.contains($0.value) && !isolates.contains($0.value)
        })))
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint }
    }

    static func address(_ context: HubRequestContext) -> String {
        context.remoteAddress?.ipAddress ?? "unknown"
    }

    static func device(_ request: Request, _ address: String?) -> String {
        let agent = DisplayText.withoutControls(String((request.headers[.userAgent] ?? "").prefix(160)))
        return address.map { "\($0) \(agent)" } ?? agent
    }
}
