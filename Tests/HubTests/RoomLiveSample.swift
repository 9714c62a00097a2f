import Foundation
import ScheduleCore

/// A room's entry with every field set.
enum RoomLiveSample {
    static let entry = RoomLive(delayMinutes: 10, delaySince: Date(timeIntervalSince1970: 1_800_000_000), state: .filling, note: "Dörr B")
}
