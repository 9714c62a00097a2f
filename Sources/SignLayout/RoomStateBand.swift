import ScheduleCore
import SignText

/// The door sign's band for a room that is not simply open, under the header: a full room in
/// the alert colour across the whole width, big enough to read from three metres, with the
/// talks on now in rooms that still have space; a filling or closed room, or a note, calmer.
enum RoomStateBand {
    /// Returns the y where content may continue.
    static func compose(_ entry: RoomBoard, context: LayoutContext, y start: Int, into composer: inout Composer) -> Int {
        guard entry.state != .open || entry.note != nil else { return start }
        let theme = composer.theme
        let words = context.words
        let margin = composer.length(0.04)
        let padding = composer.length(0.015)
        let width = composer.width - 2 * margin
        let innerWidth = width - 2 * padding
        let (headline, background, foreground, size): (String?, Color, Color, Int)
        switch entry.state {
        case .full: (headline, background, foreground, size) = (words.roomFullBand, theme.colors.alertBackground, theme.colors.alertText,
                                                                 composer.px(theme.sizes.title))
        case .closed: (headline, background, foreground, size) = (words.roomClosedBand, theme.colors.panel, theme.colors.text,
                                                                   composer.px(theme.sizes.title))
        case .filling: (headline, background, foreground, size) = (words.roomFillingBand, theme.colors.panel, theme.colors.accent,
                                                                   composer.px(theme.sizes.countdown))
        case .open: (headline, background, foreground, size) = (nil, theme.colors.panel, theme.colors.text, 0)
        }
        let noteSize = composer.px(theme.sizes.body)
        let headlineLines = headline.map { composer.lineCount($0, width: innerWidth, weight: .bold, size: size, maxLines: 2) } ?? 0
        let noteLines = entry.note.map { composer.lineCount($0, width: innerWidth, weight: .regular, size: noteSize, maxLines: 2) } ?? 0
        let height = headlineLines * composer.lineHeight(.bold, size) + noteLines * composer.lineHeight(.regular, noteSize) + 2 * padding
        composer.box(Rect(x: margin, y: start, width: width, height: height), background)
        var y = start + padding
        if let headline {
            y = composer.text(headline, x: margin + padding, y: y, width: innerWidth, weight: .bold, size: size, color: foreground, maxLines: 2,
                              align: entry.state == .full ? .center : .left)
        }
        if let note = entry.note {
            y = composer.text(note, x: margin + padding, y: y, width: innerWidth, weight: .regular, size: noteSize,
                              color: entry.state == .full ? theme.colors.alertText : theme.colors.text, maxLines: 2,
                              align: entry.state == .full ? .center : .left)
        }
        y = start + height + composer.length(0.02)
        if entry.state == .full {
            let others = context.board.alternatives(to: entry.room.id).prefix(3)
            if !others.isEmpty {
                let list = others.map { "\($0.room.name) — \($0.current?.session.title ?? "")" }.joined(separator: "  ·  ")
                y = composer.text(words.alsoNow + list, x: margin, y: y, width: width, weight: .bold, size: composer.px(theme.sizes.body),
                                  color: theme.colors.text, maxLines: 2) + composer.length(0.02)
            }
        }
        return y
    }
}
