import Foundation
import Kiosk

/// Writing to stdout/stderr. Feed text reaches the terminal in titles and messages, so control
/// characters (an escape sequence in a title could rewrite the technician's screen) and
/// bidirectional overrides are shown as `\u{1B}`, never sent raw.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((PrintableText.escaped(text) + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((PrintableText.escaped(text) + "\n").utf8))
    }
}
