/// LSP base protocol framing: `Content-Length: N\r\n\r\n` then N bytes of JSON.
///
/// The reader never gives up on a bad frame: a header line that is not `Name: value`,
/// a header block without a usable `Content-Length`, or a body that ends early is
/// reported as `.malformed` (the server answers with a JSON-RPC error) and reading
/// goes on with the next line.
public struct FrameReader: Sendable {
    public enum Frame: Equatable, Sendable {
        case message([UInt8])
        case malformed(String)
        case end
    }

    /// Bodies beyond this are refused (and skipped), so a bad length cannot exhaust memory.
    public static let maximumBodySize = 64 << 20
    /// A header line longer than this is refused: it cannot be a header.
    public static let maximumHeaderLineSize = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private let readChunk: @Sendable () -> [UInt8]?

    /// - Parameter readChunk: the next bytes of input, or nil at the end of input.
    public init(readChunk: @escaping @Sendable () -> [UInt8]?) { self.readChunk = readChunk }

    public mutating func next() -> Frame {
        var length: Int?
        var sawHeader = false
        while true {
            guard let line = nextLine() else {
                return sawHeader ? .malformed("the input ended inside a message header") : .end
            }
            if let problem = line.problem { return .malformed(problem) }
            if line.text.isEmpty {
                guard sawHeader else { continue } // stray blank lines between messages
                guard let length else { return .malformed("message header without a Content-Length") }
                guard length <= Self.maximumBodySize else {
                    skip(length)
                    return .malformed("message of \(length) bytes is larger than the \(Self.maximumBodySize)-byte limit")
                }
                guard let body = take(length) else { return .malformed("the input ended \(length) bytes into a message body") }
                return .message(body)
            }
            guard let colon = line.text.firstIndex(of: ":") else {
                return .malformed("not a message header: '\(line.text.prefix(60))'")
            }
            sawHeader = true
            let name = line.text[..<colon].trimmingSpaces().lowercased()
            let value = line.text[line.text.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard let parsed = Int(value), parsed >= 0 else { return .malformed("Content-Length '\(value)' is not a byte count") }
                length = parsed
            }
            // Content-Type and unknown headers are accepted and ignored (the body is UTF-8 JSON).
        }
    }

    private struct Line {
        var text: String
        var problem: String?
    }

    /// The next line without its `\r\n` (a bare `\n` is accepted too).
    private mutating func nextLine() -> Line? {
        var scanned = start
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let bytes = buffer[start..<end]
                start = newline + 1
                compact()
                if bytes.count > Self.maximumHeaderLineSize { return Line(text: "", problem: "a header line of \(bytes.count) bytes is not a header") }
                return Line(text: String(decoding: bytes, as: UTF8.self))
            }
            scanned = buffer.count
            guard fill() else {
                guard start < buffer.count else { return nil }
                let rest = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return Line(text: "", problem: "the input ended inside a header line: '\(rest.prefix(60))'")
            }
        }
    }

    private mutating func take(_ count: Int) -> [UInt8]? {
        while buffer.count - start < count { guard fill() else { start = buffer.count; return nil } }
        let body = Array(buffer[start..<start + count])
        start += count
        compact()
        return body
    }

    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0 {
            let available = min(left, buffer.count - start)
            start += available
            left -= available
            compact()
            if left > 0, !fill() { return }
        }
    }

    private mutating func fill() -> Bool {
        guard !finished, let chunk = readChunk(), !chunk.isEmpty else { finished = true; return false }
        buffer += chunk
        return true
    }

    /// Drops consumed bytes once they are the larger part of the buffer.
    private mutating func compact() {
        if start > 4096 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

/// Frames one JSON body for the output stream.
public enum FrameWriter {
    public static func frame(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        return Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
