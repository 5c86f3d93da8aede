import Foundation
import Testing
import TestSupport

/// `qbank promote`: pretest items meeting the blueprint's criteria are listed, and made operational with --apply.
struct PromoteCommandTests {
    static func item(_ id: String, stats: String) -> String {
        """
          <item id="\(id)" type="single" domain="1" task="1.1" status="pretest">
            <stem>Which service stores training data durably?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3</text><rationale>Durable object storage.</rationale></option>
              <option id="b"><text>Amazon EC2 instance store</text><rationale>Ephemeral.</rationale></option>
              <option id="c"><text>Amazon ElastiCache</text><rationale>A cache.</rationale></option>
              <option id="d"><text>AWS Lambda temporary storage</text><rationale>Ephemeral.</rationale></option>
            </options>
            <references><reference url="https://docs.aws.amazon.com/s3/">Amazon S3</reference></references>
            \(stats)
          </item>
        """
    }

    @Test func eligibleItemsBecomeOperationalWithApply() throws {
        let file = "<bank xmlns=\"urn:qbank:bank:1\">\n" + Self.item("p-1", stats: #"<stats pValue="0.6" pointBiserial="0.35" responses="900"/>"#)
            + "\n" + Self.item("p-2", stats: #"<stats pValue="0.6" pointBiserial="0.1" responses="900"/>"#) + "\n</bank>\n"
        let folder = try CLI.bank(["items.xml": file])
        let list = try CLI.run(["promote", folder.path])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("p-1: eligible") && list.stdout.contains("p-2: stays in pretest: point-biserial 0.1 (< 0.2)"))
        #expect(try String(contentsOf: folder.appendingPathComponent("items.xml"), encoding: .utf8) == file, "listing changes nothing")
        let applied = try CLI.run(["promote", folder.path, "--apply"])
        #expect(applied.status == 0 && applied.stdout.contains("1 item now operational"))
        let after = try String(contentsOf: folder.appendingPathComponent("items.xml"), encoding: .utf8)
        #expect(after == file.replacingOccurrences(of: #"<item id="p-1" type="single" domain="1" task="1.1" status="pretest">"#,
                                                    with: #"<item id="p-1" type="single" domain="1" task="1.1" status="operational">"#))
    }
}
