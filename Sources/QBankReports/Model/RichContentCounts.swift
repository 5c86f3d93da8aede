import QBankCore
import QBankMarkdown

/// How many items show candidates code, a table, an exhibit image or a list: what the
/// bank asks of a delivery platform, and whether a domain leans on code-reading items.
public struct RichContentCounts: Sendable, Hashable {
    public var code = 0
    public var tables = 0
    public var images = 0
    public var lists = 0

    init(_ bank: Bank) {
        for file in bank.files {
            for item in file.items { count(item.placedTexts.map(\.value)) }
            for study in file.cases {
                for item in study.items { count([study.scenario.value] + item.placedTexts.map(\.value)) }
            }
        }
    }

    private mutating func count(_ texts: [String]) {
        let blocks = texts.filter(ProseProjection.mayHoldBlocks).flatMap { MarkdownReader.read($0).blocks }
        let rich = RichText(blocks)
        if rich.hasCode { code += 1 }
        if rich.hasTable { tables += 1 }
        if !rich.images.isEmpty { images += 1 }
        if blocks.contains(where: { if case .list = $0 { true } else { false } }) { lists += 1 }
    }
}
