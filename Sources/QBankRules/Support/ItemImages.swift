import QBankCore
import QBankMarkdown

/// An image a text of an item names, with the text's place and role for the finding.
struct PlacedImage {
    var image: RichImage
    var text: PlacedText
}

extension ItemRule {
    /// Images in the item's texts, and in its case's scenario when the item is the case's
    /// first (so a scenario image is judged once).
    func images(of item: Item, in context: ItemContext) -> [PlacedImage] {
        let scenario = context.caseStudy.flatMap { $0.items.first?.id == item.id ? $0.placedScenario : nil }
        // Most items name no image: say so before building every text's place and role (once for the six media rules).
        guard TextMemo.current.namesImage(item, compute: { $0.containsText(where: MarkdownReader.mayNameImage) }) || scenario.map({ MarkdownReader.mayNameImage($0.value) }) == true
        else { return [] }
        var texts = item.placedTexts
        if let scenario { texts.insert(scenario, at: 0) }
        return texts.filter { MarkdownReader.mayNameImage($0.value) }.flatMap { text in
            MarkdownReader.read(text.value).images.map { PlacedImage(image: $0, text: text) }
        }
    }

    func finding(_ message: String, for placed: PlacedImage, item: Item, context: ItemContext) -> Diagnostic {
        diagnostic(message, at: placed.text.origin, in: context.file.path, item: item.id)
    }
}

/// Where a media example's images sit: `Tests/TestSupport/Examples/media`.
enum MediaExamples {
    static func item(_ image: String) -> String {
        """
        <item id="q1" type="single" domain="1" task="1.1" status="draft">
          ↓<stem>
            The diagram shows the pipeline:

            \(image)

            Which service stores the raw data?
          </stem>
          <options>
            <option id="a" correct="true"><text>Amazon S3</text></option>
            <option id="b"><text>Amazon EFS</text></option>
            <option id="c"><text>Amazon EBS</text></option>
            <option id="d"><text>Amazon FSx for Lustre</text></option>
          </options>
        </item>
        """
    }

    static func quiet(_ example: String) -> RuleExample { RuleExample(example.replacingOccurrences(of: "↓", with: "")) }
}
