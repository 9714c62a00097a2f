import CSDL2
import CSDL2Image
import Foundation
import Kiosk
import SignLayout

/// A canvas as PNG, as the panel shows it (rotated for screens mounted on their side).
public enum FrameFile {
    /// The PNG bytes of the canvas, turned for the panel.
    public static func png(_ canvas: SoftwareCanvas, rotation: Rotation) throws -> [UInt8] {
        if rotation == .none { return try withExtendedLifetime(canvas) { try PNGEncoder.encode(canvas.surface.pointer) } }
        let turned = try rotate(canvas, rotation)
        return try withExtendedLifetime(turned) { try PNGEncoder.encode(turned.pointer) }
    }

    /// Writes the PNG atomically (a temporary file with a random name, created exclusively,
    /// renamed into place), so readers never see half a PNG and nothing planted at the
    /// temporary name is written through.
    /// - Parameter durable: also fsync (a file that must survive a power cut).
    public static func write(_ canvas: SoftwareCanvas, rotation: Rotation, to path: String, durable: Bool = true) throws {
        let bytes = try png(canvas, rotation: rotation)
        do {
            try AtomicFile.write(bytes, to: path, durable: durable)
        } catch let error as AtomicFile.WriteError {
            throw SDLError("writing \(path)", message: error.description)
        }
    }

    /// The canvas turned for the panel.
    static func rotate(_ canvas: SoftwareCanvas, _ rotation: Rotation) throws -> Surface {
        let (width, height) = rotation.swapsSides ? (canvas.height, canvas.width) : (canvas.width, canvas.height)
        let target = try Surface(width: width, height: height)
        guard let renderer = SDL_CreateSoftwareRenderer(target.pointer) else { throw SDLError("SDL_CreateSoftwareRenderer") }
        defer { SDL_DestroyRenderer(renderer) }
        guard let texture = SDL_CreateTextureFromSurface(renderer, canvas.surface.pointer) else { throw SDLError("SDL_CreateTextureFromSurface") }
        defer { SDL_DestroyTexture(texture) }
        var destination = SDL_Rect(x: Int32((width - canvas.width) / 2), y: Int32((height - canvas.height) / 2),
                                   w: Int32(canvas.width), h: Int32(canvas.height))
        SDL_RenderCopyEx(renderer, texture, nil, &destination, Double(rotation.rawValue), nil, SDL_FLIP_NONE)
        SDL_RenderFlush(renderer)
        return target
    }
}
