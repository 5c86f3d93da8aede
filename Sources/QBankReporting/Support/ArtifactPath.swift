/// Turns a diagnostic's file into what SARIF and GitHub want: a path relative to the
/// repository root, or, for a file outside it, an absolute `file://` URI (never a
/// bare absolute path, which GitHub cannot place and SARIF forbids as a relative ref).
struct ArtifactPath: Sendable, Equatable {
    /// Repo-relative path (`banks/a.xml`), or nil when the file is outside the root.
    var relative: String?
    /// The normalized absolute path, when it is known.
    var absolute: String?
    /// The file as the user named it.
    var original: String

    init(_ file: String, root: String?, workingDirectory: String?) {
        original = file
        let root = root.map(ArtifactPath.normalize).flatMap { $0.hasPrefix("/") ? $0 : nil }
        if file.hasPrefix("/") {
            absolute = ArtifactPath.normalize(file)
        } else if let cwd = workingDirectory.map(ArtifactPath.normalize), cwd.hasPrefix("/") {
            absolute = ArtifactPath.normalize(cwd + "/" + file)
        } else {
            // No anchor: a relative path is taken to be relative to the root already.
            guard let root else { relative = ArtifactPath.normalize(file); return }
            absolute = ArtifactPath.normalize(root + "/" + file)
        }
        if let absolute, let root { relative = ArtifactPath.strip(root, from: absolute) }
    }

    /// SARIF `artifactLocation`: repo-relative against `%SRCROOT%`, else a `file://` URI.
    var sarifArtifactLocation: JSONValue {
        if let relative { return ["uri": .string(ArtifactPath.percentEncode(relative)), "uriBaseId": "%SRCROOT%"] }
        if let absolute { return ["uri": .string(ArtifactPath.fileURI(absolute))] }
        return ["uri": .string(ArtifactPath.percentEncode(original))]
    }

    /// The path GitHub annotations should name: repo-relative when possible.
    var workflowPath: String { relative ?? original }

    /// The root as a `file://` URI ending in `/`, as SARIF requires of `originalUriBaseIds`.
    static func rootURI(_ root: String?) -> String? {
        guard let root = root.map(normalize), root.hasPrefix("/") else { return nil }
        return fileURI(root == "/" ? "/" : root + "/")
    }

    static func fileURI(_ absolute: String) -> String { "file://" + percentEncode(absolute) }

    /// Resolves `.`, `..` and repeated slashes without touching the file system.
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", isAbsolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    private static func strip(_ root: String, from absolute: String) -> String? {
        let prefix = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// RFC 3986 path encoding: unreserved characters, `/` and sub-delimiters stay; the
    /// rest (space, `%`, `#`, `?`, `:`, non-ASCII as UTF-8) is percent-encoded.
    static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~/!$&'()*+,;=@".utf8.contains(byte):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
