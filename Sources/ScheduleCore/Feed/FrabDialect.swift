/// The two spellings of a frab schedule, read by the same rules: `schedule.json` and the older
/// Pentabarf `schedule.xml` (which the XML reader turns into the JSON's shape). They differ in
/// the format a report names and in how messages write the path to what they are about:
/// `schedule.conference.days[0].rooms["Janson"][3].duration` in JSON,
/// `schedule/day[1]/room[@name="Janson"]/event[4]/duration` in XML (counted from 1, as XPath does).
struct FrabDialect: Sendable {
    let format: FeedFormat
    /// What joins a path and a key.
    let separator: String
    let conferencePath: String
    let daysPath: String
    /// The key the conference's tracks are under.
    let tracksKey: String
    /// Added to every list index shown (0 for JSON, 1 for XML).
    let indexBase: Int
    private let eventsPathFormat: @Sendable (_ day: String, _ room: String) -> String

    /// The path of a room's events within a day.
    func eventsPath(day: String, room: String) -> String { eventsPathFormat(day, room) }

    static let json = FrabDialect(format: .frab, separator: ".", conferencePath: "schedule.conference", daysPath: "schedule.conference.days",
                                  tracksKey: "tracks", indexBase: 0, eventsPathFormat: { "\($0).rooms[\"\($1)\"]" })

    static let xml = FrabDialect(format: .frabXML, separator: "/", conferencePath: "schedule/conference", daysPath: "schedule/day",
                                 tracksKey: "track", indexBase: 1, eventsPathFormat: { "\($0)/room[@name=\"\($1)\"]/event" })
}
