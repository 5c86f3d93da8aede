import QBankLSP
import Testing

/// Feeds `input` to a reader in chunks of `chunk` bytes, so frames split across reads are covered.
private func frames(_ input: String, chunk: Int = 7) -> [FrameReader.Frame] {
    final class Source: @unchecked Sendable {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let source = Source(Array(input.utf8))
    var reader = FrameReader {
        guard !source.bytes.isEmpty else { return nil }
        let piece = Array(source.bytes.prefix(chunk))
        source.bytes.removeFirst(piece.count)
        return piece
    }
    var found: [FrameReader.Frame] = []
    while true {
        let frame = reader.next()
        found.append(frame)
        if frame == .end { return found }
    }
}

@Suite struct FrameReaderTests {
    @Test func readsConsecutiveMessagesSplitAcrossReads() {
        let input = "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 7\r\n\r\n[1,2,3]"
        #expect(frames(input) == [.message(Array("{}".utf8)), .message(Array("[1,2,3]".utf8)), .end])
        #expect(frames(input, chunk: 1) == frames(input, chunk: 1000))
    }

    @Test func countsBytesNotCharacters() {
        let body = "{\"a\":\"é😀\"}"
        #expect(frames("Content-Length: \(body.utf8.count)\r\n\r\n\(body)") == [.message(Array(body.utf8)), .end])
    }

    @Test func reportsMalformedHeadersAndRecovers() {
        let input = "garbage line\r\nContent-Length: abc\r\n\r\nX-Other: 1\r\n\r\nContent-Length: 2\r\n\r\n{}"
        let found = frames(input)
        #expect(found.count == 5)
        guard found.count == 5 else { return }
        #expect(found[0] == .malformed("not a message header: 'garbage line'"))
        #expect(found[1] == .malformed("Content-Length 'abc' is not a byte count"))
        #expect(found[2] == .malformed("message header without a Content-Length"))
        #expect(found[3] == .message(Array("{}".utf8)))
    }

    @Test func reportsATruncatedBody() {
        #expect(frames("Content-Length: 10\r\n\r\n{}") == [.malformed("the input ended 10 bytes into a message body"), .end])
    }

    @Test func refusesAnOversizedBody() {
        let found = frames("Content-Length: 999999999999\r\n\r\n{}", chunk: 100)
        #expect(found.first == .malformed("message of 999999999999 bytes is larger than the \(FrameReader.maximumBodySize)-byte limit"))
        #expect(found.last == .end)
    }

    @Test func framesOutgoingMessagesByUTF8Length() {
        #expect(FrameWriter.frame("{\"x\":\"é\"}") == Array("Content-Length: 10\r\n\r\n{\"x\":\"é\"}".utf8))
    }
}
