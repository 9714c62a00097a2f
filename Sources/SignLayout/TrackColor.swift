/// A colour per track, so attendees can follow one: the conference's own colour where its feed
/// gives one (the colour attendees know from its app and printed program), made readable on the
/// theme's background; otherwise the same track name always gets the same colour (a stable
/// hash, not Swift's per-process one) from a palette that stays readable on the background.
public enum TrackColor {
    static let darkPalette = ["#FF8A80", "#FFD180", "#FFFF8D", "#CCFF90", "#A7FFEB", "#80D8FF", "#B388FF", "#FF80AB"]
    static let lightPalette = ["#B71C1C", "#8D4A00", "#5D5A00", "#2E6B00", "#00695C", "#01579B", "#4527A0", "#880E4F"]
    /// The contrast every track colour has with the background: the themes' rule for text.
    public static let minimumContrast = 7.0

    /// The track's colour on `background`: `declared` (`#RRGGBB`, from the feed) made readable,
    /// or one from the palette.
    public static func color(for track: String, declared: String? = nil, on background: Color) -> Color {
        if let declared, let color = Color(hex: declared) { return readable(color, on: background) }
        let palette = background.relativeLuminance < 0.5 ? darkPalette : lightPalette
        var hash: UInt32 = 2_166_136_261
        for byte in track.lowercased().utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Color(hex: palette[Int(hash % UInt32(palette.count))]) ?? background
    }

    /// `color` as it is if it meets `minimumContrast` on `background`; otherwise mixed, a
    /// twentieth at a time, towards white (on a dark background) or black (on a light one)
    /// until it does: lighter or darker, the same hue.
    static func readable(_ color: Color, on background: Color) -> Color {
        let toward = background.relativeLuminance < 0.5 ? Color(red: 255, green: 255, blue: 255) : Color(red: 0, green: 0, blue: 0)
        for step in 0...20 {
            let amount = Double(step) / 20
            func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - amount) + Double(b) * amount).rounded()) }
            let mixed = Color(red: mix(color.red, toward.red), green: mix(color.green, toward.green), blue: mix(color.blue, toward.blue))
            if mixed.contrast(with: background) >= minimumContrast { return mixed }
        }
        return toward
    }
}
