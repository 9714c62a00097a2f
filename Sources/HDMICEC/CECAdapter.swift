import CCEC
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One adapter of the kernel's HDMI-CEC framework (`/dev/cecN`), open to send a TV to standby
/// and wake it. The descriptor is blocking: the kernel waits for the bus (at most a few
/// seconds), so callers keep it off the frame loop (`CECScreenPower` does). Sendable because
/// its one descriptor never changes and the kernel serialises the ioctls on it.
public final class CECAdapter: @unchecked Sendable {
    public let device: String
    /// The adapter's HDMI physical address (0x1000 is 1.0.0.0; 0xFFFF: none yet, e.g. no TV).
    public var physicalAddress: UInt16 {
        var address: UInt16 = 0xFFFF  // CEC_PHYS_ADDR_INVALID
        _ = skylt_cec_physical_address(descriptor, &address)
        return address
    }
    private let descriptor: Int32

    /// Opens `device` and checks that it can send messages. Every stored property is set before
    /// any check can fail, so a failed check leaves the closing to `deinit` (closing here too
    /// closed the number twice: by then another thread may have been given it).
    public init(device: String) throws(CECError) {
        self.device = device
        descriptor = open(device, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw CECError(device, "open", errno: errno) }
        var caps = cec_caps()
        guard skylt_cec_capabilities(descriptor, &caps) == 0 else { throw CECError(device, "CEC_ADAP_G_CAPS", errno: errno) }
        guard caps.capabilities & UInt32(CEC_CAP_TRANSMIT) != 0 else {
            throw CECError(device, "open", reason: "the adapter cannot transmit")
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether the adapter is a TV's own (physical address 0.0.0.0): a sign is never the TV.
    public var isInTV: Bool { physicalAddress == 0 }

    /// The adapter's logical address, claiming one as a playback device named `name` unless
    /// it has one configured (by the kernel driver or `cec-ctl`).
    public func logicalAddress(claimingAs name: String) throws(CECError) -> UInt8 {
        var addresses = cec_log_addrs()
        guard skylt_cec_get_logical_addresses(descriptor, &addresses) == 0 else { throw CECError(device, "CEC_ADAP_G_LOG_ADDRS", errno: errno) }
        if addresses.num_log_addrs == 0 {
            skylt_cec_playback_device(&addresses, name)
            guard skylt_cec_set_logical_addresses(descriptor, &addresses) == 0 else {
                throw CECError(device, "CEC_ADAP_S_LOG_ADDRS", errno: errno)
            }
        }
        guard addresses.log_addr.0 != UInt8(CEC_LOG_ADDR_INVALID) else {
            throw CECError(device, "claiming a logical address", reason: "none free, or no physical address (is the TV connected?)")
        }
        return addresses.log_addr.0
    }

    /// Sends the TV (logical address 0) to standby.
    public func standby(from source: UInt8) throws(CECError) {
        var message = cec_msg()
        cec_msg_init(&message, source, UInt8(CEC_LOG_ADDR_TV))
        cec_msg_standby(&message)
        try transmit(&message, "Standby")
    }

    /// Wakes the TV and makes this the input it shows: Image View On, then Active Source.
    public func wake(from source: UInt8) throws(CECError) {
        var message = cec_msg()
        cec_msg_init(&message, source, UInt8(CEC_LOG_ADDR_TV))
        cec_msg_image_view_on(&message)
        try transmit(&message, "Image View On")
        message = cec_msg()
        cec_msg_init(&message, source, UInt8(CEC_LOG_ADDR_BROADCAST))
        cec_msg_active_source(&message, physicalAddress)
        try transmit(&message, "Active Source")
    }

    private func transmit(_ message: inout cec_msg, _ name: String) throws(CECError) {
        guard skylt_cec_transmit(descriptor, &message) == 0 else { throw CECError(device, "sending \(name)", errno: errno) }
        guard message.tx_status & UInt8(CEC_TX_STATUS_OK) != 0 else {
            let nack = message.tx_status & UInt8(CEC_TX_STATUS_NACK) != 0
            throw CECError(device, "sending \(name)", reason: nack ? "not acknowledged (no TV listening?)" : "transmit status \(message.tx_status)")
        }
    }
}
