import CSDL2
import CSDL2Image
import Foundation

/// How a screen is mounted: the picture is turned by this many degrees clockwise.
public enum Rotation: Int, Sendable, CaseIterable {
    case none = 0, quarter = 90, half = 180, threeQuarters = 270

    /// Whether the panel's width and height swap for the layout.
    public var swapsSides: Bool { self == .quarter || self == .threeQuarters }
}

/// Writes a canvas to a PNG file as the panel shows it (rotated for screens mounted on their
/// side), atomically: a temporary file renamed into place, so readers never see half a PNG.
public enum FrameFile {
    public static func write(_ canvas: SoftwareCanvas, rotation: Rotation, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        if rotation == .none {
            guard IMG_SavePNG(canvas.surface.pointer, temporary) == 0 else { throw SDLError("IMG_SavePNG(\(path))") }
        } else {
            let rotated = try rotate(canvas, rotation)
            guard IMG_SavePNG(rotated.pointer, temporary) == 0 else { throw SDLError("IMG_SavePNG(\(path))") }
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SDLError("rename to \(path)", message: String(cString: strerror(errno)))
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
