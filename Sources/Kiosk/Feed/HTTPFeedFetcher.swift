import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ScheduleCore

/// One conditional GET of a feed URL with URLSession: `If-None-Match`/`If-Modified-Since`, a
/// timeout, and a size cap enforced while the body arrives (a huge or endless body is cut off,
/// not loaded).
public final class HTTPFeedFetcher: @unchecked Sendable {
    public enum Result: Equatable, Sendable {
        case body([UInt8])
        case notModified
        case failure(String)
    }

    public let url: URL
    public let timeout: TimeInterval
    public let maxBytes: Int
    private var etag: String?
    private var lastModified: String?
    private let session: URLSession
    private let delegate: CappedDataDelegate

    public init(url: URL, timeout: TimeInterval = 10, maxBytes: Int = FeedReader.maxBytes) {
        self.url = url
        self.timeout = timeout
        self.maxBytes = maxBytes
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 3
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        delegate = CappedDataDelegate(maxBytes: maxBytes)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Fetches once (blocking the calling thread, never the render loop's).
    public func fetch() -> Result {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        request.setValue("application/json, text/calendar;q=0.9, */*;q=0.5", forHTTPHeaderField: "Accept")
        let outcome = delegate.run(session.dataTask(with: request), timeout: timeout * 3 + 1)
        switch outcome {
        case .failed(let reason):
            return .failure(reason)
        case .tooLarge:
            return .failure("the body is over \(maxBytes / 1_048_576) MiB")
        case .finished(let response, let body):
            switch response.statusCode {
            case 304:
                return .notModified
            case 200:
                let type = (response.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased()
                if type.hasPrefix("text/html") {
                    return .failure("the server sent a web page (Content-Type \(type)), not a feed")
                }
                etag = response.value(forHTTPHeaderField: "ETag")
                lastModified = response.value(forHTTPHeaderField: "Last-Modified")
                return .body(body)
            default:
                return .failure("HTTP \(response.statusCode)")
            }
        }
    }
}

/// Collects one response body, cancelling once it passes the cap.
final class CappedDataDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Outcome {
        case finished(HTTPURLResponse, [UInt8])
        case failed(String)
        case tooLarge
    }

    let maxBytes: Int
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    private var outcome: Outcome?
    private var done = DispatchSemaphore(value: 0)

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    func run(_ task: URLSessionDataTask, timeout: TimeInterval) -> Outcome {
        lock.withLock {
            body = []
            response = nil
            outcome = nil
            done = DispatchSemaphore(value: 0)
        }
        let semaphore = lock.withLock { done }
        task.resume()
        if semaphore.wait(timeout: .now() + timeout) == .timedOut {
            task.cancel()
            return .failed("timed out after \(Int(timeout)) s")
        }
        return lock.withLock { outcome ?? .failed("no response") }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        lock.withLock { self.response = http }
        if let length = http?.expectedContentLength, length > Int64(maxBytes) {
            lock.withLock { outcome = .tooLarge }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            body.append(contentsOf: data)
            return body.count > maxBytes
        }
        if over {
            lock.withLock { outcome = .tooLarge }
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let semaphore = lock.withLock { () -> DispatchSemaphore in
            if outcome == nil {
                if let error {
                    outcome = .failed(Self.describe(error))
                } else if let response {
                    outcome = .finished(response, body)
                } else {
                    outcome = .failed("no HTTP response")
                }
            }
            body = []
            return done
        }
        semaphore.signal()
    }

    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        switch nsError.code {
        case NSURLErrorTimedOut: return "timed out"
        case NSURLErrorCannotConnectToHost: return "connection refused"
        case NSURLErrorCannotFindHost: return "host not found"
        case NSURLErrorNetworkConnectionLost: return "connection lost"
        case NSURLErrorBadServerResponse: return "bad server response"
        default: return nsError.localizedDescription
        }
    }
}
