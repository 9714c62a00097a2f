import CDRM
import Foundation

/// An open DRM device (`/dev/dri/cardN`): the one owner of its file descriptor.
final class DRMCard {
    let path: String
    let descriptor: Int32

    /// Opens the card and checks that it offers dumb buffers (every KMS driver does).
    init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw KMSError("opening \(path)") }
        var dumb: UInt64 = 0
        guard drmGetCap(descriptor, UInt64(DRM_CAP_DUMB_BUFFER), &dumb) == 0, dumb != 0 else {
            close(descriptor)
            throw KMSError(path, reason: "the driver offers no dumb buffers")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The DRM cards present, in order (`/dev/dri/card0`, `card1`, …).
    static func paths(in folder: String = "/dev/dri") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("card") }.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }.map { folder + "/" + $0 }
    }
}
