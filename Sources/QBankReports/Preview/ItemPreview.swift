import QBankCore
import QBankMarkdown

/// What `qbank preview` shows: stand-alone items and whole case studies.
public enum PreviewUnit: Sendable {
    case item(Item)
    case caseStudy(CaseStudy)
}

/// Renders items twice, side by side: as a candidate sees them (delivered order, no key,
/// no rationales, no scored flag) and as a reviewer needs them (key, rationales,
/// references, metadata). One self-contained page, no script.
public struct ItemPreview: Sendable {
    public var order: DeliveryOrder
    public var blueprint: Blueprint?
    /// How item texts become HTML; `RichHTML.embedding(media)` shows the bank's images.
    public var html: RichHTML

    public init(seed: UInt64, blueprint: Blueprint?, html: RichHTML = RichHTML()) {
        order = DeliveryOrder(seed: seed)
        self.blueprint = blueprint
        self.html = html
    }

    public func render(_ units: [PreviewUnit], title: String) -> String {
        var out = HTMLPage.head(title: title, extraCSS: PreviewStyle.css)
        out += "<main>\n<h1>\(Markup.escape(title))</h1>\n"
        out += "<p class=\"legend\">Seed \(order.seed): options appear in the order delivery would use with this seed. "
        out += "The candidate view holds nothing a candidate must not see.</p>\n"
        for unit in units {
            switch unit {
            case .item(let item):
                out += card(item)
            case .caseStudy(let study):
                out += "<section class=\"case\" id=\"\(Markup.escape(study.id))\">\n<h2>Case study \(Markup.escape(study.id))"
                if let title = study.title { out += ": \(Markup.inlineHTML(title))" }
                out += "</h2>\n<div class=\"scenario\">\(paragraphs(study.scenario.value))</div>\n"
                for item in study.items { out += card(item) }
                out += "</section>\n"
            }
        }
        out += "</main>\n" + HTMLPage.tail
        return out
    }

    private func card(_ item: Item) -> String {
        var out = "<article class=\"item\" id=\"\(Markup.escape(item.id))\">\n"
        out += "<h3>\(Markup.escape(item.id)) <span class=\"meta\">\(Markup.escape(metadata(item)))</span></h3>\n"
        out += "<div class=\"views\">\n"
        out += "<div class=\"view candidate\"><h4>Candidate</h4>\n"
        out += "<div class=\"stem\">\(paragraphs(item.stem.value))</div>\n"
        out += candidateBody(item) + "</div>\n"
        out += "<div class=\"view reviewer\"><h4>Reviewer</h4>\n" + reviewerBody(item) + reviewerFooter(item) + "</div>\n"
        out += "</div>\n</article>\n"
        return out
    }

    private func metadata(_ item: Item) -> String {
        var parts = ["\(item.type.rawValue)", "domain \(item.domain)", "task \(item.task)", item.status.rawValue]
        if let name = blueprint?.domain(ofTask: item.task)?.tasks.first(where: { $0.id == item.task })?.name { parts[2] += " \(name)" }
        if !item.shuffle { parts.append("fixed order") }
        return parts.joined(separator: " · ")
    }

    private func candidateBody(_ item: Item) -> String {
        switch item.body {
        case .choice(let body):
            let delivered = order.options(of: item, body.options)
            let instruction = body.select.map { "Select \(Self.countWord($0))." } ?? "Select one."
            var out = "<p class=\"instruction\">\(instruction)</p>\n<ol class=\"choices\">\n"
            for (index, option) in delivered.enumerated() {
                out += "<li><span class=\"letter\">\(BankReportLayout.optionLetter(index))</span> \(html.fragment(option.text.value))</li>\n"
            }
            return out + "</ol>\n"
        case .ordering(let steps):
            var out = "<p class=\"instruction\">Put the steps in the correct order.</p>\n<ul class=\"choices\">\n"
            for step in order.steps(of: item, steps) { out += "<li>\(html.fragment(step.text.value))</li>\n" }
            return out + "</ul>\n"
        case .matching(let body):
            var out = "<p class=\"instruction\">Match each item with a response. A response may be used once, or not at all.</p>\n"
            out += "<ol class=\"choices\">\n"
            for prompt in body.prompts { out += "<li>\(html.fragment(prompt.text.value))</li>\n" }
            out += "</ol>\n<p class=\"instruction\">Responses</p>\n<ul class=\"choices\">\n"
            for response in order.responses(of: item, body.responses) { out += "<li>\(html.fragment(response.text.value))</li>\n" }
            return out + "</ul>\n"
        }
    }

    private func reviewerBody(_ item: Item) -> String {
        switch item.body {
        case .choice(let body):
            var out = "<ol class=\"choices\">\n"
            for (index, option) in order.options(of: item, body.options).enumerated() {
                out += "<li class=\"\(option.isCorrect ? "key" : "distractor")\"><span class=\"letter\">\(BankReportLayout.optionLetter(index))</span> "
                out += option.isCorrect ? "<strong class=\"mark\">✓ key</strong> " : "<span class=\"mark\">✗</span> "
                out += "\(html.fragment(option.text.value)) <span class=\"source\">(authored \(Markup.escape(option.id)))</span>"
                out += rationale(option.rationale) + "</li>\n"
            }
            return out + "</ol>\n"
        case .ordering(let steps):
            var out = "<p class=\"instruction\">Correct order:</p>\n<ol class=\"choices\">\n"
            for step in steps { out += "<li class=\"key\">\(html.fragment(step.text.value))\(rationale(step.rationale))</li>\n" }
            return out + "</ol>\n"
        case .matching(let body):
            var out = "<p class=\"instruction\">Correct matches:</p>\n<ol class=\"choices\">\n"
            for prompt in body.prompts {
                let response = body.responses.first { $0.id == prompt.responseID }?.text.value ?? "(missing response \(prompt.responseID))"
                out += "<li class=\"key\">\(html.fragment(prompt.text.value)) → <strong>\(html.fragment(response))</strong>\(rationale(prompt.rationale))</li>\n"
            }
            return out + "</ol>\n"
        }
    }

    private func reviewerFooter(_ item: Item) -> String {
        var out = ""
        if !item.references.isEmpty {
            out += "<p class=\"instruction\">References</p>\n<ul>\n"
            for reference in item.references {
                out += "<li><a href=\"\(Markup.escape(reference.url))\">\(Markup.escape(reference.title))</a></li>\n"
            }
            out += "</ul>\n"
        } else {
            out += "<p class=\"missing\">No references.</p>\n"
        }
        var facts: [String] = []
        if !item.tags.isEmpty { facts.append("tags: " + item.tags.joined(separator: ", ")) }
        if !item.enemies.isEmpty { facts.append("enemies: " + item.enemies.map(\.id).joined(separator: ", ")) }
        if let stats = item.stats {
            var parts: [String] = []
            if let p = stats.pValue { parts.append("p \(NumberText.fixed(p, places: 2))") }
            if let r = stats.pointBiserial { parts.append("r_pb \(NumberText.fixed(r, places: 2))") }
            if let n = stats.responses { parts.append("n \(n)") }
            if let a = stats.irtA, let b = stats.irtB { parts.append("IRT a \(NumberText.fixed(a, places: 2)), b \(NumberText.fixed(b, places: 2))" + (stats.irtC.map { ", c \(NumberText.fixed($0, places: 2))" } ?? "")) }
            facts.append("statistics: " + parts.joined(separator: ", "))
        }
        if !facts.isEmpty { out += "<p class=\"facts\">\(facts.map(Markup.escape).joined(separator: "<br/>"))</p>\n" }
        return out
    }

    private func rationale(_ text: String?) -> String {
        guard let text else { return "<div class=\"rationale missing\">No rationale.</div>" }
        return "<div class=\"rationale\">\(html.blocks(text))</div>"
    }

    /// Stem and scenario text: blank lines separate paragraphs.
    private func paragraphs(_ text: String) -> String { html.blocks(text) }


    static func countWord(_ count: Int) -> String {
        let words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"]
        return count >= 0 && count < words.count ? words[count] : String(count)
    }
}
