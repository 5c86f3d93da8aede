import Foundation
import QBankCore
import QBankInterchange
import QBankJSON
import QBankXML
import Testing

/// Issue #12: items whose text is hostile (control characters, bidirectional marks, combining marks, astral-plane
/// characters, markup look-alikes, a megabyte string) survive every writer: the bank writers read back to the same
/// model, the candidate-facing exporters to the same delivered items, and no writer produces a file its reader refuses.
/// Generation is seeded, so a failure names a seed that reproduces it.
@Suite struct HostileTextPropertyTests {
    /// Pieces hostile text is made of. All are characters XML 1.0 allows; the forbidden ones are tested apart.
    /// Marks that extend a grapheme follow a base character, and white space is ASCII: `TextNormalization` collapses
    /// non-ASCII white space (and drops a mark that follows white space) only in multi-paragraph text, so those
    /// would differ by normalisation path, not by writer.
    static let pieces: [String] = [
        "\t", "\n", "\r\n", "\r", "\u{7F}", "\u{9F}", "\u{FEFF}",
        "\u{200F}", "\u{202E}", "\u{2066}", "\u{2069}", "x\u{200D}", "\u{061C}",  // bidirectional and joiners
        "e\u{301}", "<\u{301}", "&\u{301}", ">\u{20DD}", "a\u{301}\u{302}\u{303}\u{304}\u{305}", "o\u{20DD}",  // combining
        "😀", "👩🏽‍💻", "𝔘", "\u{10FFFF}", "f\u{E0001}", "\u{1D11E}", "\u{FFFD}",  // astral plane, tags, specials
        "&", "<", ">", "\"", "'", "&amp;", "&#1;", "]]>", "<!--", "<![CDATA[x]]>", "<b>", "\\", "$", "{", "}",
        "*", "_", "`", "#", "[x](y)", "|", "~", "=", "%", "ok",
        "שלום", "مرحبا", "日本語", "한국어", " ", "  ",
    ]

    /// The pieces that are no Markdown or HTML syntax once put together in one line: since issue #13 item text is
    /// Markdown, so `*`, `_`, `` ` ``, `[x](y)`, `<b>`, `&amp;`, line breaks and the like are rendered on export and
    /// come back as their rendering. These must come back exactly: a "<" or "&" carrying a combining mark is still
    /// escaped (scalar by scalar), and every other character is kept.
    static let plainPieces: [String] = [
        "\u{7F}", "\u{9F}", "\u{FEFF}",
        "\u{200F}", "\u{202E}", "\u{2066}", "\u{2069}", "x\u{200D}", "\u{061C}",
        "e\u{301}", "<\u{301}", "&\u{301}", ">\u{20DD}", "a\u{301}\u{302}\u{303}\u{304}\u{305}", "o\u{20DD}",
        "😀", "👩🏽‍💻", "𝔘", "\u{10FFFF}", "f\u{E0001}", "\u{1D11E}", "\u{FFFD}",
        "&", "\"", "'", "]]>", "$", "{", "}", "=", "%", "ok",
        "שלום", "مرحبا", "日本語", "한국어", " ",
    ]

    /// Hostile text as a reader would hand it over: `TextNormalization` applied (white space runs collapsed), so
    /// "the same model" is a model a reader can produce.
    static func hostile(_ random: inout SeededRandom, length: Int, from pieces: [String] = pieces) -> String {
        var text = "Q"
        for _ in 0..<length { text += pieces.randomElement(using: &random)! }
        return TextNormalization.normalize(text + "?")
    }

    /// The sample bank with every text field replaced by hostile text (one item per file gets a megabyte stem).
    static func hostileContent(seed: UInt64, megabyte: Bool, pieces: [String] = pieces) throws -> ExportContent {
        var random = SeededRandom(seed: seed)
        let sample = try Interchange.sampleContent()
        func hostile(_ random: inout SeededRandom, length: Int) -> String { Self.hostile(&random, length: length, from: pieces) }
        func rewrite(_ item: Item) -> Item {
            var copy = item
            copy.stem.value = hostile(&random, length: 12)
            copy.tags = copy.tags.map { _ in "tag-" + String(Int.random(in: 0...99, using: &random)) }
            switch copy.body {
            case .choice(var body):
                for index in body.options.indices {
                    body.options[index].text.value = hostile(&random, length: 6)
                    body.options[index].rationale = body.options[index].rationale.map { _ in hostile(&random, length: 6) }
                }
                copy.body = .choice(body)
            case .ordering(var steps):
                for index in steps.indices { steps[index].text.value = hostile(&random, length: 6) }
                copy.body = .ordering(steps)
            case .matching(var body):
                for index in body.prompts.indices { body.prompts[index].text.value = hostile(&random, length: 6) }
                for index in body.responses.indices { body.responses[index].text.value = hostile(&random, length: 6) }
                copy.body = .matching(body)
            }
            return copy
        }
        var items = sample.items.prefix(40).map(rewrite)
        if megabyte { items[0].stem.value = String(repeating: "Ωé😀 ", count: 1 << 18) + hostile(&random, length: 1 << 14) }
        let cases = sample.cases.prefix(2).map { study -> CaseStudy in
            var copy = study
            copy.scenario.value = hostile(&random, length: 20)
            copy.title = copy.title.map { _ in hostile(&random, length: 4) }
            copy.items = study.items.map(rewrite)
            return copy
        }
        return ExportContent(title: "Hostile", identifier: "hostile", items: items, cases: cases)
    }

    static func bankFile(_ content: ExportContent, path: String) -> BankFile {
        BankFile(path: path, items: content.items, cases: content.cases)
    }

    @Test(arguments: [(UInt64(1), true), (2, false), (3, false), (4, false), (5, false)])
    func bankWritersReadBackTheSameModel(_ seed: UInt64, _ megabyte: Bool) throws {
        let content = try Self.hostileContent(seed: seed, megabyte: megabyte)
        let file = Self.bankFile(content, path: "hostile.xml")
        let xml = XMLBankReader().read(Array(XMLBankWriter().write(file).utf8), path: "hostile.xml")
        #expect(xml.diagnostics.isEmpty, "seed \(seed): \(xml.diagnostics.prefix(3).map(\.message))")
        #expect(xml.file?.items == file.items, "seed \(seed): XML \(Self.firstDifference(xml.file?.items ?? [], file.items) ?? "")")
        #expect(xml.file?.cases == file.cases, "seed \(seed): XML cases differ")
        let json = JSONBankReader().read(Array(JSONBankWriter().write(file).utf8), path: "hostile.json")
        #expect(json.diagnostics.isEmpty, "seed \(seed): \(json.diagnostics.prefix(3).map(\.message))")
        #expect(json.file?.items == file.items, "seed \(seed): JSON \(Self.firstDifference(json.file?.items ?? [], file.items) ?? "")")
        #expect(json.file?.cases == file.cases, "seed \(seed): JSON cases differ")
    }

    /// Every piece, Markdown syntax included: the exports are files their importer reads without a problem.
    @Test(arguments: [QTIVersion.v30, .v21], [UInt64(1), 2, 3])
    func qtiPackagesOfAnyTextAreRead(_ version: QTIVersion, _ seed: UInt64) throws {
        let content = try Self.hostileContent(seed: seed, megabyte: seed == 1)
        let files = try QTIExporter(version: version).export(content)
        let zip = try ZipPackage.write(files.map { ($0.path, $0.bytes) })
        let result = QTIImporter().importItems(from: ImportSource(path: "hostile.zip", bytes: zip))
        #expect(result.problems.isEmpty, "seed \(seed): \(result.problems.prefix(3).map(\.reason))")
        #expect(result.file.items.count == content.items.count && result.file.cases.count == content.cases.count)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func moodleFilesOfAnyTextAreRead(_ seed: UInt64) throws {
        let content = try Self.hostileContent(seed: seed, megabyte: seed == 1)
        let file = try MoodleExporter().export(content)[0]
        let result = MoodleImporter().importItems(from: ImportSource(path: "hostile.moodle.xml", bytes: file.bytes))
        #expect(result.problems.isEmpty, "seed \(seed): \(result.problems.prefix(3).map(\.reason))")
        #expect(result.file.items.count == content.items.count)
    }

    /// Text without Markdown syntax comes back exactly (`plainPieces`).
    @Test(arguments: [QTIVersion.v30, .v21], [UInt64(1), 2, 3])
    func qtiPackagesReadBackTheDeliveredItems(_ version: QTIVersion, _ seed: UInt64) throws {
        let content = try Self.hostileContent(seed: seed, megabyte: seed == 1, pieces: Self.plainPieces)
        let files = try QTIExporter(version: version).export(content)
        let zip = try ZipPackage.write(files.map { ($0.path, $0.bytes) })
        let result = QTIImporter().importItems(from: ImportSource(path: "hostile.zip", bytes: zip))
        #expect(result.problems.isEmpty, "seed \(seed): \(result.problems.prefix(3).map(\.reason))")
        let expected = content.items.map { Interchange.delivered($0) }
        #expect(result.file.items == expected, "seed \(seed): \(Self.firstDifference(result.file.items, expected) ?? "")")
        #expect(result.file.cases == content.cases.map { Interchange.delivered($0) }, "seed \(seed): cases differ")
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func moodleReadsBackTheDeliveredItems(_ seed: UInt64) throws {
        let content = try Self.hostileContent(seed: seed, megabyte: seed == 1, pieces: Self.plainPieces)
        let file = try MoodleExporter().export(content)[0]
        let result = MoodleImporter().importItems(from: ImportSource(path: "hostile.moodle.xml", bytes: file.bytes))
        #expect(result.problems.isEmpty, "seed \(seed): \(result.problems.prefix(3).map(\.reason))")
        let expected = content.items.map { MoodleRoundTripTests.renumbered(Interchange.delivered($0, keepTags: true)) }
        #expect(result.file.items.map(MoodleRoundTripTests.renumbered) == expected,
                "seed \(seed): \(Self.firstDifference(result.file.items.map(MoodleRoundTripTests.renumbered), expected) ?? "")")
    }

    /// Text with a character XML 1.0 forbids never reaches a writer from a reader; if a model holds one anyway, each
    /// bank reader refuses the written file at a position instead of reading something else.
    @Test(arguments: [0x01, 0x08, 0x0B, 0x1B, 0x1F, 0xFFFE, 0xFFFF] as [UInt32])
    func forbiddenCharactersAreReportedAtTheirPosition(_ value: UInt32) throws {
        let hostile = try Self.hostileContent(seed: 9, megabyte: false)
        var items = hostile.items
        items[3].stem.value = "Which value\(Character(Unicode.Scalar(value)!)) is right?"
        let content = ExportContent(title: hostile.title, identifier: hostile.identifier, items: items, cases: hostile.cases)
        let file = Self.bankFile(content, path: "forbidden")
        let json = JSONBankReader().read(Array(JSONBankWriter().write(file).utf8), path: "forbidden.json")
        #expect(json.file == nil && json.diagnostics.first?.ruleID == "QB001")
        #expect(json.diagnostics.first?.message.contains(XMLCharacters.name(Unicode.Scalar(value)!)) == true)
        #expect((json.diagnostics.first?.location.line ?? 0) > 1)
        let xml = XMLBankReader().read(Array(XMLBankWriter().write(file).utf8), path: "forbidden.xml")
        #expect(xml.file == nil || !xml.diagnostics.isEmpty)
        #expect(xml.diagnostics.allSatisfy { $0.location.line >= 1 })
        var result = ImportResult(path: "source", items: content.items)
        result.skipForbiddenCharacters()
        #expect(result.skipped == 1 && result.imported == content.items.count - 1)
    }

    /// The first place two values differ (by reflection), for messages that say what a writer lost.
    static func firstDifference(_ a: Any, _ b: Any, path: String = "") -> String? {
        if let x = a as? String, let y = b as? String {
            guard x != y else { return nil }
            let common = zip(x.unicodeScalars, y.unicodeScalars).prefix { $0 == $1 }.count
            func around(_ s: String) -> String {
                s.unicodeScalars.dropFirst(max(0, common - 3)).prefix(8).map { "U+" + String($0.value, radix: 16) }.joined(separator: " ")
            }
            return "\(path): [\(around(x))] vs [\(around(y))] at scalar \(common)"
        }
        let left = Mirror(reflecting: a), right = Mirror(reflecting: b)
        let l = Array(left.children), r = Array(right.children)
        if l.count != r.count { return "\(path): \(l.count) vs \(r.count) children" }
        if l.isEmpty { return "\(a)" == "\(b)" ? nil : "\(path): \(a) vs \(b)" }
        for (x, y) in zip(l, r) where x.label != "origin" {
            if let found = firstDifference(x.value, y.value, path: path + "." + (x.label ?? "?")) { return found }
        }
        return nil
    }
}
