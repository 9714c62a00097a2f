import CCurl
import Foundation

/// One request that sends a body (a screen's report to its hub, its thumbnail) through libcurl:
/// http(s) only, no redirects, bounded in time; the answer's body is read up to 4 KiB and dropped.
public enum HTTPUpload {
    /// Sends `body` with `method` (POST, PUT) to `url`; the status code, or why there is none.
    public static func send(_ method: String, to url: URL, body: [UInt8], contentType: String, headers: [String] = [],
                            timeout: TimeInterval = 5) -> Result<Int, Failure> {
        guard let curl = curl_easy_init() else { return .failure(Failure(description: "libcurl could not start")) }
        defer { curl_easy_cleanup(curl) }
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        for line in ["Content-Type: \(contentType)", "Expect:"] + headers where !line.contains("\r") && !line.contains("\n") {
            list = curl_slist_append(list, line)
        }
        let sink = CurlTransfer(maxBytes: 4096, maxHeaderBytes: 16 * 1024)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        return body.withUnsafeBufferPointer { bytes -> Result<Int, Failure> in
            let failed = [
                skylt_curl_set_string(curl, CURLOPT_URL, url.absoluteString),
                skylt_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https"),
                skylt_curl_set_string(curl, CURLOPT_CUSTOMREQUEST, method),
                skylt_curl_set_long(curl, CURLOPT_POST, 1),
                skylt_curl_set_pointer(curl, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)),
                skylt_curl_set_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)),
                skylt_curl_set_long(curl, CURLOPT_NOSIGNAL, 1),
                skylt_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, max(1, Int(timeout))),
                skylt_curl_set_long(curl, CURLOPT_TIMEOUT, max(1, Int(timeout))),
                skylt_curl_set_string(curl, CURLOPT_USERAGENT, "Skylt/1 (conference signage)"),
                skylt_curl_set_pointer(curl, CURLOPT_HTTPHEADER, list),
                skylt_curl_set_callback(curl, CURLOPT_WRITEFUNCTION, { data, size, count, context in
                    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().body(UnsafeRawBufferPointer(start: data, count: size * count))
                }),
                skylt_curl_set_pointer(curl, CURLOPT_WRITEDATA, context),
            ].filter { $0 != CURLE_OK }
            if !failed.isEmpty { return .failure(Failure(description: "libcurl refused an option: \(String(cString: curl_easy_strerror(failed[0])))")) }
            let code = curl_easy_perform(curl)
            guard code == CURLE_OK || code == CURLE_WRITE_ERROR else { return .failure(Failure(description: HTTPSourceFetcher.describe(code))) }
            var status = 0
            _ = skylt_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
            return .success(status)
        }
    }

    /// Why a request got no answer.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }
}
