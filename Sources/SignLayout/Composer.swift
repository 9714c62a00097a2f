import Foundation

/// Places text and boxes for one frame: sizes from the theme scaled to the screen, wrapping
/// and ellipsis through the measurer, and the burn-in shift applied to everything.
struct Composer {
    enum Alignment { case left, right, center }

    let theme: Theme
    let fitter: TextFitter
    let measurer: any TextMeasurer
    let width: Int
    let height: Int
    let shift: (dx: Int, dy: Int)
    private(set) var items: [DisplayItem] = []

    /// The language of the screen's texts (the feed's locale), for hyphenating words too long
    /// for a line; a text in another language says so.
    let language: String?

    init(theme: Theme, measurer: any TextMeasurer, hyphenator: any Hyphenator = NoHyphenation(), language: String? = nil, width: Int, height: Int,
         shift: (dx: Int, dy: Int)) {
        self.theme = theme
        self.measurer = measurer
        self.fitter = TextFitter(measurer: measurer, hyphenator: hyphenator)
        self.language = language
        self.width = width
        self.height = height
        self.shift = shift
    }

    /// The screen's shorter side: every size is a fraction of it.
    var base: Double { Double(min(width, height)) }

    /// A theme size in pixels, never below the theme's legibility minimum.
    func px(_ fraction: Double) -> Int {
        Int((max(fraction, theme.sizes.minimum) * base).rounded())
    }

    /// A length (not a text size) in pixels.
    func length(_ fraction: Double) -> Int { Int((fraction * base).rounded()) }

    func lineHeight(_ weight: FontWeight, _ size: Int) -> Int { measurer.lineHeight(weight: weight, size: size) }

    func textWidth(_ text: String, _ weight: FontWeight, _ size: Int) -> Int {
        measurer.width(of: text, weight: weight, size: size)
    }

    mutating func box(_ rect: Rect, _ color: Color) {
        guard !rect.isEmpty else { return }
        items.append(.box(rect.offsetBy(dx: shift.dx, dy: shift.dy), color))
    }

    /// A QR code of `text` in the square `rect`.
    mutating func qrCode(_ text: String, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        items.append(.qrCode(text, rect.offsetBy(dx: shift.dx, dy: shift.dy)))
    }

    /// Writes `text` wrapped into `width` from (x, y), at most `maxLines` lines and never
    /// below `bottom`. Returns the y just below the last line written (y if none fitted).
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int, weight: FontWeight, size: Int, color: Color,
                       maxLines: Int = 1, bottom: Int? = nil, align: Alignment = .left, strikethrough: Bool = false, language: String? = nil) -> Int {
        let lines = fitter.lines(text, weight: weight, size: size, width: width, maxLines: min(maxLines, room(y, size, weight, bottom)),
                                 language: language ?? self.language)
        return place(lines, x: x, y: y, width: width, weight: weight, size: size, color: color, align: align, strikethrough: strikethrough)
    }

    /// A title: at `size` if it fits whole (every word unbroken, nothing cut); else one step
    /// smaller (at most 15 %, never below `floor`) if it fits whole there; else at that size
    /// with words broken at hyphenation points of its `language` where lines end. A title too
    /// long even for that is cut with "…" at the smaller size with its words whole: hyphens buy
    /// nothing when the end is lost anyway. Returns the y below the last line.
    @discardableResult
    mutating func title(_ text: String, x: Int, y: Int, width: Int, size: Int, floor: Int, color: Color, maxLines: Int,
                        bottom: Int? = nil, language: String? = nil) -> Int {
        let language = language ?? self.language
        let smaller = max(min(floor, size), Int((Double(size) * 0.85).rounded()))
        var last = TextFitter.Fitted(lines: [])
        var lastSize = size
        for candidate in Set([size, smaller]).sorted(by: >) {
            last = fitter.fit(text, weight: .bold, size: candidate, width: width, maxLines: min(maxLines, room(y, candidate, .bold, bottom)),
                              language: language)
            lastSize = candidate
            if last.isWhole { break }
        }
        if !last.isWhole {
            let hyphenated = fitter.fit(text, weight: .bold, size: lastSize, width: width, maxLines: min(maxLines, room(y, lastSize, .bold, bottom)),
                                        language: language, hyphenateLineEnds: true)
            if !hyphenated.truncated || last.brokeWord { last = hyphenated }
        }
        return place(last.lines, x: x, y: y, width: width, weight: .bold, size: lastSize, color: color, align: .left, strikethrough: false)
    }

    /// How many lines of `size` fit from `y` down to `bottom` (the screen's foot when nil).
    private func room(_ y: Int, _ size: Int, _ weight: FontWeight, _ bottom: Int?) -> Int {
        max(0, ((bottom ?? height) - y) / max(1, lineHeight(weight, size)))
    }

    private mutating func place(_ lines: [String], x: Int, y: Int, width: Int, weight: FontWeight, size: Int, color: Color, align: Alignment,
                                strikethrough: Bool) -> Int {
        let lineHeight = self.lineHeight(weight, size)
        var lineY = y
        for line in lines {
            let lineWidth = min(width, textWidth(line, weight, size))
            let lineX: Int
            switch align {
            case .left: lineX = x
            case .right: lineX = x + width - lineWidth
            case .center: lineX = x + (width - lineWidth) / 2
            }
            let frame = Rect(x: lineX + shift.dx, y: lineY + shift.dy, width: lineWidth, height: lineHeight)
            items.append(.text(TextRun(text: line, weight: weight, size: size, color: color, frame: frame, strikethrough: strikethrough)))
            lineY += lineHeight
        }
        return lineY
    }

    /// How many lines `text` takes in `width` (up to `maxLines`).
    func lineCount(_ text: String, width: Int, weight: FontWeight, size: Int, maxLines: Int) -> Int {
        fitter.lines(text, weight: weight, size: size, width: width, maxLines: maxLines, language: language).count
    }

    func build() -> DisplayList {
        DisplayList(width: width, height: height, background: theme.colors.background, items: items)
    }
}

/// Subtle burn-in protection: the whole layout moves by a few pixels, to a new place every few
/// minutes, following a fixed pattern (so a frame is a pure function of its instant).
public enum BurnInShift {
    /// How often the layout moves.
    public static let period: TimeInterval = 180

    /// The offset at an instant, at most 0.4 % of the shorter side in each direction.
    public static func offset(at instant: Date, shortSide: Int) -> (dx: Int, dy: Int) {
        let pattern: [(Int, Int)] = [(0, 0), (1, 1), (2, 0), (1, -1), (0, -2), (-1, -1), (-2, 0), (-1, 1), (0, 2)]
        let step = Int((instant.timeIntervalSince1970 / period).rounded(.down))
        let (x, y) = pattern[((step % pattern.count) + pattern.count) % pattern.count]
        let unit = max(1, shortSide / 500)
        return (x * unit, y * unit)
    }

    /// The next instant the offset changes.
    public static func nextChange(after instant: Date) -> Date {
        Date(timeIntervalSince1970: ((instant.timeIntervalSince1970 / period).rounded(.down) + 1) * period)
    }
}
