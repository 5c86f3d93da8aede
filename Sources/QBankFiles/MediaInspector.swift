import Foundation
import QBankCore
import QBankMarkdown

/// Finds the image files a bank file's texts name (relative to the bank file's folder)
/// and records what they are, so media rules and exporters need no file access.
public enum MediaInspector {
    /// Files past this size are not read whole: the oversize rule already refuses them.
    static let readLimit = 64 << 20

    public static func attach(to file: inout BankFile, folder: String) {
        // Only items that may name an image have their texts listed.
        func mayNameImage(_ item: Item) -> Bool { item.containsText(where: MarkdownReader.mayNameImage) }
        var texts = file.items.filter(mayNameImage).flatMap(\.placedTexts)
        for study in file.cases { texts += [study.placedScenario] + study.items.filter(mayNameImage).flatMap(\.placedTexts) }
        for text in texts where MarkdownReader.mayNameImage(text.value) {
            for image in MarkdownReader.read(text.value).images where file.media[image.source] == nil {
                guard !image.source.isEmpty, MediaFile.outsideBankReason(image.source) == nil else { continue }
                let relative = image.source.removingPercentEncoding ?? image.source
                file.media[image.source] = inspect(folder.isEmpty ? relative : folder + "/" + relative)
            }
        }
    }

    static func inspect(_ path: String) -> MediaFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return .missing }
        guard size <= readLimit, let data = FileManager.default.contents(atPath: path) else { return MediaFile(exists: true, byteCount: size) }
        let bytes = [UInt8](data)
        let kind = MediaFile.kind(of: bytes)
        let problems = kind == .svg ? svgProblems(String(decoding: bytes, as: UTF8.self)) : []
        return MediaFile(exists: true, byteCount: size, kind: kind, svgProblems: problems, bytes: bytes)
    }

    /// What a browser or LMS would run or fetch from an SVG: scripts, event handlers,
    /// embedded HTML, entity declarations, and references that are not fragment-local (`#id`).
    static func svgProblems(_ svg: String) -> [String] {
        let lowered = svg.lowercased()
        var problems: [String] = []
        if lowered.contains("<script") { problems.append("a <script> element") }
        if lowered.contains("<foreignobject") { problems.append("a <foreignObject> element") }
        if lowered.contains("<!entity") || lowered.contains("<!doctype") { problems.append("a DOCTYPE or entity declaration") }
        if lowered.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { problems.append("an event-handler attribute (on…=)") }
        for pattern in [#"href\s*=\s*["']\s*([^"'#\s][^"']*)["']"#, #"url\(\s*["']?\s*([^#"'\s)][^)"']*)"#, #"@import"#] {
            if let range = lowered.range(of: pattern, options: .regularExpression) {
                problems.append("an external reference (\(svg[range].prefix(60)))")
            }
        }
        return problems
    }
}
