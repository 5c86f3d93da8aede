import Foundation
import QBankJSON
import QBankLSP
import QBankServer
import Testing

@Suite struct QBankLanguageServerTests {
    @Test func bankFindingsFollowAFileChangedOnDiskThatIsNotOpen() throws {
        let harness = try ServerHarness(files: ["a.xml": Snippets.bank(Snippets.item("q-1")),
                                                "b.xml": Snippets.bank(Snippets.item("q-2", stem: "Which database suits a key-value workload with single-digit millisecond reads?"))])
        harness.open("a.xml")
        #expect(!harness.codes("a.xml").contains("QB107"))
        // Another tool gives b.xml an item with a's id; the editor reports the file change.
        try Snippets.bank(Snippets.item("q-1", stem: "Which database suits a key-value workload with single-digit millisecond reads?"))
            .write(to: harness.folder.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        harness.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": harness.uri("b.xml"), "type": 2]]])
        harness.server.idle()
        let duplicate = (harness.diagnostics("a.xml") + harness.diagnostics("b.xml")).first { $0["code"]?.stringValue == "QB107" }
        #expect(duplicate != nil)
        #expect(duplicate?["codeDescription"]?["href"]?.stringValue == "https://qbank.dev/rules/QB107")
        #expect(duplicate?["relatedInformation"]?.arrayValue?.isEmpty == false)
        #expect(duplicate?["severity"]?.integerValue == 1)
    }

    @Test func lintFixDeclaringEnemiesAnswersANearDuplicate() throws {
        let stem = "A data science team stores raw clickstream logs for model training. The logs arrive every hour from three regions, are read by nightly training jobs, and must keep every version of each file for seven years for audits. Which service should the team "
        let text = Snippets.bank(Snippets.item("q-1", stem: stem + "use?"), Snippets.item("q-2", stem: stem + "choose?"))
        let harness = try ServerHarness(files: ["a.xml": text])
        harness.open("a.xml")
        guard let finding = harness.diagnostics("a.xml").first(where: { $0["code"]?.stringValue == "QB503" }) else {
            Issue.record("no QB503 in \(harness.codes("a.xml"))")
            return
        }
        let actions = harness.send("textDocument/codeAction", ["textDocument": ["uri": harness.uri("a.xml")],
                                                               "range": try JSONSerialization.jsonObject(with: Data(finding["range"]!.compactText.utf8)),
                                                               "context": ["diagnostics": []]]).arrayValue ?? []
        // QB503's own fix (an unsafe one in `qbank lint --fix`), offered as a quick fix.
        guard let declare = actions.first(where: { $0["title"]?.stringValue?.hasPrefix("Declare 'q-1' enemies of 'q-2'") == true }) else {
            Issue.record("no declare-enemies action in \(actions.map { $0["title"]?.stringValue ?? "" })")
            return
        }
        let edits = declare["edit"]?["changes"]?[harness.uri("a.xml")]?.arrayValue ?? []
        let fixed = ServerHarness.apply(edits, to: text)
        #expect(fixed.contains("<enemies>"))
        harness.change("a.xml", to: fixed, version: 2)
        #expect(!harness.codes("a.xml").contains("QB503"))
        #expect(!harness.codes("a.xml").contains("QB002"), "the enemies block breaks the schema: \(harness.diagnostics("a.xml"))")
    }

    @Test func suppressActionWritesAnXMLCommentWithAReason() throws {
        let text = Snippets.bank(Snippets.item("q-1", task: "9.9"))
        let harness = try ServerHarness(files: ["a.xml": text])
        harness.open("a.xml")
        let finding = try #require(harness.diagnostics("a.xml").first { $0["code"]?.stringValue == "QB113" })
        let actions = harness.send("textDocument/codeAction", ["textDocument": ["uri": harness.uri("a.xml")],
                                                               "range": try JSONSerialization.jsonObject(with: Data(finding["range"]!.compactText.utf8)),
                                                               "context": ["diagnostics": []]]).arrayValue ?? []
        let suppress = try #require(actions.first { $0["title"]?.stringValue?.hasPrefix("Suppress QB113") == true })
        let fixed = ServerHarness.apply(suppress["edit"]?["changes"]?[harness.uri("a.xml")]?.arrayValue ?? [], to: text)
        #expect(fixed.contains("  <!-- qbank-disable QB113 - TODO say why QB113 does not apply here -->\n  <item id=\"q-1\""))
        harness.change("a.xml", to: fixed, version: 2)
        #expect(!harness.codes("a.xml").contains("QB113"))
    }

    @Test func hoverCompletionAndDefinitionReadTheBlueprintAndTheBank() throws {
        let enemy = "\n    <enemies>\n      <enemy ref=\"q-2\"/>\n    </enemies>"
        let harness = try ServerHarness(files: [
            "a.xml": Snippets.bank(Snippets.item("q-1", extra: enemy)),
            "b.xml": Snippets.bank(Snippets.item("q-2", stem: "Which database suits a key-value workload with single-digit millisecond reads?")),
        ])
        harness.open("a.xml")
        let document = ["uri": harness.uri("a.xml")]
        // Line 2 is `  <item id="q-1" type="single" domain="1" task="1.1" status="draft">`.
        let hover = harness.send("textDocument/hover", ["textDocument": document, "position": harness.position(2, 49)])
        #expect(hover["contents"]?["value"]?.stringValue?.hasPrefix("**Task 1.1:") == true)
        let enemyLine = 14
        let enemyHover = harness.send("textDocument/hover", ["textDocument": document, "position": harness.position(enemyLine, 20)])
        #expect(enemyHover["contents"]?["value"]?.stringValue?.contains("key-value workload") == true)
        let definition = harness.send("textDocument/definition", ["textDocument": document, "position": harness.position(enemyLine, 20)])
        #expect(definition.arrayValue?.first?["uri"]?.stringValue == harness.uri("b.xml"))
        #expect(definition.arrayValue?.first?["range"]?["start"]?["line"]?.integerValue == 2)
        let tasks = harness.send("textDocument/completion", ["textDocument": document, "position": harness.position(2, 48)])
        let labels = tasks["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
        #expect(labels.contains("1.1") && labels.contains("4.3"))
        let enemies = harness.send("textDocument/completion", ["textDocument": document, "position": harness.position(enemyLine, 20)])
        #expect(enemies["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == ["q-2"])
    }

    @Test func formattingRefusesAFileWithErrorsWithAnError() throws {
        let harness = try ServerHarness(files: ["a.json": "{\"format\": \"urn:qbank:bank:1\", \"items\": [}"])
        harness.open("a.json")
        #expect(harness.codes("a.json") == ["QB001"])
        let reply = harness.send("textDocument/formatting", ["textDocument": ["uri": harness.uri("a.json")], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(reply["code"]?.integerValue == -32803)
    }

    @Test func aBadChangeIsLoggedNotFatal() throws {
        let harness = try ServerHarness(files: ["a.xml": Snippets.bank(Snippets.item("q-1"))])
        harness.open("a.xml")
        harness.notify("textDocument/didChange", ["textDocument": ["uri": harness.uri("a.xml"), "version": 2], "contentChanges": [["range": "nonsense"]]])
        #expect(harness.sent.last?["method"]?.stringValue == "window/logMessage")
        let hover = harness.send("textDocument/hover", ["textDocument": ["uri": harness.uri("a.xml")], "position": harness.position(2, 49)])
        #expect(hover["contents"] != nil)
    }

    @Test func onlyBankFilesAreLinted() throws {
        // Outside any bank folder: a JSON file that is not a bank file stays quiet; one that declares the format is linted.
        let harness = try ServerHarness(files: ["tsconfig.json": "{\"compilerOptions\": {}}",
                                                "draft.json": "{\"format\": \"urn:qbank:bank:1\", \"items\": [{\"id\": 3}]}"], blueprint: false)
        harness.open("tsconfig.json")
        harness.open("draft.json")
        #expect(harness.diagnostics("tsconfig.json").isEmpty)
        #expect(harness.codes("draft.json").contains("QB002"))
        // In a bank folder, the blueprint opened in the editor is not read as a bank file.
        let bank = try ServerHarness(files: ["a.xml": Snippets.bank(Snippets.item("q-1"))])
        bank.open("blueprint.json")
        #expect(bank.diagnostics("blueprint.json").isEmpty)
    }

    @Test func theFastPassMovesAnUnchangedItemsFindingsWithIt() throws {
        let text = Snippets.bank(Snippets.item("q-1", task: "9.9"), Snippets.item("q-2"))
        let harness = try ServerHarness(files: ["a.xml": text])
        harness.open("a.xml")
        let line = { harness.diagnostics("a.xml").first { $0["code"]?.stringValue == "QB113" }?["range"]?["start"]?["line"]?.integerValue }
        #expect(line() == 2)
        // Only the fast pass runs (input is waiting): q-1 is unchanged, two lines lower; q-2 gets a finding of its own.
        harness.server.hasPendingInput = { true }
        let edited = text.replacingOccurrences(of: "<bank xmlns=\"urn:qbank:bank:1\">\n", with: "<bank xmlns=\"urn:qbank:bank:1\">\n\n\n")
            .replacingOccurrences(of: "<item id=\"q-2\" type=\"single\" domain=\"1\" task=\"1.1\"", with: "<item id=\"q-2\" type=\"single\" domain=\"1\" task=\"8.8\"")
        harness.change("a.xml", to: edited, version: 2)
        let lines = harness.diagnostics("a.xml").filter { $0["code"]?.stringValue == "QB113" }.compactMap { $0["range"]?["start"]?["line"]?.integerValue }
        #expect(lines == [4, 16])
        // The bank pass agrees.
        harness.server.hasPendingInput = { false }
        harness.server.idle()
        #expect(harness.diagnostics("a.xml").filter { $0["code"]?.stringValue == "QB113" }.compactMap { $0["range"]?["start"]?["line"]?.integerValue } == [4, 16])
    }
}
