import Foundation
import QBankCore
import Testing
import TestSupport
@testable import QBankReports

struct ItemPreviewTests {
    func render(_ units: [PreviewUnit], seed: UInt64 = 1) -> String {
        ItemPreview(seed: seed, blueprint: Fixtures.mlaBlueprint).render(units, title: "Preview")
    }

    /// The candidate half of each item card.
    func candidateViews(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"view candidate\">").dropFirst().map {
            $0.components(separatedBy: "<div class=\"view reviewer\">")[0]
        }
    }

    @Test func candidateViewHidesKeyAndRationales() throws {
        var item = SmallBank.single("q1", domain: 1, task: "1.1", key: 2)
        item.body = .choice(ChoiceBody(options: [
            Option(id: "a", text: "Alpha", rationale: "Secret A."), Option(id: "b", text: "Beta", rationale: "Secret B."),
            Option(id: "c", text: "Gamma", isCorrect: true, rationale: "Secret C."), Option(id: "d", text: "Delta", rationale: "Secret D."),
        ]))
        let html = render([.item(item)])
        _ = try ReportChecks.charts(inHTML: html) // well-formed
        let candidate = try #require(candidateViews(html).first)
        for secret in ["Secret", "key", "correct", "✓", "authored"] { #expect(!candidate.contains(secret), "candidate view shows \(secret)") }
        for option in ["Alpha", "Beta", "Gamma", "Delta"] { #expect(candidate.contains(option)) }
        #expect(html.contains("✓ key</strong> Gamma"))
        #expect(html.contains("Secret C."))
    }

    @Test func optionsFollowTheDeliveryOrder() throws {
        let item = SmallBank.single("q1", domain: 1, task: "1.1")
        let html = render([.item(item)], seed: 3)
        let candidate = try #require(candidateViews(html).first)
        let expected = DeliveryOrder(seed: 3).options(of: item, { guard case .choice(let body) = item.body else { return [] }; return body.options }())
        let positions = expected.map { candidate.range(of: $0.text.value)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(render([.item(item)], seed: 3) == html)
    }

    @Test func boldAndCodeAreRendered() {
        var item = SmallBank.single("q1", domain: 1, task: "1.1")
        item.stem = "Which setting of `max_depth` is the **MOST** cost-effective?"
        let html = render([.item(item)])
        #expect(html.contains("<code>max_depth</code>"))
        #expect(html.contains("<strong>MOST</strong>"))
    }

    @Test func caseStudiesShowTheirScenarioOnceAndOrderingIsScrambled() throws {
        let steps = (1...4).map { Step(id: "s\($0)", text: Text("Step number \($0)"), rationale: "Why \($0).") }
        let ordering = Item(id: "o1", domain: 3, task: "3.3", shuffle: false, stem: "Order these.", body: .ordering(steps))
        let study = CaseStudy(id: "case-1", title: "Turbines", scenario: "The **scenario** text.", items: [ordering, SmallBank.single("q2", domain: 3, task: "3.1")])
        let html = render([.caseStudy(study)])
        _ = try ReportChecks.charts(inHTML: html)
        #expect(html.components(separatedBy: "<strong>scenario</strong>").count == 2)
        let candidate = try #require(candidateViews(html).first)
        let shown = (1...4).map { candidate.range(of: "Step number \($0)")!.lowerBound }
        #expect(shown != shown.sorted(), "steps must not be shown in their correct order")
        #expect(!candidate.contains("Why 1."))
    }
}
