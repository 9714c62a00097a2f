import CSDL2
import CSDL2Image
import Foundation
import SkyltFiles
import SignLayout

/// A canvas as PNG, as the panel shows it (rotated for screens mounted on their side).
public enum FrameFile {
    /// The PNG bytes of the canvas, turned for the panel.
    public static func png(_ canvas: SoftwareCanvas, rotation: Rotation) throws -> [UInt8] {
        if rotation == .none { return try withExtendedLifetime(canvas) { try PNGEncoder.encode(canvas.surface.pointer) } }
        let turned = try rotate(canvas, rotation)
        return try withExtendedLifetime(turned) { try PNGEncoder.encode(turned.pointer) }
    }

    /// A small PNG of the canvas as the panel shows it, at most `maxWidth` pixels wide (scaled
    /// by SDL, aspect kept): a hub's picture of what a screen shows.
    public static func thumbnailPNG(_ canvas: SoftwareCanvas, rotation: Rotation, maxWidth: Int) throws -> [UInt8] {
        let turned = rotation == .none ? canvas.surface : try rotate(canvas, rotation)
        return try withExtendedLifetime((canvas, turned)) {
            let width = max(16, min(maxWidth, turned.width))
            let height = max(9, turned.height * width / max(1, turned.width))
            let small = try Surface(width: width, height: height)
            var target = SDL_Rect(x: 0, y: 0, w: Int32(width), h: Int32(height))
            guard SDL_UpperBlitScaled(turned.pointer, nil, small.pointer, &target) == 0 else { throw SDLError("SDL_BlitScaled") }
            return try PNGEncoder.encode(small.pointer)
        }
    }

    /// Writes the PNG atomically (a temporary file with a random name, created exclusively,
    /// renamed into place), so readers never see half a PNG and nothing planted at the
    /// temporary name is written through.
    /// - Parameter durable: also fsync (a file that must survive a power cut).
    public static func write(_ canvas: SoftwareCanvas, rotation: Rotation, to path: String, durable: Bool = true) throws {
        try write(png(canvas, rotation: rotation), to: path, durable: durable)
    }

    /// Writes PNG bytes atomically (as above), reporting a failure as an `SDLError` naming the path.
    public static func write(_ png: [UInt8], to path: String, durable: Bool = true) throws {
        do {
            try AtomicFile.write(png, to: path, durable: durable)
        } catch let error as AtomicFile.WriteError {
            throw SDLError("writing \(path)", message: error.description)
        }
    }

    /// The canvas turned for the panel.
    static func rotate(_ canvas: SoftwareCanvas, _ rotation: Rotation) throws -> Surface {
        let size = rotation.layoutSize(forPanel: Size(width: canvas.width, height: canvas.height))
        let target = try SoftwareCanvas(width: size.width, height: size.height, fonts: canvas.fonts)
        try target.drawTurned(canvas, by: rotation)
        return target.surface
    }
}
