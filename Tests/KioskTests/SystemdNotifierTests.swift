import DisplayContract
import Foundation
import SkyltTestSupport
import Testing
@testable import Kiosk
#if canImport(Glibc)
import Glibc
#endif

/// sd_notify against a real Unix datagram socket, as systemd listens on one.
@Suite struct SystemdNotifierTests {
    @Test(arguments: [false, true])
    func readyStatusAndStoppingReachTheSocket(_ abstract: Bool) throws {
        let listener = try DatagramListener(abstract: abstract)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name])
        #expect(notifier.isActive)
        notifier.ready(status: "Showing Spridningskonferens 2020")
        #expect(listener.receive() == "READY=1\nSTATUS=Showing Spridningskonferens 2020")
        notifier.stopping()
        #expect(listener.receive() == "STOPPING=1")
    }

    @Test func watchdogIntervalIsHalfOfWatchdogSec() throws {
        let listener = try DatagramListener(abstract: false)
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
