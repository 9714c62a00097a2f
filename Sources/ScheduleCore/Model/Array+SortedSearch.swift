import Foundation

extension Array where Element == TimeInterval {
    /// The first index whose element is >= `value` (binary search; the array is sorted).
    func firstIndex(notBelow value: TimeInterval) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose element is > `value`.
    func firstIndex(above value: TimeInterval) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
