import QBankJSON
import QBankLSP
import Testing

/// A handler that echoes, to test the loop's JSON-RPC and lifecycle handling.
private final class EchoHandler: LanguageServerHandler {
    var notifications: [String] = []
    func initialize(_ params: JSONValue?) throws(RPCError) -> JSONValue { .object(["capabilities": .object([:])]) }
    func request(_ method: String, _ params: JSONValue?) throws(RPCError) -> JSONValue {
        guard method == "echo" else { throw .methodNotFound(method) }
        return params ?? .null
    }
    func notification(_ method: String, _ params: JSONValue?) { notifications.append(method) }
    func idle() {}
}

private final class Output: @unchecked Sendable {
    var messages: [JSONValue] = []
    /// Each write is one frame; keep its parsed body.
    func take(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return }
        messages.append(try! JSONParser.parse(String(text[split.upperBound...])))
    }
}

private func session(_ bodies: [String]) -> (code: Int32, replies: [JSONValue], handler: EchoHandler) {
    let output = Output()
    let handler = EchoHandler()
    let loop = LanguageServerLoop(handler: handler, sink: MessageSink(write: output.take))
    var code: Int32 = -1
    for body in bodies {
        if let exit = loop.handle(Array(body.utf8)) { code = exit; break }
    }
    return (code, output.messages, handler)
}

@Suite struct LanguageServerLoopTests {
    let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#

    @Test func answersMalformedMessagesWithErrorsAndKeepsGoing() {
        let result = session([
            "not json", "[1]", #"{"jsonrpc":"2.0","id":{"x":1},"method":"echo"}"#, #"{"jsonrpc":"1.0","id":7,"method":"echo"}"#,
            #"{"jsonrpc":"2.0","id":8,"method":3}"#, initialize, #"{"jsonrpc":"2.0","id":9,"method":"echo","params":{"a":1}}"#,
        ])
        let codes = result.replies.map { $0["error"]?["code"]?.integerValue }
        #expect(codes == [-32700, -32600, -32600, -32600, -32600, nil, nil])
        #expect(result.replies[3]["id"]?.integerValue == 7)
        #expect(result.replies[6]["result"]?["a"]?.integerValue == 1)
    }

    @Test func refusesRequestsBeforeInitialize() {
        let result = session([#"{"jsonrpc":"2.0","id":1,"method":"echo"}"#, #"{"jsonrpc":"2.0","method":"note"}"#])
        #expect(result.replies.first?["error"]?["code"]?.integerValue == -32002)
        #expect(result.handler.notifications.isEmpty)
    }

    @Test func unknownMethodsAreMethodNotFound() {
        let result = session([initialize, #"{"jsonrpc":"2.0","id":"a","method":"nope"}"#])
        #expect(result.replies.last?["error"]?["code"]?.integerValue == -32601)
        #expect(result.replies.last?["id"]?.stringValue == "a")
    }

    @Test func exitsZeroOnlyAfterShutdown() {
        let clean = session([initialize, #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
                             #"{"jsonrpc":"2.0","id":3,"method":"echo"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#])
        #expect(clean.code == 0)
        #expect(clean.replies.last?["error"]?["code"]?.integerValue == -32600)
        #expect(session([initialize, #"{"jsonrpc":"2.0","method":"exit"}"#]).code == 1)
    }

    @Test func runsOverAByteStreamWithMalformedFrames() {
        let output = Output()
        let loop = LanguageServerLoop(handler: EchoHandler(), sink: MessageSink(write: output.take))
        let frames = ["Content-Length: x\r\n\r\n"] + [initialize, #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#]
            .map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }
        final class Once: @unchecked Sendable { var data: [UInt8]?; init(_ d: [UInt8]) { data = d } }
        let once = Once(Array(frames.joined().utf8))
        let code = loop.run(reading: FrameReader { defer { once.data = nil }; return once.data })
        #expect(code == 0)
        #expect(output.messages.first?["error"]?["code"]?.integerValue == -32700)
        #expect(output.messages.count == 3)
    }
}
