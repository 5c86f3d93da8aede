/// The formats `qbank import` reads. `qbank export` writes QTI 3.0, QTI 2.1 and
/// Moodle XML (see `ExportFormat`).
public enum InterchangeFormat: String, Sendable, CaseIterable {
    /// qbank's own XML bank files (`urn:qbank:bank:1`).
    case xml
    /// qbank's own JSON bank files.
    case json
    /// QTI 2.1, 2.2 or 3.0 item files and content packages (.zip with imsmanifest.xml); QTI 1.2 (Canvas, text2qti).
    case qti
    case moodle
    case gift
    case aiken
    case csv
    /// `### stem` + `- [x]` options, numbered practice-exam lists with lettered options, and text2qti quizzes.
    case markdown

    /// The format a file is in, from its extension and, for ambiguous ones (.xml,
    /// .txt), its first bytes. Nil when nothing fits: the user passes `--from`.
    public static func detect(path: String, bytes: [UInt8]) -> InterchangeFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".zip") { return .qti }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".gift") || lower.hasSuffix(".gift.txt") { return .gift }
        if lower.hasSuffix(".aiken") || lower.hasSuffix(".aiken.txt") { return .aiken }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if lower.hasSuffix(".xml") {
            if head.contains("urn:qbank:bank:1") { return .xml }
            if head.contains("<quiz") || head.contains("<question") { return .moodle }
            if head.contains("assessmentItem") || head.contains("qti-assessment-item") || head.contains("questestinterop")
                || head.contains("imsmanifest") || head.contains("<manifest") || head.contains("assessmentTest")
                || head.contains("qti-assessment-test") { return .qti }
            return nil
        }
        if lower.hasSuffix(".txt") {
            if head.range(of: #"(?m)^\s*ANSWER\s*:"#, options: .regularExpression) != nil { return .aiken }
            if head.contains("{") && head.contains("}") { return .gift }
            if head.range(of: #"(?m)^\s*\*?[a-zA-Z]\)\s"#, options: .regularExpression) != nil { return .markdown }
        }
        return nil
    }
}

/// The formats `qbank export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case qti3
    case qti21
    case moodle
}
