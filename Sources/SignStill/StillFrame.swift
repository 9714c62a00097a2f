import Foundation
import Hyphenation
import Kiosk
import ScheduleCore
import SignLayout
import SignRaster

/// One frame of a sign as a screen would show it at an instant — the kiosk's own step, layout
/// and rasteriser, so the pixels are the screen's — as PNG. `skylt render` and the hub's
/// previews both draw through here. Not thread-safe: one renderer per thread (or a lock).
public final class StillFrame {
    private let library: SDLLibrary
    private var fonts: [String: (Theme, FontBook)] = [:]
    private let hyphenator: LibHyphenator

    /// A renderer with SDL started without video, fonts loaded per theme as they are needed,
    /// and Debian's hyphenation dictionaries.
    public init() throws {
        library = try SDLLibrary(video: false)
        hyphenator = LibHyphenator()
    }

    /// The frame at `instant` of `program` with `live` over it, as `mode` shows it on a panel of
    /// `panel` pixels turned by `rotation`, in `theme` (a name or file; nil: dark).
    public func png(program: Program, live: LiveState, mode: SignMode, theme: String?, panel: Size, rotation: Rotation,
                    direction: String? = nil, at instant: Date) throws -> [UInt8] {
        let (loaded, fonts) = try fontBook(theme)
        let layoutSize = rotation.layoutSize(forPanel: panel)
        let canvas = try SoftwareCanvas(width: layoutSize.width, height: layoutSize.height, fonts: fonts)
        // What the kiosk would show at that instant: the emergency screen while one is in force.
        let step = KioskStep(layout: SignLayout(theme: loaded, measurer: fonts, hyphenator: hyphenator), mode: mode, direction: direction)
        let list = step.frame(program: program, live: live, status: KioskStatus(source: "render"), at: instant, clockEvidence: nil, size: layoutSize).list
        canvas.draw(list)
        return try FrameFile.png(canvas, rotation: rotation)
    }

    private func fontBook(_ theme: String?) throws -> (Theme, FontBook) {
        if let known = fonts[theme ?? ""] { return known }
        let loaded = try ThemeFile.load(theme)
        let book = try FontBook(theme: loaded, library: library)
        fonts[theme ?? ""] = (loaded, book)
        return (loaded, book)
    }
}
