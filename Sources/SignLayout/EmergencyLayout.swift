import ScheduleCore

/// The whole screen for an emergency alert: the message as large as it fits, in high contrast,
/// and the screen's own direction line ("Nödutgång: trappan till vänster"); nothing else.
enum EmergencyLayout {
    /// Text sizes tried for the message, largest first (fractions of the shorter side).
    static let messageSizes: [Double] = [0.16, 0.14, 0.12, 0.105, 0.09, 0.075, 0.06]

    static func compose(_ alert: LiveAlert, direction: String?, into composer: inout Composer) {
        let theme = composer.theme
        let margin = composer.length(0.05)
        let width = composer.width - 2 * margin
        let gap = composer.length(0.04)
        var directionHeight = 0
        let directionSize = composer.px(0.07)
        if let direction {
            let lines = composer.lineCount(direction, width: width, weight: .bold, size: directionSize, maxLines: 2)
            directionHeight = lines * composer.lineHeight(.bold, directionSize) + gap + max(3, composer.length(0.006))
        }
        let available = composer.height - 2 * margin - directionHeight
        // The largest size at which the whole message fits without an ellipsis, and every word
        // on a line of its own (never broken inside a word).
        let words = alert.text.split(whereSeparator: \.isWhitespace).map(String.init)
        var size = composer.px(messageSizes.last!)
        var lines = 0
        for fraction in messageSizes {
            let candidate = composer.px(fraction)
            let count = composer.lineCount(alert.text, width: width, weight: .bold, size: candidate, maxLines: 64)
            size = candidate
            lines = count
            let wordsFit = words.allSatisfy { composer.textWidth($0, .bold, candidate) <= width }
            if wordsFit && count * composer.lineHeight(.bold, candidate) <= available && count <= 6 { break }
        }
        let maxLines = max(1, available / max(1, composer.lineHeight(.bold, size)))
        let textHeight = min(lines, maxLines) * composer.lineHeight(.bold, size)
        let top = margin + max(0, (available - textHeight) / 2)
        var y = composer.text(alert.text, x: margin, y: top, width: width, weight: .bold, size: size, color: theme.colors.alertText,
                              maxLines: maxLines, align: .center)
        if let direction {
            y = max(y, composer.height - margin - directionHeight) + gap
            composer.box(Rect(x: margin, y: y - gap / 2, width: width, height: max(3, composer.length(0.006))), theme.colors.alertText)
            composer.text(direction, x: margin, y: y, width: width, weight: .bold, size: directionSize, color: theme.colors.alertText,
                          maxLines: 2, align: .center)
        }
    }
}
