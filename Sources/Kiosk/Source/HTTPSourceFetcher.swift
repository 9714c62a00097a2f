import CCurl
import Foundation
import ScheduleCore

/// One conditional GET of a feed URL through libcurl: `If-None-Match`/`If-Modified-Since`,
/// http and https only (redirects too), and every limit enforced while the answer arrives —
/// the body (after gzip decompression) at `maxBytes`, the headers at 64 KiB, the whole fetch at
/// `timeout` × 3, a stalled one at `timeout` — so an endless body, a gzip bomb or a trickling
/// server costs at most `maxBytes` of memory and one timeout, never the kiosk.
public final class HTTPSourceFetcher: @unchecked Sendable {
    public enum Result: Equatable, Sendable {
        case body([UInt8])
        case notModified
        case failure(String)
    }

    public let url: URL
    public let timeout: TimeInterval
    public let maxBytes: Int
    /// Response headers beyond this are an attack or a broken server.
    public static let maxHeaderBytes = 64 * 1024
    private var etag: String?
    private var lastModified: String?

    /// Request header lines sent with every request (a hub's token and the screen's name).
    public let extraHeaders: [String]

    public init(url: URL, timeout: TimeInterval = 10, maxBytes: Int = FeedReader.maxBytes, extraHeaders: [String] = []) {
        self.extraHeaders = extraHeaders
        self.url = url
        self.timeout = timeout
        self.maxBytes = maxBytes
    }

    /// The URL as it may be shown: user name, password and query left out (they may hold secrets).
    public var displayURL: String { RedactedURL.text(url) }

    /// Fetches once (blocking the calling thread, never the render loop's).
    public func fetch() -> Result {
        guard let curl = curl_easy_init() else { return .failure("libcurl could not start") }
        defer { curl_easy_cleanup(curl) }
        let transfer = CurlTransfer(maxBytes: maxBytes, maxHeaderBytes: Self.maxHeaderBytes)
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        var lines = ["Accept: application/json, text/calendar;q=0.9, */*;q=0.5", "Accept-Encoding: gzip"]
        if let etag { lines.append("If-None-Match: \(etag)") }
        if let lastModified { lines.append("If-Modified-Since: \(lastModified)") }
        lines += extraHeaders
        for line in lines where !line.contains("\r") && !line.contains("\n") { headers = curl_slist_append(headers, line) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let whole = Int(timeout * 3)
        let failed = [
            skylt_curl_set_string(curl, CURLOPT_URL, url.absoluteString),
            skylt_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https"),
            skylt_curl_set_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            skylt_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 1),
            skylt_curl_set_long(curl, CURLOPT_MAXREDIRS, 5),
            skylt_curl_set_long(curl, CURLOPT_NOSIGNAL, 1),
            skylt_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, max(1, Int(timeout))),
            skylt_curl_set_long(curl, CURLOPT_TIMEOUT, max(1, whole)),
            // Less than a byte a second for `timeout` seconds: a trickle is a failure, not a wait.
            skylt_curl_set_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1),
            skylt_curl_set_long(curl, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout))),
            skylt_curl_set_off(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBytes)),
            skylt_curl_set_string(curl, CURLOPT_USERAGENT, "Skylt/1 (conference signage)"),
            skylt_curl_set_pointer(curl, CURLOPT_HTTPHEADER, headers),
            skylt_curl_set_callback(curl, CURLOPT_WRITEFUNCTION, { data, size, count, context in
                Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().body(UnsafeRawBufferPointer(start: data, count: size * count))
            }),
            skylt_curl_set_pointer(curl, CURLOPT_WRITEDATA, context),
            skylt_curl_set_callback(curl, CURLOPT_HEADERFUNCTION, { data, size, count, context in
                Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().header(UnsafeRawBufferPointer(start: data, count: size * count))
            }),
            skylt_curl_set_pointer(curl, CURLOPT_HEADERDATA, context),
        ].filter { $0 != CURLE_OK }
        // Credentials in the URL go as HTTP basic authentication (curl reads them from the URL).
        if !failed.isEmpty { return .failure("libcurl refused an option: \(String(cString: curl_easy_strerror(failed[0])))") }
        let code = curl_easy_perform(curl)
        var status = 0
        _ = skylt_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        if let problem = transfer.problem { return .failure(problem) }
        guard code == CURLE_OK else { return .failure(code == CURLE_FILESIZE_EXCEEDED ? CurlTransfer.tooLarge(maxBytes) : Self.describe(code)) }
        switch status {
        case 304:
            return .notModified
        case 200:
            let type = (transfer.headers["content-type"] ?? "").lowercased()
            if type.hasPrefix("text/html") {
                return .failure("the server sent a web page (Content-Type \(type)), not a feed")
            }
            let body: [UInt8]
            do {
                body = try transfer.finishBody()
            } catch {
                return .failure(error.description)
            }
            etag = transfer.headers["etag"]
            lastModified = transfer.headers["last-modified"]
            return .body(body)
        default:
            return .failure("HTTP \(status)")
        }
    }

    static func describe(_ code: CURLcode) -> String {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: "timed out"
        case CURLE_COULDNT_CONNECT: "connection refused"
        case CURLE_COULDNT_RESOLVE_HOST: "host not found"
        case CURLE_UNSUPPORTED_PROTOCOL: "only http and https feeds are fetched"
        case CURLE_TOO_MANY_REDIRECTS: "too many redirects"
        case CURLE_PEER_FAILED_VERIFICATION: "the server's TLS certificate is not trusted"
        default: String(cString: curl_easy_strerror(code))
        }
    }
}
