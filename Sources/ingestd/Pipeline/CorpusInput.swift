import CZlib
import Foundation

/// The corpus files a command reads, each as a `CorpusReader` that can read any earlier
/// line again: a plain file is read in place; standard input (`-`) and gzip files
/// (`.gz`, or any input whose bytes are gzip) are first decompressed into a temporary
/// file that is unlinked as soon as it is made, so nothing is left behind however the
/// command ends.
///
/// Guarantees: the readers come in the order the inputs were named; decompression stops
/// with an error naming the input at the first corrupt byte, or when `maxSpoolBytes`
/// would be passed (a gzip bomb); a failure to write the temporary file (a full disk)
/// names the input and the folder.
struct CorpusInput {
    /// One input, ready to read, and the URL that provenance names it by.
    struct Input {
        var label: String
        var source: URL
        var reader: CorpusReader
    }

    let inputs: [Input]

    /// The most bytes decompressed from one input: far beyond any news corpus on one machine.
    static let maxSpoolBytes = 1 << 40

    init(paths: [String]) throws(CommandFailure) {
        var inputs: [Input] = []
        for path in paths {
            if path == "-" {
                inputs.append(Input(label: "standard input", source: URL(fileURLWithPath: "/dev/stdin"),
                                    reader: try Self.spool(dup(STDIN_FILENO), label: "standard input")))
                continue
            }
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw CommandFailure(.noInput, "\(path): cannot read: \(String(cString: strerror(errno)))") }
            var magic = [UInt8](repeating: 0, count: 2)
            let isGzip = pread(fd, &magic, 2, 0) == 2 && magic == [0x1F, 0x8B]
            let source = URL(fileURLWithPath: path).standardizedFileURL
            inputs.append(Input(label: path, source: source,
                                reader: isGzip ? try Self.spool(fd, label: path) : CorpusReader(fd: fd, label: path)))
        }
        self.inputs = inputs
    }

    /// `paths` with each folder replaced by its corpus files (.jsonl, .json, .gz; hidden ones
    /// left out), in name order.
    static func expandingFolders(_ paths: [String]) throws(CommandFailure) -> [String] {
        var out: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                out.append(path)
                continue
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw CommandFailure(.noInput, "\(path): cannot list: \(error.localizedDescription)")
            }
            out += names.filter { name in !name.hasPrefix(".") && [".jsonl", ".json", ".gz"].contains { name.hasSuffix($0) } }
                .sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        }
        return out
    }

    /// Every input whole, mapped into memory, for `JSONLImport`.
    func files() throws(CommandFailure) -> [JSONLImport.File] {
        try inputs.map { input throws(CommandFailure) in
            JSONLImport.File(label: input.label, source: input.source, data: try input.reader.mapped())
        }
    }

    /// The bytes of `fd` (gzip or plain), decompressed into an unlinked temporary file; takes `fd`.
    private static func spool(_ fd: Int32, label: String) throws(CommandFailure) -> CorpusReader {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/ingestd-input-XXXXXX".utf8CString)
        let out = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard out >= 0 else {
            close(fd)
            throw CommandFailure(.cannotCreate, "\(label): cannot make a temporary file in \(folder): \(String(cString: strerror(errno)))")
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        // gzread reads gzip (and concatenated members) and passes any other bytes through.
        guard let gz = gzdopen(fd, "rb") else {
            close(fd)
            close(out)
            throw CommandFailure(.ioError, "\(label): cannot read")
        }
        defer { gzclose(gz) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let n = gzread(gz, buffer, UInt32(chunk))
            if n < 0 {
                var code: Int32 = 0
                let message = gzerror(gz, &code).map { String(cString: $0) } ?? "read failed"
                close(out)
                throw CommandFailure(.dataError, "\(label): not valid gzip after \(total) bytes: \(message)")
            }
            if n == 0 {
                // A stream cut short ends like a whole one; only gzerror tells them apart.
                var code: Int32 = 0
                let message = gzerror(gz, &code).map { String(cString: $0) } ?? ""
                if code != Z_OK {
                    close(out)
                    throw CommandFailure(.dataError, "\(label): not valid gzip after \(total) bytes: \(message)")
                }
                break
            }
            total += Int(n)
            guard total <= maxSpoolBytes else {
                close(out)
                throw CommandFailure(.dataError, "\(label): decompresses to more than \(maxSpoolBytes) bytes; refused")
            }
            var written = 0
            while written < Int(n) {
                let w = write(out, buffer + written, Int(n) - written)
                guard w > 0 else {
                    let reason = String(cString: strerror(errno))
                    close(out)
                    throw CommandFailure(.ioError, "\(label): cannot write its decompressed copy in \(folder): \(reason)")
                }
                written += w
            }
        }
        lseek(out, 0, SEEK_SET)
        return CorpusReader(fd: out, label: label)
    }
}
