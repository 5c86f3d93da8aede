import QBankCore
import QBankXML

/// `qbank import --from qti`: a QTI 2.1/2.2/3.0 item file, a content package
/// (.zip with `imsmanifest.xml`), or a QTI 1.2 `questestinterop` file.
public struct QTIImporter: ItemImporter {
    public static let format = InterchangeFormat.qti

    public init() {}

    public func importItems(from source: ImportSource) -> ImportResult {
        if source.bytes.starts(with: [0x50, 0x4B]) { return importPackage(source) }
        switch XMLSource.parse(source) {
        case .failure(let problem): return .unreadable(source.path, problem)
        case .success(let (root, note)):
            var result = importDocument(root, source: source)
            if let note { result.problems.insert(note, at: 0) }
            return result
        }
    }

    private func importDocument(_ root: XMLTreeElement, source: ImportSource) -> ImportResult {
        let name = QTIVersion.camel(root.name)
        switch name {
        case "assessmentItem":
            var collector = CaseCollector(path: source.path)
            collector.add(QTIItemReader().read(root))
            return collector.result
        case "questestinterop":
            return QTI12ItemReader().read(root, prefix: Identifiers.prefix(forPath: source.path))
        case "manifest", "assessmentTest":
            return .unreadable(source.path, ImportProblem(.unreadable, at: root.location,
                "this is a package's \(name == "manifest" ? "manifest" : "test file"); import the .zip package or the folder that holds imsmanifest.xml (or its item files)"))
        default:
            return .unreadable(source.path, ImportProblem(.unreadable, at: root.location,
                "root element '\(root.name)' is not QTI (expected assessmentItem, qti-assessment-item or questestinterop)"))
        }
    }

    private func importPackage(_ source: ImportSource) -> ImportResult {
        let entries: [String: [UInt8]]
        do { entries = try ZipPackage.read(source.bytes, path: source.path) } catch {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: 1), error.message))
        }
        return importPackage(entries: entries, path: source.path)
    }

    /// A content package as its files by path from the package root: a .zip's entries, or an
    /// unzipped package folder's files (the caller reads them), imported alike.
    /// `separator` joins the package and a member in messages: "!/" inside a zip, "/" in a folder.
    public func importPackage(entries: [String: [UInt8]], path packagePath: String, separator: String = "!/") -> ImportResult {
        let source = ImportSource(path: packagePath, bytes: [])
        guard let manifestBytes = entries["imsmanifest.xml"] else {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: 1),
                                                         "no imsmanifest.xml at the package root; not a QTI content package"))
        }
        let manifestPath = "\(source.path)\(separator)imsmanifest.xml"
        let manifest: XMLTreeElement
        switch XMLSource.parse(ImportSource(path: manifestPath, bytes: manifestBytes)) {
        case .failure(let problem): return .unreadable(source.path, problem)
        case .success(let (root, _)): manifest = root
        }
        var collector = CaseCollector(path: source.path)
        var result = ImportResult(path: source.path)
        let media = ImportedMedia()
        for resource in manifest.descendants("resource") {
            let type = resource["type"] ?? ""
            let itemType = type.hasPrefix("imsqti_item_") || type.hasPrefix("imsqti_apipitem_")
            // Packages in the wild type item resources loosely ("imsqti_v2p1", "imsqti_xmlv2p2"): any other
            // QTI resource whose file turns out to be an item is read too, with a note.
            let lenient = !itemType && type.lowercased().contains("qti") && !type.lowercased().contains("test")
            guard itemType || lenient else { continue }
            guard let href = resource["href"] ?? resource.element("file")?["href"], let path = ZipPackage.resolve(href, from: "imsmanifest.xml") else {
                result.problems.append(ImportProblem(.skipped, at: resource.location, item: resource["identifier"], "the resource names no item file"))
                continue
            }
            guard let bytes = entries[path] else {
                result.problems.append(ImportProblem(.skipped, at: resource.location, item: resource["identifier"],
                                                     "the manifest lists \(path), which is not in the package"))
                continue
            }
            let itemSource = ImportSource(path: "\(source.path)\(separator)\(path)", bytes: bytes)
            switch XMLSource.parse(itemSource) {
            case .failure(let problem):
                result.problems.append(ImportProblem(.skipped, at: problem.location, item: resource["identifier"], problem.reason))
            case .success(let (root, _)):
                if lenient {
                    guard QTIVersion.camel(root.name) == "assessmentItem" else { continue }
                    result.problems.append(ImportProblem(.note, at: resource.location, item: resource["identifier"],
                        "resource type '\(type)' is not a QTI item type (imsqti_item_xmlv2p1, …); its file is an assessmentItem, read as one"))
                }
                let reader = QTIItemReader { src in ZipPackage.resolve(src, from: path).flatMap { entries[$0] }.flatMap(media.place) }
                collector.add(reader.read(root) { href in stimulus(href, from: path, entries: entries, package: source.path + separator) })
            }
        }
        var combined = collector.result
        combined.append(result)
        combined.read = combined.imported + combined.skipped
        combined.media = media.files
        return combined
    }

    private func stimulus(_ href: String, from item: String, entries: [String: [UInt8]], package: String) -> (id: String, title: String?, text: String)? {
        guard let path = ZipPackage.resolve(href, from: item), let bytes = entries[path],
              case .success(let (raw, _)) = XMLSource.parse(ImportSource(path: package + path, bytes: bytes)) else { return nil }
        let root = QTIMarkup.normalised(raw)
        let body = root.element("stimulusBody") ?? root
        return (root["identifier"] ?? path, root["title"], HTMLText.plain(QTIMarkup.html(body.children)).text)
    }
}

/// Groups items that share a case (qbank's own exports, QTI 3 shared stimuli)
/// back into case studies, in order of first appearance.
struct CaseCollector {
    var path: String
    var items: [Item] = []
    var cases: [CaseStudy] = []
    var problems: [ImportProblem] = []
    var sourceTexts: [String: String] = [:]

    init(path: String) { self.path = path }

    mutating func add(_ reading: QTIItemReading) {
        guard let item = reading.item else { problems += reading.problems; return }
        problems += reading.problems
        if let text = reading.sourceText { sourceTexts[item.id] = text }
        guard let info = reading.caseInfo else { items.append(item); return }
        if let index = cases.firstIndex(where: { $0.id == info.id }) {
            cases[index].items.append(item)
        } else {
            cases.append(CaseStudy(id: info.id, title: info.title, scenario: Text(info.scenario), items: [item], origin: item.origin))
        }
    }

    var result: ImportResult {
        var result = ImportResult(path: path, items: items, cases: cases, problems: problems)
        result.sourceTexts = sourceTexts
        return result
    }
}

/// Third-party XML: decoded to UTF-8 (declared or detected encoding), then parsed
/// with the bank reader's safe settings.
enum XMLSource {
    static func parse(_ source: ImportSource) -> Result<(XMLTreeElement, ImportProblem?), ImportProblem> {
        let decoded = TextDecoding.decode(source.bytes)
        let note = TextDecoding.note(decoded, path: source.path)
        let bytes = decoded.fallbackLines.isEmpty && !source.bytes.starts(with: [0xFF, 0xFE]) && !source.bytes.starts(with: [0xFE, 0xFF])
            ? source.bytes : Array(decoded.text.utf8)
        switch SafeXML.parse(bytes, path: source.path) {
        case .success(let root): return .success((root, note))
        case .failure(let error):
            return .failure(ImportProblem(.unreadable, at: error.diagnostic.location, error.diagnostic.message))
        }
    }
}

extension ImportProblem: Error {}
