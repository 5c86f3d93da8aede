import QBankCore

/// Builds the many-item JSON examples the bank rules need (a statistical rule only
/// speaks from 20 items up), one compact item per line.
enum BankExamples {
    struct ChoiceItem {
        var options: [String]
        var key: Int
        var shuffle = true
        var stem: String
    }

    /// A JSON bank file; `marked` puts the `↓` before that item (0-based).
    static func json(_ items: [ChoiceItem], marked: Int? = nil) -> RuleExample {
        let lines = items.enumerated().map { index, item -> String in
            let options = item.options.enumerated().map { position, text in
                let id = String(UnicodeScalar(UInt8(97 + position)))
                return "{\"id\": \"\(id)\", \"text\": \"\(text)\"\(position == item.key ? ", \"correct\": true" : "")}"
            }.joined(separator: ", ")
            let shuffle = item.shuffle ? "" : ", \"shuffle\": false"
            let mark = index == marked ? "↓" : ""
            return "  \(mark){\"id\": \"q\(index + 1)\", \"type\": \"single\", \"domain\": 1, \"task\": \"1.1\", \"status\": \"draft\"\(shuffle), "
                + "\"stem\": \"\(item.stem)\", \"options\": [\(options)]}"
        }
        return RuleExample("{\"format\": \"urn:qbank:bank:1\", \"items\": [\n" + lines.joined(separator: ",\n") + "\n]}", syntax: .json)
    }

    static let services = [
        "Amazon S3", "AWS Glue", "Amazon Athena", "Amazon Redshift", "Amazon EMR", "AWS Lambda", "Amazon Kinesis",
        "Amazon SageMaker", "AWS Step Functions", "Amazon EventBridge", "Amazon CloudWatch", "AWS KMS",
    ]
    static let tasks = [
        "stores raw training data", "catalogues data sets", "queries data in place", "hosts a data warehouse",
        "runs Spark jobs", "runs code on events", "ingests streams", "trains models", "orchestrates steps",
        "routes events", "collects metrics", "manages encryption keys",
    ]

    /// Distinct, realistic stems and options for item `number`.
    static func item(_ number: Int, key: Int, shuffle: Bool = true, optionCount: Int = 4) -> ChoiceItem {
        let service = number % services.count
        let options = (0..<optionCount).map { services[(service + $0 * 5) % services.count] }
        var ordered = options
        ordered.swapAt(0, key)
        return ChoiceItem(options: ordered, key: key, shuffle: shuffle,
                          stem: "Which service \(tasks[service]) for team \(number)?")
    }
}

/// Every item of the bank in file order, with its file and case study, read where it lies in the
/// bank rather than copied out: copying 100,000 items retains and releases every string in them.
struct BankItems {
    private struct Place {
        var file: Int32
        /// -1 for a stand-alone item.
        var caseIndex: Int32
        var item: Int32
    }

    let bank: Bank
    private let places: [Place]

    init(_ bank: Bank) {
        self.bank = bank
        var places: [Place] = []
        for (fileIndex, file) in bank.files.enumerated() {
            for index in file.items.indices { places.append(Place(file: Int32(fileIndex), caseIndex: -1, item: Int32(index))) }
            for (caseIndex, study) in file.cases.enumerated() {
                for index in study.items.indices { places.append(Place(file: Int32(fileIndex), caseIndex: Int32(caseIndex), item: Int32(index))) }
            }
        }
        self.places = places
    }

    var count: Int { places.count }
    var indices: Range<Int> { places.indices }

    subscript(index: Int) -> Item {
        _read {
            let place = places[index]
            if place.caseIndex < 0 {
                yield bank.files[Int(place.file)].items[Int(place.item)]
            } else {
                yield bank.files[Int(place.file)].cases[Int(place.caseIndex)].items[Int(place.item)]
            }
        }
    }

    /// The path of the file item `index` is in.
    func file(_ index: Int) -> String { bank.files[Int(places[index].file)].path }

    /// The items of each file, by file index: places are in file order.
    var fileRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for fileIndex in bank.files.indices {
            var end = start
            while end < places.count, places[end].file == Int32(fileIndex) { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// The case study item `index` belongs to, if any.
    func caseStudy(_ index: Int) -> CaseStudy? {
        let place = places[index]
        return place.caseIndex < 0 ? nil : bank.files[Int(place.file)].cases[Int(place.caseIndex)]
    }

    /// The id of the case study item `index` belongs to, if any.
    func caseID(_ index: Int) -> String? {
        let place = places[index]
        return place.caseIndex < 0 ? nil : bank.files[Int(place.file)].cases[Int(place.caseIndex)].id
    }
}

extension LintContext {
    /// Every item of the bank in file order, in place (see `BankItems`).
    var bankItems: BankItems { BankItems(bank) }
}
