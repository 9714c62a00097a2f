/// How much a live file may hold. It is a handful of lines a technician writes in a hurry:
/// anything far past these is a mistake or an attack, refused with a located error while the
/// last good live state stays in force.
public enum LiveLimits {
    /// Larger live files are refused before they are read (a thousand rooms with notes fit in a tenth of this).
    public static let maxBytes = 1024 * 1024
    /// The longest delay: past six hours the program itself should change.
    public static let maxDelayMinutes = 360
    /// Characters in an alert (a screen shows a few lines at emergency size).
    public static let maxAlertCharacters = 400
    /// Characters in a room's note.
    public static let maxNoteCharacters = 200
}
