import CCurl
import Foundation

/// Fetches `http://`, `https://` and `file://` URLs through libcurl's easy interface.
///
/// Guarantees: every transfer has a connect timeout, a total timeout and a low-speed abort;
/// redirects are followed up to `maxRedirects`, and only to http(s) (a redirect can never
/// reach a local file); gzip and deflate bodies are decoded, and the decoded size is capped;
/// a conditional GET is sent when the request carries validators. Errors name the URL.
public struct CurlClient: Sendable {
    public let settings: FetchSettings

    public init(settings: FetchSettings = FetchSettings()) {
        self.settings = settings
        _ = Self.globalInit
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    public func fetch(_ request: FetchRequest) throws(FetchError) -> Capture {
        guard let handle = curl_easy_init() else { throw FetchError(url: request.url, reason: "libcurl could not start a transfer") }
        defer { curl_easy_cleanup(handle) }
        let sink = ResponseSink(limit: settings.maxBodyBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        if let etag = request.etag { headerList = curl_slist_append(headerList, "If-None-Match: \(etag)") }
        if let lm = request.lastModified { headerList = curl_slist_append(headerList, "If-Modified-Since: \(lm)") }
        defer { curl_slist_free_all(headerList) }

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errors in
            configure(handle, url: request.url, context: context.toOpaque())
            ingestd_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress)
            ingestd_curl_setopt_list(handle, CURLOPT_HTTPHEADER, headerList)
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            throw FetchError(url: request.url, reason: describe(code, detail: Self.string(errorBuffer), sink: sink))
        }
        var status = 0
        ingestd_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        ingestd_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? request.url
        if status == 0 && finalURL.lowercased().hasPrefix("file:") { status = 200 }
        return Capture(requestedURL: request.url, finalURL: finalURL, status: status,
                       headers: sink.headers, body: sink.body, fetchedAt: Date())
    }

    private func configure(_ h: UnsafeMutableRawPointer, url: String, context: UnsafeMutableRawPointer) {
        ingestd_curl_setopt_string(h, CURLOPT_URL, url)
        ingestd_curl_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https,file")
        ingestd_curl_setopt_string(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ingestd_curl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 1)
        ingestd_curl_setopt_long(h, CURLOPT_MAXREDIRS, settings.maxRedirects)
        ingestd_curl_setopt_long(h, CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        ingestd_curl_setopt_long(h, CURLOPT_TIMEOUT, settings.totalTimeout)
        ingestd_curl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedBytes)
        ingestd_curl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, settings.lowSpeedSeconds)
        ingestd_curl_setopt_long(h, CURLOPT_MAXFILESIZE, settings.maxBodyBytes)
        ingestd_curl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ingestd_curl_setopt_string(h, CURLOPT_ACCEPT_ENCODING, "")
        ingestd_curl_setopt_string(h, CURLOPT_USERAGENT, settings.userAgent)
        ingestd_curl_setopt_callback(h, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            let n = size * count
            return sink.appendBody(UnsafeRawBufferPointer(start: data, count: n)) ? n : 0
        }
        ingestd_curl_setopt_pointer(h, CURLOPT_WRITEDATA, context)
        ingestd_curl_setopt_callback(h, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        ingestd_curl_setopt_pointer(h, CURLOPT_HEADERDATA, context)
    }

    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func describe(_ code: CURLcode, detail: String, sink: ResponseSink) -> String {
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            return "body exceeds \(settings.maxBodyBytes) bytes (fetch.max_body_bytes)"
        }
        let base = String(cString: curl_easy_strerror(code))
        return detail.isEmpty ? base : "\(base): \(detail)"
    }
}
