import SignLayout

/// Where the kiosk's frames go: a window or the whole screen (SDL), a folder of PNGs
/// (headless), a bare KMS console. The driver decides what to draw and when; a display only
/// draws, shows, and waits for its own input or the loop's signal. Displays are used from the
/// driver's thread only.
public protocol KioskDisplay: ScreenPowerSwitch {
    /// The size a layout must have to fill the panel, as the viewer sees it (after rotation).
    var layoutSize: Size { get }

    /// Draws `list` and shows it. Only `changed` differs from the frame shown before, unless
    /// the display had to start afresh (a new size), in which case it draws everything.
    func show(_ list: DisplayList, changed: Rect) throws

    /// Waits up to `timeout` for the loop's signal (a new feed, a screenshot request, a stop)
    /// or the display's own input (a key, a window exposed).
    func wait(for timeout: Duration) -> DisplayEvent

    /// What the panel shows now, as PNG bytes (turned as mounted), or nil before the first frame.
    func screenshotPNG() -> [UInt8]?

    /// The same, scaled down to at most `maxWidth` pixels wide: what a hub shows of this screen.
    func thumbnailPNG(maxWidth: Int) -> [UInt8]?
}

extension KioskDisplay {
    /// A display is a `ScreenPowerSwitch`; one that cannot turn its panel off (a window, PNG
    /// files) shows the black frame the step decided instead.
    public func setScreenPower(_ on: Bool) {}

    /// A display that cannot scale its picture has no thumbnail.
    public func thumbnailPNG(maxWidth: Int) -> [UInt8]? { nil }
}
