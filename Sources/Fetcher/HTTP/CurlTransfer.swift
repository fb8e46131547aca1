import CCurl
import Foundation

/// One libcurl easy handle set up for a single hop of a fetch: limits, identity, content
/// decoding, validators, and a `ResponseSink` for what comes back. Redirects are not
/// followed here; `FetchPool` follows them hop by hop so it can tell permanent moves from
/// temporary ones, apply politeness to every host, and catch loops.
///
/// Guarantees: only http, https and file URLs are fetched; the connect timeout, total
/// timeout and low-speed abort of `FetchSettings` always apply; a body (after gzip, deflate
/// or brotli decoding) never grows past `limit`, and a declared `Content-Length` over it is
/// refused before any body is read; with a `ConnectionGuard`, no connection is made to an
/// address its policy refuses, nor a reused one read from. The handle, header list and any
/// body not taken are freed by `close()`.
final class CurlTransfer {
    let handle: UnsafeMutableRawPointer
    let sink: ResponseSink
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var errorBuffer: UnsafeMutablePointer<CChar>
    private let context: Unmanaged<ResponseSink>
    private let connectionGuard: ConnectionGuard?
    private var guardContext: Unmanaged<ConnectionGuard>?
    /// The most body bytes this transfer accepts, and the setting that says so.
    let limit: (bytes: Int, key: String)

    static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    init?(url: String, etag: String?, lastModified: String?, limit: (bytes: Int, key: String),
          connectionGuard: ConnectionGuard?, budget: BodyBudget, settings: FetchSettings) {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.limit = limit
        self.connectionGuard = connectionGuard
        sink = ResponseSink(limit: limit.bytes, budget: budget)
        context = Unmanaged.passRetained(sink)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        if let etag { headerList = curl_slist_append(headerList, "If-None-Match: \(etag)") }
        if let lastModified { headerList = curl_slist_append(headerList, "If-Modified-Since: \(lastModified)") }
        configure(url: url, settings: settings)
    }

    private func configure(url: String, settings: FetchSettings) {
        let h = handle
        ingestd_curl_setopt_string(h, CURLOPT_URL, url)
        ingestd_curl_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https,file")
        ingestd_curl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        ingestd_curl_setopt_long(h, CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        ingestd_curl_setopt_long(h, CURLOPT_TIMEOUT, settings.totalTimeout)
        ingestd_curl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedBytes)
        ingestd_curl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, settings.lowSpeedSeconds)
        ingestd_curl_setopt_long(h, CURLOPT_MAXFILESIZE, limit.bytes)
        ingestd_curl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ingestd_curl_setopt_long(h, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        ingestd_curl_setopt_string(h, CURLOPT_ACCEPT_ENCODING, "")
        ingestd_curl_setopt_string(h, CURLOPT_USERAGENT, settings.userAgent)
        ingestd_curl_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer)
        ingestd_curl_setopt_list(h, CURLOPT_HTTPHEADER, headerList)
        ingestd_curl_setopt_callback(h, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            let n = size * count
            return sink.appendBody(UnsafeRawBufferPointer(start: data, count: n)) ? n : 0
        }
        ingestd_curl_setopt_pointer(h, CURLOPT_WRITEDATA, context.toOpaque())
        ingestd_curl_setopt_callback(h, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            return sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        }
        ingestd_curl_setopt_pointer(h, CURLOPT_HEADERDATA, context.toOpaque())
        // The debug callback is libcurl's only view of the bytes before decoding, and of the
        // request as sent; it is called only in verbose mode, whose text it then receives instead of stderr.
        ingestd_curl_setopt_long(h, CURLOPT_VERBOSE, 1)
        ingestd_curl_setopt_debug(h) { _, type, data, size, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            if let data { sink.appendWire(type, UnsafeRawBufferPointer(start: data, count: size)) }
            return 0
        }
        ingestd_curl_setopt_pointer(h, CURLOPT_DEBUGDATA, context.toOpaque())
        if let connectionGuard {
            let retained = Unmanaged.passRetained(connectionGuard)
            guardContext = retained
            ingestd_curl_setopt_opensocket(h, ConnectionGuard.openSocket)
            ingestd_curl_setopt_pointer(h, CURLOPT_OPENSOCKETDATA, retained.toOpaque())
            // A connection reused from an earlier transfer opens no socket: check where it goes.
            sink.admit = { [connectionGuard] in
                var ip: UnsafeMutablePointer<CChar>?
                guard ingestd_curl_getinfo_string(h, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK, let ip else { return nil }
                return connectionGuard.check(primaryIP: String(cString: ip))
            }
        }
    }

    /// The HTTP status (200 for a file URL that was read).
    var status: Int {
        var status = 0
        ingestd_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    /// Why the transfer failed, in words, naming the limit when one was hit.
    func failure(_ code: CURLcode, settings: FetchSettings) -> String {
        if let refusal = connectionGuard?.refusal ?? sink.refusal { return refusal }
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            return "body exceeds \(limit.bytes) bytes (\(limit.key)); the download was stopped there"
        }
        if code == CURLE_OPERATION_TIMEDOUT {
            let detail = String(cString: errorBuffer)
            return "timed out (connect \(settings.connectTimeout) s, total \(settings.totalTimeout) s, or under "
                + "\(settings.lowSpeedBytes) bytes/s for \(settings.lowSpeedSeconds) s): \(detail)"
        }
        let base = String(cString: curl_easy_strerror(code))
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? base : "\(base): \(detail)"
    }

    /// Whether the failure was a refusal by policy, which trying again cannot change.
    var wasRefused: Bool { connectionGuard?.refusal != nil || sink.refusal != nil }

    func close() {
        sink.discard()
        sink.admit = nil
        curl_easy_cleanup(handle)
        guardContext?.release()
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        context.release()
    }
}
