import QBankCore
import Testing
@testable import QBankJSON

struct FormKeyReaderTests {
    @Test func readsDomainTaskTypeAndScoredWithPositions() throws {
        let text = """
            {
              "blueprint": "MLA-C01", "form": "form-1", "seed": 42,
              "items": [
                {"answer": "b", "domain": 4, "id": "x-1", "position": 1, "scored": true, "task": "4.1", "type": "single"},
                {"answer": ["a", "c"], "domain": 2, "id": "x-2", "position": 2, "scored": false, "task": "2.3", "type": "multiple"}
              ]
            }
            """
        let key = try FormKeyReader.key(Array(text.utf8), path: "k.json")
        #expect(key.form == "form-1" && key.blueprint == "MLA-C01" && key.path == "k.json")
        #expect(key.slots == [
            FormKey.Slot(position: 1, id: "x-1", domain: 4, task: "4.1", type: "single", scored: true, line: 4, column: 5),
            FormKey.Slot(position: 2, id: "x-2", domain: 2, task: "2.3", type: "multiple", scored: false, line: 5, column: 5),
        ])
    }

    @Test func errorsNameTheFileLineAndColumn() {
        func message(_ text: String) -> String {
            do { _ = try FormKeyReader.key(Array(text.utf8), path: "k.json"); return "accepted" } catch { return error.description }
        }
        #expect(message("{\"form\": \"f\", \"items\": [\n  {\"id\": \"a\"}]}").hasPrefix("k.json:2:3: key item #1 needs"))
        #expect(message("{\"items\": []}").hasPrefix("k.json:1:1: a key needs \"form\""))
        #expect(message("{\"form\": ").hasPrefix("k.json:1:"))
    }

    @Test func formFileIDsInDeliveryOrder() throws {
        let ids = try FormKeyReader.formItemIDs(Array("{\"form\": \"form-1\", \"items\": [{\"id\": \"b\"}, {\"id\": \"a\"}]}".utf8), path: "f.json")
        #expect(ids.form == "form-1")
        #expect(ids.ids.map(\.id) == ["b", "a"])
    }
}
