import Dispatch
import Foundation
import DisplayContract
import Logging

/// Turns the TV itself off and on through HDMI-CEC, beside the display's own DPMS: Standby
/// outside the screen's hours, Image View On and Active Source at the on-time (and when the
/// sign starts within them). Every adapter that is not a TV's own is used; the messages go
/// out on a queue of their own, so a slow bus never holds up the frame loop.
public final class CECScreenPower: ScreenPowerSwitch, @unchecked Sendable {
    /// The name the TV's menu shows for the sign.
    public static let deviceName = "Skylt"
    public let adapters: [CECAdapter]
    private let queue = DispatchQueue(label: "skylt.hdmi-cec")
    private let logger: Logger

    /// The adapters in `folder` (`cecN`) that can send and are not in a TV; nil when none.
    /// Adapters that cannot be opened are logged and left out.
    public static func discover(in folder: String = "/dev", logger: Logger) -> CECScreenPower? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("cec") && Int($0.dropFirst(3)) != nil }.sorted()
        var adapters: [CECAdapter] = []
        for name in names {
            do {
                let adapter = try CECAdapter(device: folder + "/" + name)
                if adapter.isInTV { continue }
                adapters.append(adapter)
            } catch {
                logger.warning("\(error); the TV's power is not switched through this adapter")
            }
        }
        return adapters.isEmpty ? nil : CECScreenPower(adapters: adapters, logger: logger)
    }

    public init(adapters: [CECAdapter], logger: Logger) {
        self.adapters = adapters
        self.logger = logger
    }

    public var description: String {
        adapters.map { "\($0.device) (physical address \(Self.dotted($0.physicalAddress)))" }.joined(separator: ", ")
    }

    public func setScreenPower(_ on: Bool) {
        queue.async { [adapters, logger] in
            for adapter in adapters {
                do {
                    let source = try adapter.logicalAddress(claimingAs: Self.deviceName)
                    if on { try adapter.wake(from: source) } else { try adapter.standby(from: source) }
                    logger.notice("HDMI-CEC \(adapter.device): \(on ? "TV woken (Image View On, Active Source)" : "TV sent to standby")")
                } catch {
                    logger.warning("\(error)")
                }
            }
        }
    }

    /// Waits until every message asked for so far has been sent (for tests and a clean stop).
    public func flush() { queue.sync {} }

    /// 0x1000 → "1.0.0.0".
    static func dotted(_ address: UInt16) -> String {
        (0..<4).map { String((address >> (12 - 4 * $0)) & 0xF, radix: 16) }.joined(separator: ".")
    }
}
