import Foundation
import SignText
import ScheduleCore

/// The header every screen has: event (and room) on the left, clock and date on the right.
enum Header {
    /// Returns the y where content may start.
    static func compose(title: String, subtitle: String?, notices: [Notice], context: LayoutContext, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let margin = composer.length(0.04)
        let clockSize = composer.px(theme.sizes.clock)
        let clockText = context.time(context.board.at)
        let clockWidth = composer.textWidth(clockText, .bold, clockSize)
        let dateSize = composer.px(theme.sizes.label)
        let date = context.words.dayAndDate(context.board.at, in: context.zone).capitalizedFirst
        let rightWidth = max(clockWidth, composer.textWidth(date, .regular, dateSize))
        let rightX = composer.width - margin - rightWidth
        var y = composer.text(clockText, x: rightX, y: margin, width: rightWidth, weight: .bold, size: clockSize, color: theme.colors.text, align: .right)
        y = composer.text(date, x: rightX, y: y, width: rightWidth, weight: .regular, size: dateSize, color: theme.colors.muted, align: .right)

        let leftWidth = rightX - margin - composer.length(0.03)
        var left = margin
        if let subtitle {
            left = composer.text(subtitle, x: margin, y: left, width: leftWidth, weight: .regular, size: composer.px(theme.sizes.label), color: theme.colors.muted)
        }
        left = composer.text(title, x: margin, y: left, width: leftWidth, weight: .bold, size: composer.px(theme.sizes.header), color: theme.colors.text,
                             maxLines: 2)
        var bottom = max(y, left) + composer.length(0.02)
        composer.box(Rect(x: margin, y: bottom, width: composer.width - 2 * margin, height: max(2, composer.length(0.004))), theme.colors.panel)
        bottom += composer.length(0.03)

        // The technician's info alert first, then the feed's notices, in one band.
        var banner = notices.map(\.text)
        if let alert = context.board.alert, alert.level == .info { banner.insert(alert.text, at: 0) }
        if !banner.isEmpty {
            bottom = Banner.compose(banner.joined(separator: "  ·  "), y: bottom, into: &composer)
        }
        return bottom
    }
}
