import Foundation
import ScheduleCore
import SignText

/// The sign beside one room's door: what is on now, what is next, the rest of the day.
struct RoomSignLayout {
    let context: LayoutContext
    let roomID: String

    func compose(into composer: inout Composer) {
        let board = context.board
        let theme = composer.theme
        let event = board.program.event
        guard let entry = board.room(id: roomID) else {
            _ = Header.compose(title: event.name, subtitle: nil, notices: board.notices(forRoom: nil), context: context, into: &composer)
            return
        }
        let header = Header.compose(title: entry.room.name, subtitle: event.name, notices: board.notices(forRoom: roomID), context: context, into: &composer)
        let top = RoomStateBand.compose(entry, context: context, y: header, into: &composer)
        let margin = composer.length(0.04)
        let landscape = composer.width > composer.height
        let mainWidth = landscape ? Int(Double(composer.width) * 0.6) - margin : composer.width - 2 * margin
        let listX = landscape ? Int(Double(composer.width) * 0.64) : margin
        let listWidth = composer.width - margin - listX
        // The session's page as a QR code in the bottom-right corner: the list (and, in
        // portrait, where the blocks span the width, everything) stays above it.
        let qr = qrCode(entry, margin: margin, composer: composer)
        let listBottom = qr.map { $0.frame.y - composer.length(0.02) } ?? composer.height - margin
        let bottom = landscape ? composer.height - margin : listBottom
        if let qr {
            composer.qrCode(qr.url, qr.frame)
            let captionX = landscape ? listX : margin
            let captionSize = composer.px(theme.sizes.list)
            let lines = composer.lineCount(context.words.qrCaption, width: qr.frame.x - composer.length(0.02) - captionX, weight: .regular,
                                           size: captionSize, maxLines: 2)
            composer.text(context.words.qrCaption, x: captionX, y: qr.frame.maxY - lines * composer.lineHeight(.regular, captionSize),
                          width: qr.frame.x - composer.length(0.02) - captionX, weight: .regular, size: captionSize,
                          color: theme.colors.muted, maxLines: 2, bottom: qr.frame.maxY, align: .right)
        }
        var y = top
        var shown: Set<String> = []
        let words = context.words

        if let current = entry.current {
            shown.insert(current.session.id)
            if current.session.isPause {
                y = pause(current, next: entry.next, x: margin, y: y, width: mainWidth, bottom: bottom, into: &composer)
                if let next = entry.next { shown.insert(next.session.id) }  // "Resumes at" names it.
            } else {
                y = now(current, x: margin, y: y, width: mainWidth, bottom: bottom, into: &composer)
            }
        } else {
            switch entry.phase {
            case .beforeEvent:
                if let next = entry.next {
                    // On the day itself the next-block says when; on days before, say how long.
                    let heading = context.isToday(next.session.start) ? words.welcome : words.programStartsIn(next.startsInSeconds)
                    y = composer.text(heading, x: margin, y: y, width: mainWidth, weight: .bold,
                                      size: composer.px(theme.sizes.countdown), color: theme.colors.accent, maxLines: 2, bottom: bottom)
                    y += composer.length(0.03)
                }
            case .dayOver:
                y = composer.text(words.dayOver, x: margin, y: y, width: mainWidth, weight: .bold, size: composer.px(theme.sizes.title),
                                  color: theme.colors.text, maxLines: 2, bottom: bottom) + composer.length(0.03)
            case .eventOver:
                message(words.eventOver, top: top, into: &composer)
                return
            case .empty:
                message(words.noSessions, top: top, into: &composer)
                return
            case .finished:
                y = composer.text(words.roomFinished, x: margin, y: y, width: mainWidth, weight: .bold, size: composer.px(theme.sizes.nextTitle),
                                  color: theme.colors.muted, maxLines: 2, bottom: bottom)
            case .gap, .inSession:
                break
            }
        }
        if let next = entry.next, !(entry.current?.session.isPause ?? false) {
            let featured = entry.current == nil && entry.phase != .dayOver
            // Its label, a line of title and its time must fit; otherwise it heads the list of
            // later sessions (a band for a full room can take the room it needs).
            let needed = composer.lineHeight(.bold, composer.px(theme.sizes.label))
                + composer.lineHeight(.bold, composer.px(featured ? theme.sizes.title : theme.sizes.nextTitle))
                + composer.lineHeight(.bold, composer.px(theme.sizes.countdown))
            if y + needed <= bottom {
                shown.insert(next.session.id)
                y = upcoming(next, featured: featured, x: margin, y: y, width: mainWidth, bottom: bottom, into: &composer)
            }
        }

        // The rest of the day (or, after the day's last session, of the next day).
        let listTop = landscape ? top : y + composer.length(0.03)
        let dayOf = entry.current?.session.start ?? entry.next?.session.start ?? board.at
        // After what is shown as next, plus cancelled sessions still ahead (attendees look for those too).
        let cutoff = entry.next.flatMap { shown.contains($0.session.id) ? $0.session.start : nil } ?? board.at
        let rest = board.program.sessions(inRoom: roomID, onDayOf: dayOf).filter { session in
            !shown.contains(session.id) && session.end > board.at && (session.start > cutoff || session.status == .cancelled)
        }
        if !rest.isEmpty {
            list(rest, day: dayOf, x: listX, y: listTop, width: listWidth, bottom: listBottom, into: &composer)
        }
    }

    /// A block's label row: "PÅGÅR NU" or "HÄRNÄST", then how late the session runs (the first
    /// thing read, never pushed off the screen), its language tag and (`showsTrack`) its track in
    /// the track's own colour. Returns the y below the row.
    private func labelRow(_ label: String, session: Session, showsTrack: Bool, x: Int, y: Int, width: Int, bottom: Int,
                          into composer: inout Composer) -> Int {
        let theme = composer.theme
        let label = label.uppercased()
        let size = composer.px(theme.sizes.label)
        let below = composer.text(label, x: x, y: y, width: width, weight: .bold, size: size, color: theme.colors.accent, bottom: bottom)
        var besideX = x + composer.textWidth(label, .bold, size) + composer.length(0.02)
        if let late = context.lateLabel(session) {
            composer.text(late, x: besideX, y: y, width: x + width - besideX, weight: .bold, size: size, color: theme.colors.late, bottom: bottom)
            besideX += composer.textWidth(late, .bold, size) + composer.length(0.02)
        }
        besideX = languageTag(session, x: besideX, y: y, limit: x + width, into: &composer)
        if showsTrack, let track = session.track, besideX < x + width {
            composer.text(track, x: besideX, y: y, width: x + width - besideX, weight: .bold, size: size,
                          color: context.trackColor(track, on: theme.colors.background), bottom: bottom)
        }
        return below
    }

    /// The session's language as a small tag ("EN") in the label row above its title, when it
    /// differs from the feed's (a Swedish conference marks its English talks, not every talk);
    /// a bilingual session always shows both ("DE · EN"). Returns the x after it.
    private func languageTag(_ session: Session, x: Int, y: Int, limit: Int, into composer: inout Composer) -> Int {
        guard let language = session.language, session.languages.count > 1
                || LanguageTag.primary(language) != LanguageTag.primary(context.board.program.event.locale) else { return x }
        let theme = composer.theme
        let size = composer.px(theme.sizes.label)
        let text = session.languages.map { LanguageTag.primary($0).uppercased() }.joined(separator: " · ")
        let padding = max(2, size / 4)
        let tagWidth = composer.textWidth(text, .bold, size) + 2 * padding
        guard x + tagWidth <= limit else { return x }
        composer.box(Rect(x: x, y: y, width: tagWidth, height: composer.lineHeight(.bold, size)), theme.colors.panel)
        composer.text(text, x: x + padding, y: y, width: tagWidth - 2 * padding, weight: .bold, size: size, color: theme.colors.text)
        return x + tagWidth + composer.length(0.02)
    }

    /// The QR code to show: the page of the talk on now, or (with none on) of the next one;
    /// nil when that has no page, is a break or cancelled, or the theme turns codes off. About a
    /// fifth of the shorter side (≈ 13 cm on a 55" 1080p screen: it scans from a metre and more).
    private func qrCode(_ entry: RoomBoard, margin: Int, composer: Composer) -> (url: String, frame: Rect)? {
        guard composer.theme.showsQRCodes else { return nil }
        let talk = { (session: Session) in session.isScheduled && !session.isPause }
        let session: Session?
        if let current = entry.current?.session, talk(current) {
            session = current
        } else {
            session = entry.next?.session
        }
        guard let session, talk(session), let url = session.url else { return nil }
        let side = composer.length(0.22)
        return (url, Rect(x: composer.width - margin - side, y: composer.height - margin - side, width: side, height: side))
    }

    // MARK: - Blocks

    private func now(_ current: CurrentSession, x: Int, y start: Int, width: Int, bottom: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let session = current.session
        var y = labelRow(context.words.now, session: session, showsTrack: true, x: x, y: start, width: width, bottom: bottom, into: &composer)
        y = composer.title(session.title, x: x, y: y, width: width, size: composer.px(theme.sizes.title), floor: composer.px(theme.sizes.nextTitle),
                           color: theme.colors.text, maxLines: 3, bottom: bottom, language: session.language)
        if let subtitle = session.subtitle, !subtitle.isEmpty {
            y = composer.text(subtitle, x: x, y: y, width: width, weight: .regular, size: composer.px(theme.sizes.body), color: theme.colors.text,
                              maxLines: 2, bottom: bottom)
        }
        if !session.speakers.isEmpty {
            y = composer.text(context.speakers(session), x: x, y: y + composer.length(0.01), width: width, weight: .regular,
                              size: composer.px(theme.sizes.body), color: theme.colors.muted, maxLines: 2, bottom: bottom)
        }
        y += composer.length(0.025)
        y = progress(current, x: x, y: y, width: width, bottom: bottom, into: &composer)
        if let late = context.lateLine(session, span: true, delay: false) {
            y = composer.text(late, x: x, y: y, width: width, weight: .bold, size: composer.px(theme.sizes.list), color: theme.colors.late,
                              maxLines: 2, bottom: bottom)
        }
        if let note = session.note {
            y = composer.text(note, x: x, y: y, width: width, weight: .regular, size: composer.px(theme.sizes.list), color: theme.colors.accent,
                              maxLines: 2, bottom: bottom)
        }
        return y + composer.length(0.04)
    }

    /// The progress bar and "slutar om 12 min · 10:00–11:00".
    private func progress(_ current: CurrentSession, x: Int, y start: Int, width: Int, bottom: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let barHeight = max(4, composer.length(0.012))
        guard start + barHeight < bottom else { return start }
        composer.box(Rect(x: x, y: start, width: width, height: barHeight), theme.colors.panel)
        let filled = Int((Double(width) * current.progress).rounded())
        composer.box(Rect(x: x, y: start, width: filled, height: barHeight), theme.colors.accent)
        let y = start + barHeight + composer.length(0.012)
        let size = composer.px(theme.sizes.countdown)
        let countdown = context.words.endsIn(current.remainingSeconds)
        let after = composer.text(countdown, x: x, y: y, width: width, weight: .bold, size: size, color: theme.colors.text, bottom: bottom)
        let span = context.span(current.session.start, current.session.end)
        let spanSize = composer.px(theme.sizes.list)
        let spanWidth = composer.textWidth(span, .regular, spanSize)
        if composer.textWidth(countdown, .bold, size) + spanWidth + composer.length(0.03) <= width {
            let baselineOffset = composer.lineHeight(.bold, size) - composer.lineHeight(.regular, spanSize)
            composer.text(span, x: x + width - spanWidth, y: y + baselineOffset, width: spanWidth, weight: .regular, size: spanSize,
                          color: theme.colors.muted, bottom: bottom)
        }
        return after
    }

    private func upcoming(_ next: UpcomingSession, featured: Bool, x: Int, y start: Int, width: Int, bottom: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let session = next.session
        var y = labelRow(context.words.next, session: session, showsTrack: false, x: x, y: start, width: width, bottom: bottom, into: &composer)
        let titleSize = composer.px(featured ? theme.sizes.title : theme.sizes.nextTitle)
        let titleFloor = composer.px(featured ? theme.sizes.nextTitle : theme.sizes.body)
        y = composer.title(session.title, x: x, y: y, width: width, size: titleSize, floor: titleFloor, color: theme.colors.text,
                           maxLines: featured ? 3 : 2, bottom: bottom, language: session.language)
        if !session.speakers.isEmpty {
            y = composer.text(context.speakers(session), x: x, y: y + composer.length(0.005), width: width, weight: .regular,
                              size: composer.px(theme.sizes.body), color: theme.colors.muted, maxLines: featured ? 2 : 1, bottom: bottom)
        }
        let day = context.isToday(session.start) ? "" : context.dayName(session.start) + " "
        let when = "\(day)\(context.time(session.start)) · \(context.words.startsIn(next.startsInSeconds))"
        y = composer.text(when, x: x, y: y + composer.length(0.01), width: width, weight: .bold, size: composer.px(theme.sizes.countdown),
                          color: theme.colors.accent, maxLines: 2, bottom: bottom)
        if let late = context.lateLine(session, delay: false) {
            y = composer.text(late, x: x, y: y, width: width, weight: .bold, size: composer.px(theme.sizes.list), color: theme.colors.late,
                              maxLines: 2, bottom: bottom)
        }
        if let note = session.note {
            y = composer.text(note, x: x, y: y, width: width, weight: .regular, size: composer.px(theme.sizes.list), color: theme.colors.accent,
                              maxLines: 1, bottom: bottom)
        }
        return y
    }

    /// Breaks and meals: the word large, and when the program resumes.
    private func pause(_ current: CurrentSession, next: UpcomingSession?, x: Int, y start: Int, width: Int, bottom: Int,
                       into composer: inout Composer) -> Int {
        let theme = composer.theme
        let session = current.session
        var y = start
        if let label = context.words.kindLabel(session.kind), label.lowercased() != session.title.lowercased() {
            y = composer.text(label.uppercased(), x: x, y: y, width: width, weight: .bold, size: composer.px(theme.sizes.label),
                              color: theme.colors.pause, bottom: bottom)
        }
        y = composer.text(session.title, x: x, y: y, width: width, weight: .bold, size: composer.px(theme.sizes.pauseTitle), color: theme.colors.pause,
                          maxLines: 2, bottom: bottom)
        y = progress(current, x: x, y: y + composer.length(0.02), width: width, bottom: bottom, into: &composer) + composer.length(0.03)
        if let next, context.isToday(next.session.start) {
            y = composer.text(context.words.resumesAt(context.time(next.session.start)), x: x, y: y, width: width, weight: .bold,
                              size: composer.px(theme.sizes.countdown), color: theme.colors.text, maxLines: 2, bottom: bottom)
            if let late = context.lateLine(next.session) {
                y = composer.text(late, x: x, y: y, width: width, weight: .bold, size: composer.px(theme.sizes.list), color: theme.colors.late,
                                  maxLines: 2, bottom: bottom)
            }
            y = composer.text(next.session.title, x: x, y: y, width: width, weight: .regular, size: composer.px(theme.sizes.body),
                              color: theme.colors.muted, maxLines: 2, bottom: bottom)
        }
        return y + composer.length(0.03)
    }

    private func list(_ sessions: [Session], day: Date, x: Int, y start: Int, width: Int, bottom: Int, into composer: inout Composer) {
        let theme = composer.theme
        let size = composer.px(theme.sizes.list)
        let heading = context.isToday(day) ? context.words.laterToday : context.dayName(day)
        var y = composer.text(heading.uppercased(), x: x, y: start, width: width, weight: .bold, size: composer.px(theme.sizes.label),
                              color: theme.colors.muted, bottom: bottom) + composer.length(0.01)
        let timeWidth = composer.textWidth("00:00", .bold, size) + composer.length(0.02)
        let rowHeight = composer.lineHeight(.regular, size)
        for session in sessions {
            guard y + rowHeight <= bottom else { break }
            let cancelled = session.status == .cancelled
            let color = cancelled ? theme.colors.cancelled : theme.colors.text
            // A late session's new time in the colour of lateness.
            let timeColor = cancelled ? color : session.delay > 0 ? theme.colors.late : theme.colors.muted
            composer.text(context.time(session.start), x: x, y: y, width: timeWidth, weight: .bold, size: size, color: timeColor)
            var title = session.title
            if cancelled { title = context.words.cancelled + ": " + title }
            y = composer.text(title, x: x + timeWidth, y: y, width: width - timeWidth, weight: .regular, size: size, color: color,
                              maxLines: 2, bottom: bottom, strikethrough: false)
            if let note = session.note, y + rowHeight <= bottom {
                y = composer.text(note, x: x + timeWidth, y: y, width: width - timeWidth, weight: .regular, size: composer.px(theme.sizes.minimum),
                                  color: theme.colors.muted, bottom: bottom)
            }
            y += composer.length(0.012)
        }
    }

    private func message(_ text: String, top: Int, into composer: inout Composer) {
        let theme = composer.theme
        let margin = composer.length(0.04)
        let size = composer.px(theme.sizes.message)
        let lines = composer.lineCount(text, width: composer.width - 2 * margin, weight: .bold, size: size, maxLines: 3)
        let height = lines * composer.lineHeight(.bold, size)
        let y = max(top, top + (composer.height - margin - top - height) / 2)
        composer.text(text, x: margin, y: y, width: composer.width - 2 * margin, weight: .bold, size: size, color: theme.colors.text,
                      maxLines: 3, align: .center)
    }
}
