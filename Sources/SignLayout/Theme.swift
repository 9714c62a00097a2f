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
        /// "Running 10 min late" beside a late session.
        public var late: Color
        /// The band of a full room and the whole screen in an emergency, with `alertText` on it.
        public var alertBackground: Color
        public var alertText: Color

        public init(background: Color, panel: Color, text: Color, muted: Color, accent: Color, pause: Color, cancelled: Color,
                    bannerBackground: Color, bannerText: Color, late: Color, alertBackground: Color, alertText: Color) {
            self.background = background
            self.panel = panel
            self.text = text
            self.muted = muted
            self.accent = accent
            self.pause = pause
            self.cancelled = cancelled
            self.bannerBackground = bannerBackground
            self.bannerText = bannerText
            self.late = late
            self.alertBackground = alertBackground
            self.alertText = alertText
        }

        enum CodingKeys: String, CodingKey {
            case background, panel, text, muted, accent, pause, cancelled, bannerBackground, bannerText, late, alertBackground, alertText
        }

        /// Reads a theme's colours; those added later (`late`, `alertBackground`, `alertText`)
        /// default to the dark theme's, so a venue's own older theme file still loads.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            background = try container.decode(Color.self, forKey: .background)
            panel = try container.decode(Color.self, forKey: .panel)
            text = try container.decode(Color.self, forKey: .text)
            muted = try container.decode(Color.self, forKey: .muted)
            accent = try container.decode(Color.self, forKey: .accent)
            pause = try container.decode(Color.self, forKey: .pause)
            cancelled = try container.decode(Color.self, forKey: .cancelled)
            bannerBackground = try container.decode(Color.self, forKey: .bannerBackground)
            bannerText = try container.decode(Color.self, forKey: .bannerText)
            late = try container.decodeIfPresent(Color.self, forKey: .late) ?? cancelled
            alertBackground = try container.decodeIfPresent(Color.self, forKey: .alertBackground) ?? Theme.emergencyRed
            alertText = try container.decodeIfPresent(Color.self, forKey: .alertText) ?? Color(red: 255, green: 255, blue: 255)
        }
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
    /// Whether room signs show the session's page as a QR code (`"qrCodes": false` turns them
    /// off; absent: on).
    public var qrCodes: Bool?

    /// Whether room signs show QR codes.
    public var showsQRCodes: Bool { qrCodes ?? true }

    /// Reads a theme from JSON bytes.
    public static func decode(_ data: Data) throws -> Theme {
        try JSONDecoder().decode(Theme.self, from: data)
    }
}

extension Theme {
    /// The alert red: white text on it has a contrast of 7.8:1.
    static let emergencyRed = Color(hex: "#A50E1E")!

    /// The built-in dark theme (also `assets/themes/dark.json`), for when no theme file is found.
    public static let dark = Theme(
        name: "dark",
        colors: Colors(
            background: Color(hex: "#0B0F14")!, panel: Color(hex: "#1C2733")!, text: Color(hex: "#FFFFFF")!,
            muted: Color(hex: "#B9C4CF")!, accent: Color(hex: "#FFC940")!, pause: Color(hex: "#7FE0B4")!,
            cancelled: Color(hex: "#FF9E94")!, bannerBackground: Color(hex: "#FFC940")!, bannerText: Color(hex: "#0B0F14")!,
            late: Color(hex: "#FFA657")!, alertBackground: emergencyRed, alertText: Color(hex: "#FFFFFF")!),
        fonts: Fonts(regular: ["DejaVuSans.ttf"], bold: ["DejaVuSans-Bold.ttf"]),
        sizes: Sizes(header: 0.052, clock: 0.075, label: 0.032, title: 0.076, nextTitle: 0.056, body: 0.036,
                     countdown: 0.048, list: 0.032, pauseTitle: 0.13, message: 0.075, minimum: 0.026))
}
