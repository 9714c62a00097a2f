/// Something that turns the panel off outside the screen's hours and on again: the display
/// itself (a KMS connector's DPMS), or a TV's own power through HDMI-CEC. The driver calls
/// every switch when the screen's power changes, and once at the first frame; from its thread.
public protocol ScreenPowerSwitch: AnyObject {
    /// Turns the panel off (`false`) or on (`true`). Must not block the frame loop for long.
    func setScreenPower(_ on: Bool)
}
