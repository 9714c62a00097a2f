import CSDL2
import CSDL2Image
import Foundation
import SignLayout
@testable import SignRaster

/// How two frames differ, pixel by pixel.
struct PixelDifference {
    var differingPixels = 0
    var maxChannel = 0
    var total = 1

    var differingFraction: Double { Double(differingPixels) / Double(total) }

    init(_ a: SoftwareCanvas, _ b: SoftwareCanvas) throws {
        try self.init(a.surface.pointer, b.surface.pointer)
    }

    init(canvas: SoftwareCanvas, png path: String) throws {
        guard let loaded = IMG_Load(path) else { throw SDLError("IMG_Load(\(path))") }
        defer { SDL_FreeSurface(loaded) }
        guard let converted = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888.rawValue, 0) else { throw SDLError("convert") }
        defer { SDL_FreeSurface(converted) }
        try self.init(canvas.surface.pointer, converted)
    }

    private init(_ a: UnsafeMutablePointer<SDL_Surface>, _ b: UnsafeMutablePointer<SDL_Surface>) throws {
        guard a.pointee.w == b.pointee.w, a.pointee.h == b.pointee.h else {
            throw SDLError("comparing frames", message: "sizes differ: \(a.pointee.w)x\(a.pointee.h) vs \(b.pointee.w)x\(b.pointee.h)")
        }
        total = Int(a.pointee.w) * Int(a.pointee.h)
        for y in 0..<Int(a.pointee.h) {
            let rowA = a.pointee.pixels.advanced(by: y * Int(a.pointee.pitch)).assumingMemoryBound(to: UInt8.self)
            let rowB = b.pointee.pixels.advanced(by: y * Int(b.pointee.pitch)).assumingMemoryBound(to: UInt8.self)
            for x in 0..<Int(a.pointee.w) {
                var worst = 0
                for channel in 0..<3 {
                    worst = max(worst, abs(Int(rowA[x * 4 + channel]) - Int(rowB[x * 4 + channel])))
                }
                if worst > 2 { differingPixels += 1 }
                maxChannel = max(maxChannel, worst)
            }
        }
    }

    static func pixel(_ surface: Surface, x: Int, y: Int) -> Color {
        let pointer = surface.pointer.pointee
        let row = pointer.pixels.advanced(by: y * Int(pointer.pitch))
        let value = UnsafeRawPointer(row).load(fromByteOffset: x * 4, as: UInt32.self)
        return Color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }
}
