import Foundation
import QBankAssembly
import QBankCore

/// The candidate-facing form (`FORM.form.json`, `FORM.form.xml`): what delivery shows,
/// in delivery order. Deliberately no correctness, rationales, statistics, references,
/// domains, tasks or scored flags: a form file may reach a test centre, the key must not.
public enum FormExporter {
    /// `media`: the bank's image files; those the form's texts name travel in `"media"` as
    /// data URIs (by the path the texts use), so the booklet shows them without the bank.
    public static func json(_ form: DeliveredForm, blueprint: Blueprint, media: [String: MediaFile] = [:]) -> String {
        let cases: [JSONValue] = form.cases.map { study in
            var fields: [String: JSONValue] = ["id": .string(study.id), "scenario": .string(study.scenario.value)]
            if let title = study.title { fields["title"] = .string(title) }
            return .object(fields)
        }
        let items: [JSONValue] = form.items.map { entry in
            var fields: [String: JSONValue] = [
                "position": .int(entry.position), "id": .string(entry.item.id), "type": .string(entry.item.type.rawValue),
                "stem": .string(entry.item.stem.value),
            ]
            if let caseID = entry.caseID { fields["case"] = .string(caseID) }
            switch entry.item.body {
            case .choice(let body):
                if let select = body.select { fields["select"] = .int(select) }
                fields["options"] = .array(entry.order.map { choice(body.options[$0].id, body.options[$0].text.value) })
            case .ordering(let steps):
                fields["steps"] = .array(entry.order.map { choice(steps[$0].id, steps[$0].text.value) })
            case .matching(let body):
                fields["prompts"] = .array(entry.promptOrder.map { choice(body.prompts[$0].id, body.prompts[$0].text.value) })
                fields["responses"] = .array(entry.order.map { choice(body.responses[$0].id, body.responses[$0].text.value) })
            }
            return .object(fields)
        }
        var root: [String: JSONValue] = [
            "exam": .string(blueprint.exam), "form": .string(form.name), "length": .int(form.items.count),
            "cases": .array(cases), "items": .array(items),
        ]
        if let title = blueprint.title { root["title"] = .string(title) }
        let texts = form.cases.map(\.scenario.value) + form.items.flatMap { $0.item.placedTexts.map(\.value) }
        var images: [String: JSONValue] = [:]
        for (path, file) in media where file.kind != nil && !file.bytes.isEmpty && texts.contains(where: { $0.contains("](\(path)") }) {
            images[path] = .string("data:\(file.kind!.mimeType);base64,\(Data(file.bytes).base64EncodedString())")
        }
        if !images.isEmpty { root["media"] = .object(images) }
        return JSONValue.object(root).rendered()
    }

    public static func xml(_ form: DeliveredForm, blueprint: Blueprint) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<form xmlns=\"urn:qbank:form:1\"\(attributes([("exam", blueprint.exam), ("form", form.name), ("length", String(form.items.count))]))>\n"
        for study in form.cases {
            out += "  <case\(attributes([("id", study.id)] + (study.title.map { [("title", $0)] } ?? [])))>\n"
            out += "    <scenario>\(escape(study.scenario.value))</scenario>\n  </case>\n"
        }
        for entry in form.items {
            var attrs = [("position", String(entry.position)), ("id", entry.item.id), ("type", entry.item.type.rawValue)]
            if let caseID = entry.caseID { attrs.append(("case", caseID)) }
            if case .choice(let body) = entry.item.body, let select = body.select { attrs.append(("select", String(select))) }
            out += "  <item\(attributes(attrs))>\n    <stem>\(escape(entry.item.stem.value))</stem>\n"
            switch entry.item.body {
            case .choice(let body):
                for i in entry.order { out += "    <option id=\"\(XMLEscaping.attribute(body.options[i].id))\">\(escape(body.options[i].text.value))</option>\n" }
            case .ordering(let steps):
                for i in entry.order { out += "    <step id=\"\(XMLEscaping.attribute(steps[i].id))\">\(escape(steps[i].text.value))</step>\n" }
            case .matching(let body):
                for i in entry.promptOrder { out += "    <prompt id=\"\(XMLEscaping.attribute(body.prompts[i].id))\">\(escape(body.prompts[i].text.value))</prompt>\n" }
                for i in entry.order { out += "    <response id=\"\(XMLEscaping.attribute(body.responses[i].id))\">\(escape(body.responses[i].text.value))</response>\n" }
            }
            out += "  </item>\n"
        }
        return out + "</form>\n"
    }

    private static func choice(_ id: String, _ text: String) -> JSONValue { .object(["id": .string(id), "text": .string(text)]) }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined()
    }

    /// Element text: the form is read back, so line breaks stay and nothing else changes.
    static func escape(_ value: String) -> String { XMLEscaping.text(value) }
}
