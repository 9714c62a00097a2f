import DisplayContract
import Clocks
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Watches a feed file (or the live file) and offers every settled version of it to the store.
///
/// It watches the file's folder with inotify, so saves by rename (editors, `mv`, `rsync`,
/// `sed -i`), copies and in-place writes are all seen; it waits until the file has been quiet
/// for `debounce` so a half-written file is not read mid-write, and it re-checks the file every
/// few seconds in case an event was missed (or the folder itself was replaced). Debounce and
/// re-check are measured on the injected clock (monotonic in service), so a wall clock stepped
/// by NTP cannot stall them; the wall clock only stamps the status.
public final class FileSourceWatcher: @unchecked Sendable {
    public let path: String
    public let debounce: Duration
    public let recheckInterval: Duration
    private let store: any SourceConsumer
    private let logger: Logger
    private let wallClock: any WallClock
    private let clock: AnyClock<Duration>
    private let lock = NSLock()
    private var running = true
    private var stopPipe: [Int32] = [-1, -1]

    /// - Parameters:
    ///   - debounce: how long the file must be quiet before it is read.
    ///   - recheckInterval: how often the file is compared with what was last read.
    ///   - wallClock: stamps the status (`last_attempt`, …).
    ///   - clock: measures debounce and re-check.
    public init(path: String, store: any SourceConsumer, logger: Logger, debounce: Duration = .milliseconds(150), recheckInterval: Duration = .seconds(5),
                wallClock: any WallClock, clock: some Clock<Duration>) {
        self.path = path
        self.store = store
        self.logger = logger
        self.debounce = debounce
        self.recheckInterval = recheckInterval
        self.wallClock = wallClock
        self.clock = AnyClock(clock)
    }

    deinit {
        stop()
    }

    /// Reads the file once now (on the caller's thread), then watches it on a thread of its own.
    /// The watch is set up before the first read, so no change in between is missed.
    public func start() {
        pipe(&stopPipe)
        let inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        let watchDescriptor = inotify >= 0 ? inotify_add_watch(inotify, folder, Self.mask) : -1
        let fingerprint = FileFingerprint(path: path)
        readAndOffer()
        // The thread keeps the watcher alive while it watches, and lets go when it ends (the
        // watcher does not hold the thread: that would be a cycle, and leak both).
        let thread = Thread { [self] in watch(inotify: inotify, watchDescriptor: watchDescriptor, fingerprint: fingerprint) }
        thread.name = "skylt.feed-watcher"
        thread.start()
    }

    /// Stops watching (returns at once; the thread ends within moments).
    public func stop() {
        lock.withLock {
            // Under the lock: the thread closes the pipe under it too, so this never writes to a
            // descriptor that has since been closed (and perhaps reused).
            if running, stopPipe[1] >= 0 {
                var byte: UInt8 = 1
                _ = write(stopPipe[1], &byte, 1)
            }
            running = false
        }
    }

    private var isRunning: Bool { lock.withLock { running } }

    // MARK: - The watching thread

    private var folder: String {
        (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    private func watch(inotify: Int32, watchDescriptor initialWatch: Int32, fingerprint initialFingerprint: FileFingerprint) {
        let folder = self.folder
        let name = (path as NSString).lastPathComponent
        let mask = Self.mask
        defer {
            if inotify >= 0 { close(inotify) }
            lock.withLock {
                running = false
                close(stopPipe[0])
                close(stopPipe[1])
                stopPipe = [-1, -1]
            }
        }
        var watchDescriptor = initialWatch
        var fingerprint = initialFingerprint
        var pendingSince: AnyClock<Duration>.Instant?
        var lastRecheck = clock.now
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        while isRunning {
            if watchDescriptor < 0, inotify >= 0 {
                watchDescriptor = inotify_add_watch(inotify, folder, mask)
                if watchDescriptor < 0 { logger.warning("cannot watch the feed's folder; checking it every few seconds", metadata: ["folder": "\(folder)"]) }
            }
            let recheck = watchDescriptor < 0 ? Duration.seconds(1) : recheckInterval
            let timeout: Duration
            if let pendingSince {
                timeout = debounce - pendingSince.duration(to: clock.now)
            } else {
                timeout = recheck - lastRecheck.duration(to: clock.now)
            }
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, Self.milliseconds(timeout))
            if ready < 0 && errno != EINTR { break }
            if fds[1].revents != 0 { break }
            if fds[0].revents != 0 {
                let count = read(inotify, &buffer, buffer.count)
                if count > 0 {
                    let (relevant, folderGone) = parse(buffer[..<count], name: name)
                    if folderGone { watchDescriptor = -1 }
                    if relevant { pendingSince = clock.now }
                }
            }
            let now = clock.now
            if let since = pendingSince, since.duration(to: now) >= debounce {
                pendingSince = nil
                fingerprint = FileFingerprint(path: path)
                readAndOffer()
                lastRecheck = clock.now
            } else if pendingSince == nil, lastRecheck.duration(to: now) >= recheck {
                lastRecheck = now
                let current = FileFingerprint(path: path)
                if current != fingerprint {
                    fingerprint = current
                    pendingSince = now
                }
            }
        }
    }

    /// A poll(2) timeout: whole milliseconds, rounded up, from zero to a minute.
    static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(max(0, min(60_000, (duration.seconds * 1000).rounded(.up))))
    }

    /// Whether the events concern the feed file, and whether the folder itself went away.
    private func parse(_ bytes: ArraySlice<UInt8>, name: String) -> (relevant: Bool, folderGone: Bool) {
        var relevant = false, folderGone = false
        var offset = bytes.startIndex
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.endIndex {
            let (mask, length) = bytes.withUnsafeBytes { raw -> (UInt32, Int) in
                let base = raw.baseAddress!.advanced(by: offset - bytes.startIndex)
                let event = base.loadUnaligned(as: inotify_event.self)
                return (event.mask, Int(event.len))
            }
            var eventName = ""
            if length > 0 {
                let start = offset + headerSize
                let nameBytes = bytes[start..<min(start + length, bytes.endIndex)].prefix { $0 != 0 }
                eventName = String(decoding: nameBytes, as: UTF8.self)
            }
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                folderGone = true
                relevant = true
            } else if eventName == name || mask & UInt32(IN_Q_OVERFLOW) != 0 {
                relevant = true
            }
            offset += headerSize + length
        }
        return (relevant, folderGone)
    }

    private func readAndOffer() {
        switch SourceFileReader.read(path, kind: store.kind) {
        case .success(let bytes):
            store.offer(bytes, at: wallClock.now(), origin: path)
        case .failure(let failure):
            store.sourceFailed(failure.description, at: wallClock.now())
        }
    }
}

/// Identity and version of a file (inode, size, modification time), to notice changes that
/// no event reported.
struct FileFingerprint: Equatable {
    let exists: Bool
    let inode: UInt64
    let size: Int64
    let modified: Int
    let modifiedNanoseconds: Int

    init(path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            exists = true
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = info.st_mtim.tv_sec
            modifiedNanoseconds = info.st_mtim.tv_nsec
        } else {
            exists = false
            inode = 0
            size = 0
            modified = 0
            modifiedNanoseconds = 0
        }
    }
}
