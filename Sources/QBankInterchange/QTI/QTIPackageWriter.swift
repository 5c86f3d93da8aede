import QBankCore

/// Writes a QTI content package: `imsmanifest.xml`, one item file per item under
/// `items/`, and `test.xml`, an assessment test whose sections follow the content's
/// delivery order: one per case study (kept together) and one per run of stand-alone
/// items (a bank has one run, first; a form has a run between its case studies).
///
/// The test totals SCORE over every item: a form's unscored (pretest) items are not
/// marked, because candidate-facing exports never carry the scored/unscored flag.
struct QTIPackageWriter {
    let version: QTIVersion

    func files(_ content: ExportContent) throws(ExportError) -> [ExportedFile] {
        let media = try ExportMedia(content)
        var writer = QTIItemWriter(version: version)
        writer.html.imageSource = { image in media.name(of: image).map { "../media/" + $0 } }
        var files: [ExportedFile] = []
        var itemFiles: [(identifier: String, href: String, id: String)] = []
        func add(_ item: Item, in study: CaseStudy?) {
            let href = "items/\(QTIIdentifiers.item(item.id)).xml"
            files.append(ExportedFile(path: href, text: study.map { writer.write(item, in: $0) } ?? writer.write(item)))
            itemFiles.append((QTIIdentifiers.item(item.id), href, item.id))
        }
        for block in content.blocks {
            switch block {
            case .item(let item): add(item, in: nil)
            case .caseStudy(let study): for item in study.items { add(item, in: study) }
            }
        }
        files += media.files.map { ExportedFile(path: "media/" + $0.name, bytes: $0.bytes) }
        files.append(ExportedFile(path: "test.xml", text: test(content)))
        files.append(ExportedFile(path: "imsmanifest.xml", text: manifest(content, itemFiles, media: media)))
        return files
    }

    private func test(_ content: ExportContent) -> String {
        let v = version
        var x = XMLText()
        x.open(v.element("assessmentTest"), [("xmlns", v.namespace), ("identifier", QTIIdentifiers.item(content.identifier)),
                                             ("title", content.title)])
        x.empty(v.element("outcomeDeclaration"), [("identifier", "SCORE"), ("cardinality", "single"), (v.attribute("baseType"), "float")])
        x.open(v.element("testPart"), [("identifier", "part-1"), (v.attribute("navigationMode"), "nonlinear"),
                                       (v.attribute("submissionMode"), "simultaneous")])
        var sections: [(id: String, title: String, items: [Item])] = [], runs = 0, inRun = false
        for block in content.blocks {
            switch block {
            case .item(let item) where inRun:
                sections[sections.count - 1].items.append(item)
            case .item(let item):
                runs += 1
                inRun = true
                sections.append((runs == 1 ? "section-items" : "section-items-\(runs)", content.title, [item]))
            case .caseStudy(let study):
                inRun = false
                sections.append(("section-" + study.id, study.title ?? study.id, study.items))
            }
        }
        if sections.isEmpty { sections.append(("section-items", content.title, [])) }
        for section in sections {
            x.open(v.element("assessmentSection"), [("identifier", QTIIdentifiers.item(section.id)), ("title", section.title), ("visible", "true")])
            for item in section.items {
                x.empty(v.element("assessmentItemRef"), [("identifier", QTIIdentifiers.item(item.id)),
                                                         ("href", "items/\(QTIIdentifiers.item(item.id)).xml")])
            }
            x.close(v.element("assessmentSection"))
        }
        x.close(v.element("testPart"))
        x.open(v.element("outcomeProcessing"))
        x.open(v.element("setOutcomeValue"), [("identifier", "SCORE")])
        x.open(v.element("sum"))
        x.empty(v.element("testVariables"), [(v.attribute("variableIdentifier"), "SCORE")])
        x.close(v.element("sum"))
        x.close(v.element("setOutcomeValue"))
        x.close(v.element("outcomeProcessing"))
        x.close(v.element("assessmentTest"))
        return x.text
    }

    /// Each item's resource lists its own file and the images it shows (IMS Content Packaging).
    private func manifest(_ content: ExportContent, _ items: [(identifier: String, href: String, id: String)], media: ExportMedia) -> String {
        let v = version
        var x = XMLText()
        x.open("manifest", [("xmlns", v.manifestNamespace), ("identifier", "manifest-" + QTIIdentifiers.item(content.identifier))])
        x.open("metadata")
        x.element("schema", text: v.packageSchema.name)
        x.element("schemaversion", text: v.packageSchema.version)
        x.close("metadata")
        x.empty("organizations")
        x.open("resources")
        x.open("resource", [("identifier", "test-" + QTIIdentifiers.item(content.identifier)), ("type", v.resourceType("test")), ("href", "test.xml")])
        x.empty("file", [("href", "test.xml")])
        for item in items { x.empty("dependency", [("identifierref", "item-" + item.identifier)]) }
        x.close("resource")
        for item in items {
            x.open("resource", [("identifier", "item-" + item.identifier), ("type", v.resourceType("item")), ("href", item.href)])
            x.empty("file", [("href", item.href)])
            for name in media.namesByItem[item.id] ?? [] { x.empty("file", [("href", "media/" + name)]) }
            x.close("resource")
        }
        x.close("resources")
        x.close("manifest")
        return x.text
    }
}

/// `qbank export --to qti3|qti21`.
public struct QTIExporter: FormExporter {
    public static let format = ExportFormat.qti3
    public let version: QTIVersion

    public init(version: QTIVersion) { self.version = version }

    public func export(_ content: ExportContent) throws(ExportError) -> [ExportedFile] {
        var seen = Set<String>()
        for item in content.allItems where !seen.insert(QTIIdentifiers.item(item.id)).inserted {
            throw ExportError("item id '\(item.id)' appears twice; QTI item files need unique ids (run `qbank lint`)")
        }
        return try QTIPackageWriter(version: version).files(content)
    }
}
