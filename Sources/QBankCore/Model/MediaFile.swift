/// An image file a text refers to, as the loader found it (QBankCore reads no files).
public struct MediaFile: Hashable, Sendable {
    /// The four types every delivery format shows, told by the file's first bytes.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case png, jpeg, gif, svg

        public var mimeType: String {
            switch self {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .gif: "image/gif"
            case .svg: "image/svg+xml"
            }
        }
    }

    public var exists: Bool
    public var byteCount: Int
    /// Nil when the content is none of the four types.
    public var kind: Kind?
    /// For SVG: what makes it unsafe to show (scripts, event handlers, external references).
    public var svgProblems: [String]
    /// The file's content, for exporters that put media in their packages.
    public var bytes: [UInt8]

    public init(exists: Bool, byteCount: Int = 0, kind: Kind? = nil, svgProblems: [String] = [], bytes: [UInt8] = []) {
        self.exists = exists
        self.byteCount = byteCount
        self.kind = kind
        self.svgProblems = svgProblems
        self.bytes = bytes
    }

    public static let missing = MediaFile(exists: false)

    /// The name packages and imports give the file: FNV-1a (64 bits) of its bytes in hex, with
    /// its type's extension. The same picture under two paths travels once; names never clash.
    public static func contentName(_ bytes: [UInt8], _ kind: Kind) -> String {
        StableHash.hex(StableHash.fnv1a64(bytes: bytes)) + "." + kind.rawValue
    }

    /// The type told by the content's signature.
    public static func kind(of bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("<svg") ? .svg : nil
    }

    /// Why an image path cannot be a file of the bank, or nil when it can: a relative path
    /// that stays below the bank file's folder.
    public static func outsideBankReason(_ path: String) -> String? {
        let lowered = path.lowercased()
        if let colon = lowered.firstIndex(of: ":"), lowered[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
           lowered.distance(from: lowered.startIndex, to: colon) > 1 {
            return "a URL"
        }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") || (path.count > 1 && Array(path)[1] == ":") { return "an absolute path" }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") { return "a path that leaves the bank file's folder" }
        return nil
    }

    /// Whether `path` is a URL (the only outside reference a project may allow).
    public static func isURL(_ path: String) -> Bool { outsideBankReason(path) == "a URL" }
}
