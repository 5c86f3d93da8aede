import QBankCore
import QBankInterchange
import Testing

/// Real-world mess: wrapped options, HTML, encodings, keys as people write them.
@Suite struct MessyInputTests {
    @Test(arguments: [("B", [1]), ("b", [1]), ("B, E", [1, 4]), ("BE", [1, 4]), ("Ac", [0, 2]), ("a and c", [0, 2]), ("(D)", [3])])
    func answerKeys(_ raw: String, _ expected: [Int]) {
        #expect(AnswerKey.positions(raw, optionCount: 5) == expected)
    }

    @Test func keyBeyondTheOptionsIsRejected() { #expect(AnswerKey.positions("E", optionCount: 4) == nil) }

    @Test(arguments: [("Which TWO are true? (Choose two.)", 2), ("(Select THREE.)", 3), ("Pick one", nil)])
    func chooseNPhrasing(_ stem: String, _ expected: Int?) { #expect(AnswerKey.requestedCount(in: stem) == expected) }

    @Test func htmlBecomesBankText() {
        let converted = HTMLText.plain("<p>Use <b>S3</b> &amp; <code>aws s3 cp</code>&nbsp;now<br/>Then stop.</p><img src=\"x.png\">")
        #expect(converted.text == "Use **S3** & `aws s3 cp` now\n\nThen stop.")
        #expect(converted.lost == ["image 'x.png'"])
    }

    @Test func windows1252LinesAreDecodedAndReported() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array("\nna\u{00EF}ve".utf8)
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.text == "Café “q”\nnaïve")
        #expect(decoded.fallbackLines == [1])
    }

    @Test func markdownHardWrappedOptionsAndRunTogetherKeys() {
        let text = """
            3. Which TWO services store objects? (Choose two.)
                - A. Amazon S3, the object store that keeps
                  data in buckets
                - B. Amazon EC2
                - C. Amazon S3 Glacier
                - D. AWS IAM

                <details><summary>Answer</summary>
                  Correct answer: ac
                </details>

            ### Which one is a database?
            - [ ] Amazon S3
            - [x] Amazon &lt;RDS&gt;
            - [ ] AWS IAM
            """
        let result = MarkdownImporter().importItems(from: Interchange.source(text, path: "bank.md"))
        #expect(result.read == 2 && result.imported == 2)
        guard case .choice(let first) = result.file.items[0].body, case .choice(let second) = result.file.items[1].body else { return }
        #expect(first.options[0].text.value == "Amazon S3, the object store that keeps data in buckets")
        #expect(first.keys.map(\.id) == ["a", "c"] && first.select == 2)
        #expect(second.keys.map(\.text.value) == ["Amazon <RDS>"])
        #expect(result.file.items[0].origin.location?.line == 1)
    }

    @Test func chooseTwoWithOneKeyIsNoted() {
        let text = "1. Which TWO? (Choose two.)\n- A. x\n- B. y\n- C. z\nAnswer: B\n"
        let result = MarkdownImporter().importItems(from: Interchange.source(text, path: "b.md"))
        #expect(result.imported == 1)
        #expect(result.problems.contains { $0.kind == .note && $0.reason.contains("choose 2") })
    }

    @Test func questionWithoutKeyIsSkippedWithTheReason() {
        let text = "1. Which?\n- A. x\n- B. y\n"
        let result = MarkdownImporter().importItems(from: Interchange.source(text, path: "b.md"))
        #expect(result.read == 1 && result.skipped == 1)
        #expect(result.problems.first?.reason.contains("no option is marked correct") == true)
    }
}
