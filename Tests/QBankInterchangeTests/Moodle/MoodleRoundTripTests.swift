import Foundation
import QBankCore
import QBankInterchange
import Testing

@Suite struct MoodleRoundTripTests {
    @Test func sampleBankRoundTrips() throws {
        let content = try Interchange.sampleContent()
        let file = try MoodleExporter().export(content)[0]
        let result = MoodleImporter().importItems(from: ImportSource(path: "bank.moodle.xml", bytes: file.bytes))
        #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
        #expect(result.read == Interchange.itemCount(content) && result.imported == Interchange.itemCount(content))
        // Moodle has no response ids: matching responses come back numbered in order of first use.
        #expect(result.file.items.map(Self.renumbered) == content.items.map { Self.renumbered(Interchange.delivered($0, keepTags: true, media: content.media)) })
        #expect(result.file.cases.map { $0.items.map(Self.renumbered) } == content.cases.map { $0.items.map { Self.renumbered(Interchange.delivered($0, keepTags: true, media: content.media)) } })
        #expect(result.file.cases.map(\.scenario) == content.cases.map(\.scenario))
        #expect(result.file.cases.map(\.title) == content.cases.map(\.title))
    }

    /// Matching responses renumbered r1, r2, … in order of first use, then unused ones.
    static func renumbered(_ item: Item) -> Item {
        guard case .matching(var body) = item.body else { return item }
        var order = body.prompts.map(\.responseID)
        order += body.responses.map(\.id).filter { !order.contains($0) }
        var seen: [String] = []
        for id in order where !seen.contains(id) { seen.append(id) }
        let newID = Dictionary(uniqueKeysWithValues: seen.enumerated().map { ($1, "r\($0 + 1)") })
        body.prompts = body.prompts.map { var p = $0; p.responseID = newID[p.responseID]!; return p }
        body.responses = seen.compactMap { id in body.responses.first { $0.id == id } }.map { var r = $0; r.id = newID[r.id]!; return r }
        var copy = item
        copy.body = .matching(body)
        return copy
    }

    @Test func multipleResponseUsesMoodleGrades() throws {
        let content = try Interchange.sampleContent()
        let text = String(decoding: try MoodleExporter().export(content)[0].bytes, as: UTF8.self)
        let fractions = Set(text.matches(of: /fraction="(-?[0-9.]+)"/).map { String($0.1) })
        for fraction in fractions where !fraction.contains(".0000000") {
            #expect(["100", "0", "50", "-50", "33.33333", "-33.33333", "25", "-25"].contains(fraction), "\(fraction)")
        }
    }
}
