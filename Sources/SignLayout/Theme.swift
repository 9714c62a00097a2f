import Foundation

/// How signs look: colours, fonts and text sizes. Sizes are fractions of the screen's shorter
/// side, so a sign looks the same at 720p and 4K, landscape or portrait. Loaded from
/// `assets/themes/NAME.json`.
public struct Theme: Sendable, Equatable, Codable {
    public struct Colors: Sendable, Equatable, Codable {
        public var background: Color
        /// Panels, dividers and the progress track.
        public var panel: Color
        public var text: Color
        /// Secondary text: speakers, dates, times.
        public var muted: Color
        /// Labels ("Pågår nu"), countdowns and the progress bar.
        public var accent: Color
        /// Breaks and meals.
        public var pause: Color
        /// Cancelled sessions.
        public var cancelled: Color
        public var bannerBackground: Color
        public var bannerText: Color
    }

    /// Font files: absolute paths, or names found in the system's font folders / fontconfig.
    public struct Fonts: Sendable, Equatable, Codable {
        public var regular: [String]
        public var bold: [String]
    }

    /// Text sizes as fractions of the screen's shorter side.
    public struct Sizes: Sendable, Equatable, Codable {
        public var header: Double
        public var clock: Double
        public var label: Double
        public var title: Double
        public var nextTitle: Double
        public var body: Double
        public var countdown: Double
        public var list: Double
        public var pauseTitle: Double
        public var message: Double
        /// Nothing is ever drawn smaller than this (legibility from three metres).
        public var minimum: Double
    }

    public var name: String
    public var colors: Colors
    public var fonts: Fonts
    public var sizes: Sizes

    /// Reads a theme from JSON bytes.
    public static func decode(_ data: Data) throws -> Theme {
        try JSONDecoder().decode(Theme.self, from: data)
    }
}

extension Theme {
    /// The built-in dark theme (also `assets/themes/dark.json`), for when no theme file is found.
    public static let dark = Theme(
        name: "dark",
        colors: Colors(
            background: Color(hex: "#0B0F14")!, panel: Color(hex: "#1C2733")!, text: Color(hex: "#FFFFFF")!,
            muted: Color(hex: "#B9C4CF")!, accent: Color(hex: "#FFC940")!, pause: Color(hex: "#7FE0B4")!,
            cancelled: Color(hex: "#FF9E94")!, bannerBackground: Color(hex: "#FFC940")!, bannerText: Color(hex: "#0B0F14")!),
        fonts: Fonts(regular: ["DejaVuSans.ttf"], bold: ["DejaVuSans-Bold.ttf"]),
        sizes: Sizes(header: 0.052, clock: 0.075, label: 0.032, title: 0.076, nextTitle: 0.056, body: 0.036,
                     countdown: 0.048, list: 0.032, pauseTitle: 0.13, message: 0.075, minimum: 0.026))
}
