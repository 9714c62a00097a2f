import CDRM
import Foundation

/// A dumb buffer mapped into memory and registered as a framebuffer: the pixels the panel
/// scans out. One owner for the buffer, its mapping and its framebuffer id, released in
/// reverse order.
final class DumbFramebuffer {
    let width: Int
    let height: Int
    let pitch: Int
    let framebufferID: UInt32
    /// XRGB8888 pixels, `pitch` bytes a row.
    let pixels: UnsafeMutableRawPointer
    private let handle: UInt32
    private let size: Int
    private let card: DRMCard

    init(card: DRMCard, width: Int, height: Int) throws {
        var handle: UInt32 = 0, pitch: UInt32 = 0, size: UInt64 = 0
        guard skylt_drm_create_dumb(card.descriptor, UInt32(width), UInt32(height), &handle, &pitch, &size) == 0 else {
            throw KMSError("creating a \(width)x\(height) dumb buffer")
        }
        var framebufferID: UInt32 = 0
        guard drmModeAddFB(card.descriptor, UInt32(width), UInt32(height), 24, 32, pitch, handle, &framebufferID) == 0 else {
            let error = KMSError("drmModeAddFB")
            _ = skylt_drm_destroy_dumb(card.descriptor, handle)
            throw error
        }
        var offset: UInt64 = 0
        guard skylt_drm_map_dumb(card.descriptor, handle, &offset) == 0,
              let mapped = mmap(nil, Int(size), PROT_READ | PROT_WRITE, MAP_SHARED, card.descriptor, off_t(offset)), mapped != MAP_FAILED else {
            let error = KMSError("mapping the dumb buffer")
            drmModeRmFB(card.descriptor, framebufferID)
            _ = skylt_drm_destroy_dumb(card.descriptor, handle)
            throw error
        }
        memset(mapped, 0, Int(size))
        self.card = card
        self.width = width
        self.height = height
        self.pitch = Int(pitch)
        self.handle = handle
        self.size = Int(size)
        self.framebufferID = framebufferID
        self.pixels = mapped
    }

    deinit {
        munmap(pixels, size)
        drmModeRmFB(card.descriptor, framebufferID)
        _ = skylt_drm_destroy_dumb(card.descriptor, handle)
    }
}
