import ScheduleCore

/// The hub's staff pages, Swedish and English, in the same table as the screens' words.
extension Phrasebook {
    public var staffSignIn: String { pick("Logga in", "Sign in") }
    public var staffName: String { pick("Namn", "Name") }
    public var staffPassword: String { pick("Lösenord", "Password") }
    public var staffSignOut: String { pick("Logga ut", "Sign out") }
    public var staffWrongLogin: String { pick("Fel namn eller lösenord.", "Wrong name or password.") }
    public var staffTooManyAttempts: String { pick("För många försök: vänta en minut.", "Too many attempts: wait a minute.") }
    public var staffDoors: String { pick("Dörrar", "Doors") }
    public var staffTechnician: String { pick("Tekniker", "Technician") }
    public var staffNoRooms: String { pick("Inga salar att visa: programmet saknas eller kontot har inga salar.", "No rooms to show: no program, or the account has no rooms.") }
    public var staffNote: String { pick("Meddelande vid dörren (valfritt)", "Note for the door (optional)") }
    public var staffLate: String { pick("Försenat", "Running late") }
    public var staffOnTime: String { pick("I tid", "On time") }
    public var staffRaiseAlert: String { pick("Meddelande till alla skärmar", "Message to every screen") }
    public var staffAlertText: String { pick("Text", "Text") }
    public var staffInfo: String { pick("Information (en rad)", "Information (a banner)") }
    public var staffEmergency: String { pick("Nödläge (hela skärmen)", "Emergency (the whole screen)") }
    public var staffUntil: String { pick("Till (valfritt, TT:MM)", "Until (optional, HH:MM)") }
    public var staffSend: String { pick("Skicka", "Send") }
    public var staffClearAlert: String { pick("Ta bort meddelandet", "Clear the message") }
    public var staffAlertInForce: String { pick("Gäller nu", "In force") }
    public var staffNoAlert: String { pick("Inget meddelande", "No message") }
    public var staffRooms: String { pick("Salar", "Rooms") }
    public var staffScreens: String { pick("Skärmar", "Screens") }
    public var staffHistory: String { pick("Ändringar", "Changes") }
    public var staffAlertTarget: String { pick("Meddelande", "Message") }
    public var staffUndo: String { pick("Ångra", "Undo") }
    public var staffOnline: String { pick("ansluten", "online") }
    public var staffStale: String { pick("tyst", "stale") }
    public var staffGone: String { pick("borta", "gone") }
    public var staffScreenOn: String { pick("skärmen på", "screen on") }
    public var staffScreenOff: String { pick("skärmen avstängd", "screen off") }
    public var staffClockNotSet: String { pick("klockan inte ställd", "clock not set") }
    public var staffUpToDate: String { pick("aktuell", "up to date") }
    public var staffBehind: String { pick("efter", "behind") }

    /// The state buttons' words: "Öppet", "Nästan fullt", "Fullt", "Stängt".
    public func staffState(_ state: RoomState) -> String {
        switch state {
        case .open: pick("Öppet", "Open")
        case .filling: pick("Nästan fullt", "Filling")
        case .full: pick("Fullt", "Full")
        case .closed: pick("Stängt", "Closed")
        }
    }

    /// "På 3 av 3 skärmar" / "On 3 of 3 screens".
    public func staffOnScreens(_ count: Int, of total: Int) -> String {
        pick("På \(count) av \(total) skärmar", "On \(count) of \(total) screens")
    }

    /// When no screen has asked the hub in the last minute.
    public var staffNoScreens: String { pick("Inga skärmar anslutna just nu", "No screens connected right now") }

    /// "Väntar på skärmarna…" while not every screen has the latest change.
    public var staffWaitingForScreens: String { pick("Skickar till skärmarna…", "Sending to the screens…") }

    public var staffProgram: String { pick("Program", "Programme") }
    public var staffProgramInForce: String { pick("På skärmarna", "On the screens") }

    /// "10 pass i 3 salar" / "10 sessions in 3 rooms".
    public func staffProgramCounts(sessions: Int, rooms: Int) -> String {
        pick("\(sessions) pass i \(rooms) \(rooms == 1 ? "sal" : "salar")", "\(sessions) session\(sessions == 1 ? "" : "s") in \(rooms) room\(rooms == 1 ? "" : "s")")
    }
    public var staffProgramURL: String { pick("Hämta från en adress (pretalx/frab schedule.json eller .xml, iCalendar, Skylt)", "Fetch from an address (pretalx/frab schedule.json or .xml, iCalendar, Skylt)") }
    public var staffProgramFile: String { pick("… eller ladda upp en fil", "… or upload a file") }
    public var staffProgramCheck: String { pick("Granska", "Check") }
    public var staffProgramPublish: String { pick("Publicera på alla skärmar", "Publish to every screen") }
    public var staffProgramPreviewAt: String { pick("Så här ser skärmarna ut vid (ÅÅÅÅ-MM-DDTTT:MM, tomt: nu)", "How the screens will look at (YYYY-MM-DDTHH:MM, empty: now)") }
    public var staffProgramPreviewShow: String { pick("Visa", "Show") }
    public var staffProgramVersions: String { pick("Versioner", "Versions") }
    public var staffProgramRollBack: String { pick("Återställ", "Roll back") }
    public var staffProgramHasErrors: String { pick("Programmet har fel och kan inte publiceras.", "The programme has errors and cannot be published.") }
    public var staffProgramNothing: String { pick("Ingen fil och ingen adress som gick att hämta.", "No file, and no address that could be fetched.") }
    public var staffProgramTooLarge: String { pick("Filen är större än 16 MiB.", "The file is larger than 16 MiB.") }

    /// "3 flyttade, 1 inställt, 2 nya; sal Saal 5 borta" / "3 moved, 1 cancelled, 2 new; room Saal 5 gone".
    public func staffProgramSummary(_ changes: ProgramChanges) -> String {
        if changes.isEmpty { return pick("Inga ändringar mot programmet som gäller.", "No changes against the programme in force.") }
        let counts: [(ProgramChanges.Change.Kind, String, String)] = [(.moved, "flyttade", "moved"), (.cancelled, "inställda", "cancelled"),
                                                                    (.new, "nya", "new"), (.removed, "borttagna", "removed"), (.retitled, "nya titlar", "retitled")]
        var parts = counts.compactMap { kind, swedish, english in changes.count(kind) > 0 ? "\(changes.count(kind)) \(pick(swedish, english))" : nil }
        parts += changes.roomsGone.map { pick("sal \($0) borta", "room \($0) gone") }
        parts += changes.roomsNew.map { pick("ny sal \($0)", "new room \($0)") }
        return parts.joined(separator: ", ")
    }

    /// A changed session's kind, as a short word.
    public func staffProgramChangeKind(_ kind: ProgramChanges.Change.Kind) -> String {
        switch kind {
        case .new: pick("ny", "new")
        case .removed: pick("borttagen", "removed")
        case .moved: pick("flyttad", "moved")
        case .cancelled: pick("inställd", "cancelled")
        case .retitled: pick("ny titel", "retitled")
        }
    }

    /// Why the hub refused a change, in the page's language.
    public enum StaffRefusal: Sendable {
        case signInFirst, formOutOfDate, formNotUsable, roomNotAllowed, technicianOnly, noProgram, noSuchRoom, nothingToUndo
    }

    /// The words for a refusal.
    public func staffRefusal(_ refusal: StaffRefusal) -> String {
        switch refusal {
        case .signInFirst: pick("Logga in först.", "Sign in first.")
        case .formOutOfDate: pick("Formuläret är inaktuellt: ladda om sidan.", "The form is out of date: reload the page.")
        case .formNotUsable: pick("Formuläret är för stort eller trasigt.", "The form is too large or not a form.")
        case .roomNotAllowed: pick("Det här kontot får inte ändra den salen.", "This account may not change that room.")
        case .technicianOnly: pick("Bara en tekniker får göra det.", "Only a technician may do that.")
        case .noProgram: pick("Hubben har inget giltigt program.", "The hub has no valid program.")
        case .noSuchRoom: pick("Salen finns inte i programmet.", "There is no such room in the program.")
        case .nothingToUndo: pick("Inget att ångra.", "Nothing to undo.")
        }
    }
}
