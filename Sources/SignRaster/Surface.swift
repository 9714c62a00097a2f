import CSDL2

/// An SDL surface owned by Swift: freed in `deinit`.
package final class Surface {
    package let pointer: UnsafeMutablePointer<SDL_Surface>
    /// False for a surface SDL owns (a window's), which must not be freed here.
    private let owned: Bool

    package init(pointer: UnsafeMutablePointer<SDL_Surface>, owned: Bool = true) {
        self.pointer = pointer
        self.owned = owned
    }

    /// A blank ARGB8888 surface.
    package convenience init(width: Int, height: Int) throws {
        guard let pointer = SDL_CreateRGBSurfaceWithFormat(0, Int32(width), Int32(height), 32, SDL_PIXELFORMAT_ARGB8888.rawValue) else {
            throw SDLError("SDL_CreateRGBSurfaceWithFormat(\(width)x\(height))")
        }
        self.init(pointer: pointer)
    }

    package var width: Int { Int(pointer.pointee.w) }
    package var height: Int { Int(pointer.pointee.h) }

    deinit {
        if owned { SDL_FreeSurface(pointer) }
    }
}
