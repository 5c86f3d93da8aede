import Foundation
import QBankFiles

/// The exit codes of DESIGN.md; scripts and CI gates depend on them.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
    static let internalError: Int32 = 3
}

/// Errors the commands report to the user and exit on.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    /// The input is readable but what was asked cannot be done (e.g. infeasible forms): exit 1.
    case findings(String)
    case files(FilesError)
    case internalError(String)

    var exitCode: Int32 {
        switch self {
        case .findings: ExitStatus.findings
        case .usage, .files: ExitStatus.usage
        case .internalError: ExitStatus.internalError
        }
    }

    var description: String {
        switch self {
        case .usage(let message), .findings(let message): message
        case .files(let error): error.description
        case .internalError(let message): "internal error: \(message) (this is a bug; please report it)"
        }
    }
}

/// Progress and logs go to stderr so that reports on stdout stay machine-readable.
enum Log {
    static func info(_ message: String) {
        Console.err("\(message)\n")
    }
}
