/// Why files could not be found, read or written. Each becomes exit code 2 in the CLI.
public enum FilesError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such file or folder; check the path"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .unwritable(let path, let reason):
            "\(path): cannot write: \(reason); check the folder exists and is writable"
        }
    }
}
