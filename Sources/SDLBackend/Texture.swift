import CSDL2

/// An SDL texture owned by Swift: destroyed in `deinit`.
final class Texture {
    let handle: OpaquePointer
    let width: Int32
    let height: Int32

    init(handle: OpaquePointer, width: Int32, height: Int32) {
        self.handle = handle
        self.width = width
        self.height = height
    }

    deinit {
        SDL_DestroyTexture(handle)
    }
}

/// An SDL surface owned by Swift: freed in `deinit`.
final class Surface {
    let pointer: UnsafeMutablePointer<SDL_Surface>
    /// False for a surface SDL owns (a window's), which must not be freed here.
    private let owned: Bool

    init(pointer: UnsafeMutablePointer<SDL_Surface>, owned: Bool = true) {
        self.pointer = pointer
        self.owned = owned
    }

    /// A blank ARGB8888 surface.
    convenience init(width: Int, height: Int) throws {
        guard let pointer = SDL_CreateRGBSurfaceWithFormat(0, Int32(width), Int32(height), 32, SDL_PIXELFORMAT_ARGB8888.rawValue) else {
            throw SDLError("SDL_CreateRGBSurfaceWithFormat(\(width)x\(height))")
        }
        self.init(pointer: pointer)
    }

    var width: Int { Int(pointer.pointee.w) }
    var height: Int { Int(pointer.pointee.h) }

    deinit {
        if owned { SDL_FreeSurface(pointer) }
    }
}
