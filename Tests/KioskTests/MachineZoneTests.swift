import Foundation
import Kiosk
import Testing

/// The machine's zone for a schedule that names none: TZ as the C library reads it.
@Suite struct MachineZoneTests {
    static let localtime = "/nonexistent/localtime"

    @Test func tzIsReadAsTheCLibraryReadsIt() {
        #expect(MachineZone.resolve(environment: ["TZ": "Europe/Stockholm"], localtime: Self.localtime).zone.identifier == "Europe/Stockholm")
        let colon = MachineZone.resolve(environment: ["TZ": ":Asia/Kathmandu"], localtime: Self.localtime)
        #expect(colon.zone.identifier == "Asia/Kathmandu")
        #expect(colon.note == "TZ=':Asia/Kathmandu' is read as the zone Asia/Kathmandu")
        #expect(MachineZone.resolve(environment: ["TZ": "Europe/Brussels "], localtime: Self.localtime).zone.identifier == "Europe/Brussels")
        #expect(MachineZone.resolve(environment: ["TZ": "/usr/share/zoneinfo/America/Chicago"], localtime: Self.localtime).zone.identifier == "America/Chicago")
    }

    @Test func aRuleItCannotReadFallsBackToLocaltimeSayingSo() {
        let posix = MachineZone.resolve(environment: ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"], localtime: Self.localtime)
        #expect(posix.zone.secondsFromGMT() == 0, "/etc/localtime is absent here: UTC")
        #expect(posix.note?.contains("is not a zone name Skylt can read") == true)
        // No TZ: /etc/localtime, without a note.
        #expect(MachineZone.resolve(environment: [:], localtime: Self.localtime).note == nil)
    }
}
