/// A colour per track, so attendees can follow one: the same track name always gets the same
/// colour (a stable hash, not Swift's per-process one), from a palette that stays readable on
/// the theme's background.
public enum TrackColor {
    static let darkPalette = ["#FF8A80", "#FFD180", "#FFFF8D", "#CCFF90", "#A7FFEB", "#80D8FF", "#B388FF", "#FF80AB"]
    static let lightPalette = ["#B71C1C", "#8D4A00", "#5D5A00", "#2E6B00", "#00695C", "#01579B", "#4527A0", "#880E4F"]

    public static func color(for track: String, on background: Color) -> Color {
        let palette = background.relativeLuminance < 0.5 ? darkPalette : lightPalette
        var hash: UInt32 = 2_166_136_261
        for byte in track.lowercased().utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Color(hex: palette[Int(hash % UInt32(palette.count))]) ?? background
    }
}
