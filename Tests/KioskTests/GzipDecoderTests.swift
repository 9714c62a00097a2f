import DisplayContract
import Foundation
import Testing
@testable import Kiosk

@Suite struct GzipDecoderTests {
    static func compressed(_ text: String) throws -> [UInt8] {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/in", contents: Data(text.utf8))
        return try HostileFeedServerTests.gzip(FileHandle(forReadingAtPath: folder + "/in")!)
    }

    static func decode(_ pieces: [[UInt8]], maxBytes: Int = 1 << 20) throws -> [UInt8] {
        let decoder = try GzipDecoder(maxBytes: maxBytes)
        for piece in pieces { try piece.withUnsafeBytes { try decoder.append($0) } }
        return try decoder.finish()
    }

    @Test func readsWholeByteByByteAndConcatenatedMembers() throws {
        let one = try Self.compressed("Skärmen startar ")
        let two = try Self.compressed(String(repeating: "av sig själv. ", count: 1000))
        #expect(try Self.decode([one]) == Array("Skärmen startar ".utf8))
        #expect(try Self.decode(one.map { [$0] }) == Array("Skärmen startar ".utf8))
        #expect(try Self.decode([one + two]) == Array(("Skärmen startar " + String(repeating: "av sig själv. ", count: 1000)).utf8))
    }

    @Test func stopsAtTheCapExactly() throws {
        let text = String(repeating: "x", count: 100_000)
        let bytes = try Self.compressed(text)
        #expect(try Self.decode([bytes], maxBytes: 100_000).count == 100_000)
        #expect(throws: GzipDecoder.Failure.tooLarge(maxBytes: 99_999)) { try Self.decode([bytes], maxBytes: 99_999) }
    }

    @Test func truncatedCorruptAndTrailingJunkAreRefused() throws {
        let bytes = try Self.compressed("Strömavbrott utan förlust")
        #expect(throws: GzipDecoder.Failure.truncated) { try Self.decode([Array(bytes.dropLast(4))]) }
        #expect(throws: GzipDecoder.Failure.truncated) { try Self.decode([]) }
        #expect(throws: GzipDecoder.Failure.corrupt("data after the end of the stream")) { try Self.decode([bytes + [0x00, 0x01]]) }
        var flipped = bytes
        flipped[12] ^= 0xFF
        #expect(throws: (any Error).self) { try Self.decode([flipped]) }
    }
}
