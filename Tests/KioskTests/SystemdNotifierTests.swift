import Foundation
import Testing
@testable import Kiosk
#if canImport(Glibc)
import Glibc
#endif

/// sd_notify against a real Unix datagram socket, as systemd listens on one.
@Suite struct SystemdNotifierTests {
    /// A bound datagram socket that collects what arrives.
    final class Listener {
        let descriptor: Int32
        let name: String

        init(abstract: Bool) throws {
            name = abstract ? "@skylt-test-\(UUID().uuidString.prefix(8))" : FileManager.default.temporaryDirectory.path + "/skylt-notify-\(UUID().uuidString.prefix(8))"
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            var bytes = Array(name.utf8)
            if abstract { bytes[0] = 0 }
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
            let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
            guard result == 0 else { throw POSIXError(.EADDRINUSE) }
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit {
            close(descriptor)
            if !name.hasPrefix("@") { unlink(name) }
        }

        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
        }
    }

    @Test(arguments: [false, true])
    func readyStatusAndStoppingReachTheSocket(_ abstract: Bool) throws {
        let listener = try Listener(abstract: abstract)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name])
        #expect(notifier.isActive)
        notifier.ready(status: "Showing Spridningskonferens 2020")
        #expect(listener.receive() == "READY=1\nSTATUS=Showing Spridningskonferens 2020")
        notifier.stopping()
        #expect(listener.receive() == "STOPPING=1")
    }

    @Test func watchdogIntervalIsHalfOfWatchdogSec() throws {
        let listener = try Listener(abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": String(getpid())])
        #expect(notifier.watchdogInterval == .seconds(1))
        notifier.watchdogPing()
        #expect(listener.receive() == "WATCHDOG=1")
        #expect(listener.receive() == nil)
    }

    @Test func withoutSystemdNothingHappens() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isActive)
        #expect(!notifier.send("READY=1"))
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/x", "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1"]).watchdogInterval == nil)
    }
}
