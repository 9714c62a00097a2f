import Foundation
import ScheduleCore
import SignText

/// What a screen shows: one room's sign, or the lobby board with every room.
public enum SignMode: Sendable, Equatable {
    case room(String)
    case lobby
}

/// Turns a board into a display list for a screen of a given size: pure, so every frame can
/// be checked without SDL. Sizes follow the screen; the wording follows the feed's locale.
public struct SignLayout {
    public let theme: Theme
    public let measurer: any TextMeasurer

    /// The lobby shows at most this many rooms per page and flips pages this often.
    public static let lobbyPagePeriod: TimeInterval = 10

    public init(theme: Theme, measurer: any TextMeasurer) {
        self.theme = theme
        self.measurer = measurer
    }

    /// Lays out one frame.
    /// - Parameters:
    ///   - board: what is on at the frame's instant.
    ///   - mode: a room's sign or the lobby.
    ///   - width, height: the screen as the viewer sees it (after rotation).
    ///   - statusMark: a small technician's note for the corner (stale feed, rejected edit), or nil.
    public func layout(_ board: Board, mode: SignMode, width: Int, height: Int, statusMark: String? = nil) -> DisplayList {
        let shift = BurnInShift.offset(at: board.at, shortSide: min(width, height))
        var composer = Composer(theme: theme, measurer: measurer, width: width, height: height, shift: shift)
        let words = Phrasebook(locale: board.program.event.locale)
        var context = LayoutContext(board: board, words: words)
        switch mode {
        case .room(let id):
            RoomSignLayout(context: context, roomID: id).compose(into: &composer)
        case .lobby:
            context.page = LobbyLayout.page(at: board.at)
            LobbyLayout(context: context).compose(into: &composer)
        }
        if let statusMark { StatusMark.compose(statusMark, into: &composer) }
        return composer.build()
    }

    /// A frame with only a message ("Waiting for clock…", "Waiting for the programme…"), for
    /// when there is no board to show.
    public func message(_ text: String, width: Int, height: Int, statusMark: String? = nil) -> DisplayList {
        var composer = Composer(theme: theme, measurer: measurer, width: width, height: height, shift: (0, 0))
        let size = composer.px(theme.sizes.message)
        let margin = composer.length(0.04)
        let lines = composer.lineCount(text, width: width - 2 * margin, weight: .bold, size: size, maxLines: 3)
        let y = (height - lines * composer.lineHeight(.bold, size)) / 2
        composer.text(text, x: margin, y: y, width: width - 2 * margin, weight: .bold, size: size, color: theme.colors.muted,
                      maxLines: 3, align: .center)
        if let statusMark { StatusMark.compose(statusMark, into: &composer) }
        return composer.build()
    }
}

/// What every part of a layout needs to know.
struct LayoutContext {
    let board: Board
    let words: Phrasebook
    var page = 0

    var zone: TimeZone { board.program.event.timeZone }
    func time(_ date: Date) -> String { words.time(date, in: zone) }
    func isToday(_ date: Date) -> Bool {
        zone.localDateTime(for: date).dayNumber == zone.localDateTime(for: board.at).dayNumber
    }

    /// "Adam Edler, Folkhälsosamordnare" or, for many speakers, just the names.
    func speakers(_ session: Session) -> String {
        if session.speakers.count > 2 { return session.speakers.map(\.name).joined(separator: ", ") }
        return session.speakers.map { speaker in
            speaker.affiliation.map { "\(speaker.name), \($0)" } ?? speaker.name
        }.joined(separator: " · ")
    }

    /// The day a date falls on, for headings: "I morgon" or "fredag 7 februari".
    func dayName(_ date: Date) -> String {
        let day = zone.localDateTime(for: date).dayNumber
        let today = zone.localDateTime(for: board.at).dayNumber
        if day == today + 1 { return words.tomorrow }
        return words.dayAndDate(date, in: zone).capitalizedFirst
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// The technician's small note in the bottom-left corner.
enum StatusMark {
    static func compose(_ text: String, into composer: inout Composer) {
        let size = composer.px(composer.theme.sizes.minimum)
        let margin = composer.length(0.015)
        let y = composer.height - margin - composer.lineHeight(.regular, size)
        composer.text("● " + text, x: margin, y: y, width: composer.width / 2, weight: .regular, size: size, color: composer.theme.colors.muted)
    }
}

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

        if !notices.isEmpty {
            bottom = Banner.compose(notices.map(\.text).joined(separator: "  ·  "), y: bottom, into: &composer)
        }
        return bottom
    }
}

/// Active notices as a bright band under the header.
enum Banner {
    static func compose(_ text: String, y: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let margin = composer.length(0.04)
        let size = composer.px(theme.sizes.body)
        let padding = composer.length(0.012)
        let lines = composer.lineCount(text, width: composer.width - 2 * margin - 2 * padding, weight: .bold, size: size, maxLines: 2)
        let height = lines * composer.lineHeight(.bold, size) + 2 * padding
        composer.box(Rect(x: margin, y: y, width: composer.width - 2 * margin, height: height), theme.colors.bannerBackground)
        composer.text(text, x: margin + padding, y: y + padding, width: composer.width - 2 * margin - 2 * padding, weight: .bold, size: size,
                      color: theme.colors.bannerText, maxLines: 2)
        return y + height + composer.length(0.03)
    }
}
