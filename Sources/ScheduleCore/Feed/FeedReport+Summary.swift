import Foundation

extension FeedReport {
    /// One line for the technician: valid or not, how many sessions, rooms and days, the first
    /// and last start, and the count of warnings.
    public func summary(file: String) -> String {
        let report = self
        let warnings = report.warningCount
        let warningText = "\(warnings) warning\(warnings == 1 ? "" : "s")"
        guard let program = report.program else {
            let errors = report.errorCount
            return "\(file): invalid: \(errors) error\(errors == 1 ? "" : "s"), \(warningText)"
        }
        let zone = program.event.timeZone
        let days = program.days.count
        var text = "\(file): valid \(report.format.rawValue) feed: \(plural(program.sessions.count, "session")), "
            + "\(plural(program.rooms.count, "room")), \(plural(days, "day"))"
        if let first = program.sessions.first, let last = program.sessions.last {
            text += ", first start \(zone.localDateTime(for: first.start).spaced), last start \(zone.localDateTime(for: last.start).spaced) (\(zone.identifier))"
        }
        return text + ", \(warningText)"
    }

    private func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}

extension LocalDateTime {
    /// `2020-02-06 09:00`, for summaries.
    var spaced: String { "\(dateText) \(timeText)" }
}
