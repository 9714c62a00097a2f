import DisplayContract
import Testing

/// Which display a kiosk uses: a window only where a display server is, the console through KMS
/// otherwise, never SDL's own KMSDRM driver.
@Suite struct DisplayChoiceTests {
    @Test func automaticIsAWindowUnderADisplayServerAndTheConsoleOtherwise() {
        #expect(DisplayChoice.auto.kind(headless: false, environment: ["DISPLAY": ":0"]) == .success(.window))
        #expect(DisplayChoice.auto.kind(headless: false, environment: ["WAYLAND_DISPLAY": "wayland-0"]) == .success(.window))
        #expect(DisplayChoice.auto.kind(headless: false, environment: [:]) == .success(.kms))
        #expect(DisplayChoice.auto.kind(headless: false, environment: ["SDL_VIDEODRIVER": "KMSDRM"]) == .success(.kms))
        #expect(DisplayChoice.auto.kind(headless: false, environment: ["SDL_VIDEODRIVER": "offscreen"]) == .success(.window))
        #expect(DisplayChoice.kms.kind(headless: false, environment: ["DISPLAY": ":0"]) == .success(.kms))
        #expect(DisplayChoice.window.kind(headless: true, environment: [:]) == .success(.frames))
    }

    @Test func aWindowOnABareConsoleIsRefusedPointingToKMS() {
        for environment in [[:], ["SDL_VIDEODRIVER": "kmsdrm"]] {
            guard case .failure(let refusal) = DisplayChoice.window.kind(headless: false, environment: environment) else {
                Issue.record("a window on a bare console was allowed: \(environment)")
                continue
            }
            #expect(refusal.description.contains("--display kms"))
        }
    }
}
