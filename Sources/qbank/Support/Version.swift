/// qbank's version, the one place it is set: `qbank --version` prints it and lint reports (SARIF,
/// JSON, JUnit) carry it. Scripts/release.sh reads `number` for the archive's name and stamps
/// `build` with the commit it built from while it builds; a build from source says `dev`.
enum Version {
    static let number = "0.1.0"
    static let build = "dev"
    /// Semantic version with build metadata, e.g. `0.1.0+a9d3a9c`.
    static let text = "\(number)+\(build)"
}
