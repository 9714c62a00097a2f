import SignRaster
import Foundation
import DisplayContract
import SignLayout

/// The headless kiosk's display: each frame that changed becomes `FOLDER/frame-NNNNNN.png`,
/// and the latest is also `FOLDER/current.png`, each written atomically, as the panel would
/// show it (turned as mounted). No display, X server or GPU; it sleeps on the loop's signal.
public final class FrameSequenceDisplay: KioskDisplay {
    public let folder: String
    public let layoutSize: Size
    private let rotation: Rotation
    private let fonts: FontBook
    private let signal: LoopSignal
    private var canvas: SoftwareCanvas?
    /// Frames written so far.
    public private(set) var framesWritten = 0

    /// - Parameters:
    ///   - panel: the panel's size as mounted; layouts get it turned by `rotation`.
    public init(folder: String, panel: Size, rotation: Rotation, fonts: FontBook, signal: LoopSignal) {
        self.folder = folder
        self.layoutSize = rotation.layoutSize(forPanel: panel)
        self.rotation = rotation
        self.fonts = fonts
        self.signal = signal
    }

    public func show(_ list: DisplayList, changed: Rect) throws {
        var region = changed
        if canvas.map({ $0.width != list.width || $0.height != list.height }) ?? true {
            canvas = try SoftwareCanvas(width: list.width, height: list.height, fonts: fonts)
            region = Rect(x: 0, y: 0, width: list.width, height: list.height)
        }
        guard let canvas else { return }
        canvas.draw(list, in: region)
        framesWritten += 1
        let png = try FrameFile.png(canvas, rotation: rotation)
        try FrameFile.write(png, to: folder + "/" + String(format: "frame-%06d.png", framesWritten), durable: false)
        try FrameFile.write(png, to: folder + "/current.png", durable: false)
    }

    public func wait(for timeout: Duration) -> DisplayEvent {
        signal.wait(for: timeout) ? .woken : .timedOut
    }

    public func screenshotPNG() -> [UInt8]? {
        canvas.flatMap { try? FrameFile.png($0, rotation: rotation) }
    }

    public func thumbnailPNG(maxWidth: Int) -> [UInt8]? {
        canvas.flatMap { try? FrameFile.thumbnailPNG($0, rotation: rotation, maxWidth: maxWidth) }
    }
}
