import Foundation
import ScheduleCore
import SignText

/// Turns a board into a display list for a screen of a given size: pure, so every frame can
/// be checked without SDL. Sizes follow the screen; the wording follows the feed's locale.
public struct SignLayout {
    public let theme: Theme
    public let measurer: any TextMeasurer
    /// Where words may break (libhyphen in the product; none by default).
    public let hyphenator: any Hyphenator

    /// The lobby shows at most this many rooms per page and flips pages this often.
    public static let lobbyPagePeriod: TimeInterval = 10

    public init(theme: Theme, measurer: any TextMeasurer, hyphenator: any Hyphenator = NoHyphenation()) {
        self.theme = theme
        self.measurer = measurer
        self.hyphenator = hyphenator
    }

    /// Lays out one frame.
    /// - Parameters:
    ///   - board: what is on at the frame's instant.
    ///   - mode: a room's sign or the lobby.
    ///   - width, height: the screen as the viewer sees it (after rotation).
    ///   - statusMark: a small technician's note for the corner (stale feed, rejected edit), or nil.
    public func layout(_ board: Board, mode: SignMode, width: Int, height: Int, statusMark: String? = nil) -> DisplayList {
        let shift = BurnInShift.offset(at: board.at, shortSide: min(width, height))
        var composer = Composer(theme: theme, measurer: measurer, hyphenator: hyphenator, language: board.program.event.locale,
                                width: width, height: height, shift: shift)
        let words = Phrasebook(locale: board.program.event.locale)
        var context = LayoutContext(board: board, words: words)
        switch mode {
        case .room(let id):
            RoomSignLayout(context: context, roomID: id).compose(into: &composer)
        case .lobby:
            context.page = LobbyLayout.page(at: board.at)
            LobbyLayout(context: context, only: nil).compose(into: &composer)
        case .rooms(let ids):
            context.page = LobbyLayout.page(at: board.at)
            LobbyLayout(context: context, only: ids).compose(into: &composer)
        }
        if let statusMark { StatusMark.compose(statusMark, into: &composer) }
        return composer.build()
    }

    /// The whole screen for an emergency alert, in high contrast: the message as large as it
    /// fits and the screen's own direction line; nothing else (no clock, no program).
    public func emergency(_ alert: LiveAlert, direction: String?, width: Int, height: Int) -> DisplayList {
        var composer = Composer(theme: theme, measurer: measurer, hyphenator: hyphenator, width: width, height: height, shift: (0, 0))
        EmergencyLayout.compose(alert, direction: direction, into: &composer)
        var list = composer.build()
        list.background = theme.colors.alertBackground
        return list
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
