import Foundation
import ScheduleCore
import SignText

/// The lobby board: one row per room with what is on now and next. With more rooms than fit
/// at a legible size it pages through them, one page every `SignLayout.lobbyPagePeriod`.
struct LobbyLayout {
    let context: LayoutContext
    /// The rooms this screen shows, in order (nil: those with something on today, in feed order).
    let only: [String]?

    /// The page counter at an instant (taken modulo the page count).
    static func page(at instant: Date) -> Int {
        Int((instant.timeIntervalSince1970 / SignLayout.lobbyPagePeriod).rounded(.down))
    }

    func compose(into composer: inout Composer) {
        let board = context.board
        let theme = composer.theme
        let words = context.words
        let event = board.program.event
        let top = Header.compose(title: event.name, subtitle: event.venue, notices: board.notices.filter { $0.roomID == nil },
                                 context: context, into: &composer)
        let margin = composer.length(0.04)
        let bottom = composer.height - margin
        let width = composer.width - 2 * margin
        let landscape = composer.width > composer.height

        switch board.phase {
        case .eventOver, .empty:
            let text = board.phase == .empty ? words.noSessions : words.eventOver
            let size = composer.px(theme.sizes.message)
            composer.text(text, x: margin, y: top + (bottom - top) / 3, width: width, weight: .bold, size: size, color: theme.colors.text,
                          maxLines: 3, align: .center)
            return
        default:
            break
        }

        // Rooms with something on now or later today; the rest would only make attendees wait
        // for pages (a big congress lists dozens of rooms with nothing today).
        let rooms: [RoomBoard]
        if let only {
            // The screen's own rooms, in its order, busy or not: the venue chose them.
            rooms = only.compactMap { board.room(id: $0) }
        } else {
            let scheduled = board.rooms.filter { $0.phase != .empty }
            let active = scheduled.filter { $0.current != nil || $0.next.map { context.isToday($0.session.start) } == true }
            rooms = active.isEmpty ? scheduled : active
        }
        let titleSize = composer.px(theme.sizes.body)
        let smallSize = composer.px(theme.sizes.list)
        let gap = composer.length(0.02)
        // A row: landscape = room | now | next in columns, two lines of title each;
        // portrait = room name above now and next.
        let rowHeight = landscape
            ? 2 * composer.lineHeight(.bold, titleSize) + composer.lineHeight(.bold, smallSize) + gap
            : composer.lineHeight(.bold, titleSize) * 3 + composer.lineHeight(.bold, smallSize) * 2 + gap
        let pageIndicatorHeight = composer.lineHeight(.regular, smallSize)
        let headingsHeight = landscape ? composer.lineHeight(.bold, composer.px(theme.sizes.label)) + gap / 2 : 0
        var perPage = max(1, (bottom - top - headingsHeight) / (rowHeight + gap))
        if rooms.count > perPage {
            // More rooms than fit: one line a room (two in portrait), so a big congress cycles through in few pages.
            dense(rooms, top: top, bottom: bottom, margin: margin, width: width, headingsHeight: headingsHeight, landscape: landscape, into: &composer)
            return
        }
        if rooms.count > perPage { perPage = max(1, (bottom - top - headingsHeight - pageIndicatorHeight) / (rowHeight + gap)) }
        let pages = max(1, (rooms.count + perPage - 1) / perPage)
        let page = ((context.page % pages) + pages) % pages
        let visible = rooms.dropFirst(page * perPage).prefix(perPage)

        var y = top
        if landscape {
            y = columnHeadings(y: y, margin: margin, width: width, into: &composer)
        }
        for entry in visible {
            composer.box(Rect(x: margin, y: y, width: width, height: rowHeight), theme.colors.panel)
            edgeMark(entry, x: margin, y: y, height: rowHeight, into: &composer)
            let inset = composer.length(0.015)
            let inner = Rect(x: margin + inset, y: y + inset / 2, width: width - 2 * inset, height: rowHeight - inset)
            if landscape {
                row(entry, in: inner, titleSize: titleSize, smallSize: smallSize, into: &composer)
            } else {
                stackedRow(entry, in: inner, titleSize: titleSize, smallSize: smallSize, into: &composer)
            }
            y += rowHeight + gap
        }
        if pages > 1 {
            composer.text(words.page(page + 1, of: pages), x: margin, y: bottom - pageIndicatorHeight, width: width, weight: .regular,
                          size: smallSize, color: theme.colors.muted, align: .right)
        }
    }

    /// The dense lobby: one line a room (room · now · next with its time) at the list size, a
    /// track or full mark at its edge, as many rows as fit, pages every `lobbyPagePeriod`. In
    /// portrait, where three columns would leave a title a dozen letters, two lines a room: the
    /// room (on up to two lines) beside now, and next under now.
    private func dense(_ rooms: [RoomBoard], top: Int, bottom: Int, margin: Int, width: Int, headingsHeight: Int, landscape: Bool,
                       into composer: inout Composer) {
        let theme = composer.theme
        let size = composer.px(theme.sizes.list)
        let padding = composer.length(0.006)
        let gap = composer.length(0.004)
        let lineHeight = composer.lineHeight(.bold, size)
        let rowHeight = (landscape ? lineHeight : 2 * lineHeight) + 2 * padding
        let pageIndicatorHeight = composer.lineHeight(.regular, size)
        let perPage = max(1, (bottom - top - (landscape ? headingsHeight : 0) - pageIndicatorHeight) / (rowHeight + gap))
        let pages = max(1, (rooms.count + perPage - 1) / perPage)
        let page = ((context.page % pages) + pages) % pages
        var y = landscape ? columnHeadings(y: top, margin: margin, width: width, into: &composer) : top
        let inset = composer.length(0.015)
        for entry in rooms.dropFirst(page * perPage).prefix(perPage) {
            composer.box(Rect(x: margin, y: y, width: width, height: rowHeight), theme.colors.panel)
            edgeMark(entry, x: margin, y: y, height: rowHeight, into: &composer)
            let inner = Rect(x: margin + inset, y: y + padding, width: width - 2 * inset, height: rowHeight - 2 * padding)
            let roomWidth: Int, nowX: Int, nextX: Int, columnWidth: Int, nextY: Int
            if landscape {
                (roomWidth, nowX, nextX, columnWidth) = columns(inner, gap: composer.length(0.02))
                nextY = inner.y
            } else {
                roomWidth = inner.width * 3 / 10
                nowX = inner.x + roomWidth + composer.length(0.02)
                nextX = nowX
                columnWidth = inner.maxX - nowX
                nextY = inner.y + lineHeight
            }
            composer.text(entry.room.name, x: inner.x, y: inner.y, width: roomWidth, weight: .bold, size: size, color: theme.colors.text,
                          maxLines: landscape ? 1 : 2)
            var titleX = nowX
            if let mark = context.words.roomStateMark(entry.state) {
                stateMark(mark, state: entry.state, x: nowX, y: inner.y, width: columnWidth, size: size, bottom: inner.maxY + 1, into: &composer)
                titleX += composer.textWidth(mark, .bold, size) + composer.length(0.02)
            }
            if let current = entry.current, titleX < nowX + columnWidth {
                let pause = current.session.isPause
                composer.text(current.session.title, x: titleX, y: inner.y, width: nowX + columnWidth - titleX, weight: .bold, size: size,
                              color: pause ? theme.colors.pause : theme.colors.text)
            } else if entry.current == nil, titleX == nowX {
                composer.text("—", x: nowX, y: inner.y, width: columnWidth, weight: .regular, size: size, color: theme.colors.muted)
            }
            if let next = entry.next {
                let day = context.isToday(next.session.start) ? "" : context.dayName(next.session.start) + " "
                let time = day + context.time(next.session.start)
                let timeWidth = composer.textWidth(time, .bold, size) + composer.length(0.01)
                composer.text(time, x: nextX, y: nextY, width: min(timeWidth, columnWidth), weight: .bold, size: size,
                              color: next.session.delay > 0 ? theme.colors.late : theme.colors.accent)
                if timeWidth < columnWidth {
                    composer.text(next.session.title, x: nextX + timeWidth, y: nextY, width: columnWidth - timeWidth, weight: .regular, size: size,
                                  color: theme.colors.text)
                }
            }
            y += rowHeight + gap
        }
        if pages > 1 {
            composer.text(context.words.page(page + 1, of: pages), x: margin, y: bottom - pageIndicatorHeight, width: width, weight: .regular,
                          size: size, color: theme.colors.muted, align: .right)
        }
    }

    /// The mark at a row's left edge: a full room's in the alert colour, wider than a track's.
    private func edgeMark(_ entry: RoomBoard, x: Int, y: Int, height: Int, into composer: inout Composer) {
        let theme = composer.theme
        if entry.state == .full {
            composer.box(Rect(x: x, y: y, width: max(8, composer.length(0.012)), height: height), theme.colors.alertBackground)
        } else if let track = entry.current?.session.track {
            composer.box(Rect(x: x, y: y, width: max(4, composer.length(0.006)), height: height), context.trackColor(track, on: theme.colors.background))
        }
    }

    /// Column geometry of a landscape row: room, now, next.
    private func columns(_ rect: Rect, gap: Int) -> (roomWidth: Int, nowX: Int, nextX: Int, columnWidth: Int) {
        let roomWidth = rect.width * 22 / 100
        let columnWidth = (rect.width - roomWidth - 2 * gap) / 2
        let nowX = rect.x + roomWidth + gap
        return (roomWidth, nowX, nowX + columnWidth + gap, columnWidth)
    }

    private func columnHeadings(y: Int, margin: Int, width: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let size = composer.px(theme.sizes.label)
        let inset = composer.length(0.015)
        let geometry = columns(Rect(x: margin + inset, y: y, width: width - 2 * inset, height: 0), gap: composer.length(0.02))
        composer.text(context.words.room.uppercased(), x: margin + inset, y: y, width: geometry.roomWidth, weight: .bold, size: size, color: theme.colors.muted)
        composer.text(context.words.now.uppercased(), x: geometry.nowX, y: y, width: geometry.columnWidth, weight: .bold, size: size, color: theme.colors.accent)
        let after = composer.text(context.words.next.uppercased(), x: geometry.nextX, y: y, width: geometry.columnWidth, weight: .bold, size: size,
                                  color: theme.colors.accent)
        return after + composer.length(0.01)
    }

    private func row(_ entry: RoomBoard, in rect: Rect, titleSize: Int, smallSize: Int, into composer: inout Composer) {
        let theme = composer.theme
        let (roomWidth, nowX, nextX, nowWidth) = columns(rect, gap: composer.length(0.02))
        let mark = context.words.roomStateMark(entry.state)
        let after = composer.text(entry.room.name, x: rect.x, y: rect.y, width: roomWidth, weight: .bold, size: titleSize, color: theme.colors.text,
                                  maxLines: mark == nil ? 2 : 1, bottom: rect.maxY)
        if let mark { stateMark(mark, state: entry.state, x: rect.x, y: after, width: roomWidth, size: smallSize, bottom: rect.maxY, into: &composer) }
        current(entry, x: nowX, y: rect.y, width: nowWidth, bottom: rect.maxY, titleSize: titleSize, smallSize: smallSize, into: &composer)
        upcoming(entry, x: nextX, y: rect.y, width: nowWidth, bottom: rect.maxY, titleSize: titleSize, smallSize: smallSize, lines: 2, into: &composer)
    }

    private func stackedRow(_ entry: RoomBoard, in rect: Rect, titleSize: Int, smallSize: Int, into composer: inout Composer) {
        let theme = composer.theme
        var y = composer.text(entry.room.name, x: rect.x, y: rect.y, width: rect.width, weight: .bold, size: titleSize, color: theme.colors.accent,
                              bottom: rect.maxY)
        if let mark = context.words.roomStateMark(entry.state) {
            // Beside the room's name, on the same line.
            let nameWidth = min(rect.width, composer.textWidth(entry.room.name, .bold, titleSize)) + composer.length(0.02)
            let baseline = composer.lineHeight(.bold, titleSize) - composer.lineHeight(.bold, smallSize)
            stateMark(mark, state: entry.state, x: rect.x + nameWidth, y: rect.y + baseline, width: rect.width - nameWidth, size: smallSize,
                      bottom: rect.maxY, into: &composer)
        }
        y = current(entry, x: rect.x, y: y, width: rect.width, bottom: rect.maxY, titleSize: titleSize, smallSize: smallSize, into: &composer)
        upcoming(entry, x: rect.x, y: y, width: rect.width, bottom: rect.maxY, titleSize: titleSize, smallSize: smallSize, lines: 1,
                 labelled: true, into: &composer)
    }

    @discardableResult
    private func current(_ entry: RoomBoard, x: Int, y: Int, width: Int, bottom: Int, titleSize: Int, smallSize: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        guard let current = entry.current else {
            let idle = entry.phase == .finished || entry.phase == .eventOver ? context.words.roomFinished : "—"
            return composer.text(idle, x: x, y: y, width: width, weight: .regular, size: smallSize, color: theme.colors.muted, bottom: bottom)
        }
        let pause = current.session.isPause
        let next = composer.text(current.session.title, x: x, y: y, width: width, weight: .bold, size: titleSize,
                                 color: pause ? theme.colors.pause : theme.colors.text, maxLines: 2, bottom: bottom)
        return countdown(context.words.endsIn(current.remainingSeconds), weight: .bold, color: theme.colors.accent, session: current.session,
                         x: x, y: next, width: width, size: smallSize, bottom: bottom, into: &composer)
    }

    @discardableResult
    private func upcoming(_ entry: RoomBoard, x: Int, y: Int, width: Int, bottom: Int, titleSize: Int, smallSize: Int, lines: Int,
                          labelled: Bool = false, into composer: inout Composer) -> Int {
        let theme = composer.theme
        guard let next = entry.next else { return y }
        var day = context.isToday(next.session.start) ? "" : context.dayName(next.session.start) + " "
        if labelled { day = context.words.next + ": " + day }
        let title = "\(day)\(context.time(next.session.start)) \(next.session.title)"
        let after = composer.text(title, x: x, y: y, width: width, weight: .regular, size: titleSize, color: theme.colors.text,
                                  maxLines: lines, bottom: bottom)
        return countdown(context.words.startsIn(next.startsInSeconds), weight: .regular, color: theme.colors.muted, session: next.session,
                         x: x, y: after, width: width, size: smallSize, bottom: bottom, into: &composer)
    }

    /// A countdown line, followed for a late session by "· 10 min sent" in the colour of lateness.
    private func countdown(_ text: String, weight: FontWeight, color: Color, session: Session, x: Int, y: Int, width: Int, size: Int, bottom: Int,
                           into composer: inout Composer) -> Int {
        let after = composer.text(text, x: x, y: y, width: width, weight: weight, size: size, color: color, bottom: bottom)
        guard session.delay > 0, after > y else { return after }
        let used = composer.textWidth(text, weight, size) + composer.length(0.01)
        composer.text("· " + context.words.late(Int(session.delay)), x: x + used, y: y, width: width - used, weight: .bold, size: size,
                      color: composer.theme.colors.late, bottom: bottom)
        return after
    }

    /// A room's state in the lobby: FULL on the alert colour, the others as words.
    private func stateMark(_ text: String, state: RoomState, x: Int, y: Int, width: Int, size: Int, bottom: Int, into composer: inout Composer) {
        let theme = composer.theme
        guard width > 0, y + composer.lineHeight(.bold, size) <= bottom else { return }
        if state == .full {
            let padding = composer.length(0.008)
            let textWidth = min(width - 2 * padding, composer.textWidth(text, .bold, size))
            composer.box(Rect(x: x, y: y, width: textWidth + 2 * padding, height: composer.lineHeight(.bold, size)), theme.colors.alertBackground)
            composer.text(text, x: x + padding, y: y, width: textWidth, weight: .bold, size: size, color: theme.colors.alertText, bottom: bottom)
        } else {
            composer.text(text, x: x, y: y, width: width, weight: .bold, size: size, color: state == .filling ? theme.colors.accent : theme.colors.muted,
                          bottom: bottom)
        }
    }
}
