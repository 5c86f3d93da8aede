import QBankJSON

/// A JSON-RPC 2.0 request id: a number or a string.
public enum RequestID: Hashable, Sendable {
    case int(Int)
    case string(String)

    init?(_ value: JSONValue) {
        if let number = value.integerValue { self = .int(number) } else if let text = value.stringValue { self = .string(text) } else { return nil }
    }

    public var json: JSONValue {
        switch self {
        case .int(let number): .int(number)
        case .string(let text): .string(text)
        }
    }
}

/// A JSON-RPC error, with the codes JSON-RPC and LSP define.
public struct RPCError: Error, Equatable, Sendable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ message: String) -> RPCError { RPCError(code: -32700, message: message) }
    public static func invalidRequest(_ message: String) -> RPCError { RPCError(code: -32600, message: message) }
    public static func methodNotFound(_ method: String) -> RPCError { RPCError(code: -32601, message: "unknown method '\(method)'") }
    public static func invalidParams(_ message: String) -> RPCError { RPCError(code: -32602, message: message) }
    public static func internalError(_ message: String) -> RPCError { RPCError(code: -32603, message: message) }
    public static let serverNotInitialized = RPCError(code: -32002, message: "the server is not initialized: send 'initialize' first")
    /// LSP: the request was valid but could not be carried out (e.g. formatting a file with errors).
    public static func requestFailed(_ message: String) -> RPCError { RPCError(code: -32803, message: message) }
}

/// One incoming JSON-RPC message.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// An answer to a request the server sent (e.g. `client/registerCapability`).
    case response(id: RequestID?)

    /// Reads a message body. Errors carry the request id when one could be read, so the
    /// error answers that request.
    public static func parse(_ body: [UInt8]) -> Result<IncomingMessage, IncomingError> {
        let value: JSONValue
        do { value = try JSONParser.parse(body) } catch {
            return .failure(IncomingError(id: nil, error: .parseError("the message is not JSON: \(error.description)")))
        }
        guard value.objectValue != nil else {
            return .failure(IncomingError(id: nil, error: .invalidRequest("a message must be a JSON object, not \(value.kindDescription)")))
        }
        let id = value["id"].flatMap(RequestID.init)
        if let rawID = value["id"], id == nil, !rawID.isNull {
            return .failure(IncomingError(id: nil, error: .invalidRequest("'id' must be a number or a string")))
        }
        guard value["jsonrpc"]?.stringValue == "2.0" else {
            return .failure(IncomingError(id: id, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        guard let methodValue = value["method"] else {
            if value["result"] != nil || value["error"] != nil { return .success(.response(id: id)) }
            return .failure(IncomingError(id: id, error: .invalidRequest("a message needs a 'method' (or a 'result' or 'error')")))
        }
        guard let method = methodValue.stringValue else {
            return .failure(IncomingError(id: id, error: .invalidRequest("'method' must be a string")))
        }
        let params = value["params"]
        if let params, params.objectValue == nil, params.arrayValue == nil {
            return .failure(IncomingError(id: id, error: .invalidRequest("'params' must be an object or an array")))
        }
        if let id { return .success(.request(id: id, method: method, params: params)) }
        return .success(.notification(method: method, params: params))
    }
}

public struct IncomingError: Error, Sendable {
    public var id: RequestID?
    public var error: RPCError
}

/// Outgoing JSON-RPC messages as JSON text.
public enum OutgoingMessage {
    public static func result(_ result: JSONValue, id: RequestID) -> String {
        JSONValue.object(["jsonrpc": .string("2.0"), "id": id.json, "result": result]).compactText
    }

    public static func error(_ error: RPCError, id: RequestID?) -> String {
        JSONValue.object([
            "jsonrpc": .string("2.0"), "id": id?.json ?? .null,
            "error": .object(["code": .int(error.code), "message": .string(error.message)]),
        ]).compactText
    }

    public static func notification(_ method: String, _ params: JSONValue) -> String {
        JSONValue.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]).compactText
    }

    public static func request(_ method: String, _ params: JSONValue, id: RequestID) -> String {
        JSONValue.object(["jsonrpc": .string("2.0"), "id": id.json, "method": .string(method), "params": params]).compactText
    }
}
