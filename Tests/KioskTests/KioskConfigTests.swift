import DisplayContract
import Kiosk
import ScheduleCore
import Testing

@Suite struct KioskConfigTests {
    static func read(_ text: String) -> (config: KioskConfig?, diagnostics: [Diagnostic]) { KioskConfig.read(Array(text.utf8)) }

    @Test func hdmiCECIsOnUnlessTurnedOff() throws {
        #expect(try #require(Self.read("{}").config).hdmiCEC)
        #expect(try #require(Self.read(#"{"hdmi_cec": false}"#).config).hdmiCEC == false)
        let wrong = Self.read("{\n  \"hdmi_cec\": \"no\"\n}")
        #expect(wrong.config == nil)
        let error = try #require(wrong.diagnostics.first)
        #expect(error.location?.line == 2 && error.message.contains("expected true or false"))
    }
}
