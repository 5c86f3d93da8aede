import Foundation
import QBankJSON

/// What a language server implements; the loop handles framing, JSON-RPC and the
/// lifecycle (`initialize`, `shutdown`, `exit`) around it.
public protocol LanguageServerHandler: AnyObject {
    /// Answers `initialize`: the result's `capabilities` and `serverInfo`.
    func initialize(_ params: JSONValue?) throws(RPCError) -> JSONValue
    /// Answers a request other than the lifecycle ones.
    func request(_ method: String, _ params: JSONValue?) throws(RPCError) -> JSONValue
    /// Takes a notification; unknown ones are ignored, as LSP asks.
    func notification(_ method: String, _ params: JSONValue?)
    /// Called when no message is waiting: the time for work that later messages would
    /// make stale (linting after a burst of keystrokes).
    func idle()
}

/// Sends messages to the client; safe from any thread.
public final class MessageSink: @unchecked Sendable {
    private let write: ([UInt8]) -> Void
    private let lock = NSLock()
    private var nextID = 0

    public init(write: @escaping ([UInt8]) -> Void) { self.write = write }

    public func send(_ json: String) {
        lock.lock()
        defer { lock.unlock() }
        write(FrameWriter.frame(json))
    }

    public func notify(_ method: String, _ params: JSONValue) { send(OutgoingMessage.notification(method, params)) }

    /// Sends a request to the client; its answer is read and ignored.
    public func request(_ method: String, _ params: JSONValue) {
        lock.lock()
        nextID += 1
        let id = RequestID.string("qbank-\(nextID)")
        lock.unlock()
        send(OutgoingMessage.request(method, params, id: id))
    }
}

/// Runs a server over a byte stream until `exit` or the end of input.
///
/// Input is read on its own thread into a queue, so the server can tell when no
/// message is waiting (`idle`) and lint once after a burst of changes instead of
/// after every keystroke.
public final class LanguageServerLoop: @unchecked Sendable {
    private let handler: LanguageServerHandler
    private let sink: MessageSink
    private let queue = FrameQueue()
    private var initialized = false
    private var shutdownRequested = false

    public init(handler: LanguageServerHandler, sink: MessageSink) {
        self.handler = handler
        self.sink = sink
    }

    /// Reads frames from `reader` on a background thread and handles them on this one.
    /// Returns the process exit code LSP asks for: 0 after `shutdown` then `exit`, else 1.
    public func run(reading reader: FrameReader) -> Int32 {
        let queue = self.queue
        let thread = Thread {
            var reader = reader
            while true {
                let frame = reader.next()
                queue.push(frame)
                if frame == .end { return }
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
        while true {
            if queue.isEmpty { handler.idle() }
            switch queue.pop() {
            case .end: return shutdownRequested ? 0 : 1
            case .malformed(let reason): sink.send(OutgoingMessage.error(.parseError(reason), id: nil))
            case .message(let body):
                if let code = handle(body) { return code }
            }
        }
    }

    /// True when a message is waiting, for handlers that want to stop long work early.
    public var hasPendingInput: Bool { !queue.isEmpty }

    /// Handles one message body; returns an exit code when the message was `exit`.
    public func handle(_ body: [UInt8]) -> Int32? {
        switch IncomingMessage.parse(body) {
        case .failure(let failure):
            sink.send(OutgoingMessage.error(failure.error, id: failure.id))
        case .success(.response):
            break
        case .success(.notification(let method, let params)):
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            guard initialized, !shutdownRequested, !method.hasPrefix("$/") else { return nil }
            handler.notification(method, params)
        case .success(.request(let id, let method, let params)):
            do {
                let result = try answer(method, params)
                sink.send(OutgoingMessage.result(result, id: id))
            } catch {
                sink.send(OutgoingMessage.error(error, id: id))
            }
        }
        return nil
    }

    private func answer(_ method: String, _ params: JSONValue?) throws(RPCError) -> JSONValue {
        if shutdownRequested { throw .invalidRequest("the server is shutting down: only 'exit' is accepted") }
        switch method {
        case "initialize":
            guard !initialized else { throw .invalidRequest("'initialize' was already sent") }
            let result = try handler.initialize(params)
            initialized = true
            return result
        case _ where !initialized:
            throw .serverNotInitialized
        case "shutdown":
            shutdownRequested = true
            return .null
        default:
            return try handler.request(method, params)
        }
    }
}

/// Frames waiting to be handled, filled by the reading thread.
final class FrameQueue: @unchecked Sendable {
    private var frames: [FrameReader.Frame] = []
    private var head = 0
    private let condition = NSCondition()

    func push(_ frame: FrameReader.Frame) {
        condition.lock()
        frames.append(frame)
        condition.signal()
        condition.unlock()
    }

    func pop() -> FrameReader.Frame {
        condition.lock()
        defer { condition.unlock() }
        while head == frames.count { condition.wait() }
        let frame = frames[head]
        head += 1
        if head > 1024 {
            frames.removeFirst(head)
            head = 0
        }
        return frame
    }

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == frames.count
    }
}
