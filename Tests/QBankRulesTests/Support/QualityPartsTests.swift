import QBankCore
import Testing
@testable import QBankRules

/// `contentOptions` is remembered per options list; another list, even of the same length, is never answered from it.
struct QualityPartsTests {
    @Test func contentOptionsFollowTheListAsked() {
        let plain = ChoiceBody(options: ["Amazon S3", "Amazon EBS", "Amazon EFS", "AWS Glue"].enumerated().map {
            Option(id: "\($0.offset)", text: Text($0.element))
        })
        var withMeta = plain
        withMeta.options[3].text = "All of the above"
        #expect(plain.contentOptions.count == 4)
        #expect(withMeta.contentOptions.map(\.text.value) == ["Amazon S3", "Amazon EBS", "Amazon EFS"])
        #expect(plain.contentOptions.count == 4)
        TextMemo.current.reset()
        #expect(withMeta.contentOptions.count == 3)
    }
}
