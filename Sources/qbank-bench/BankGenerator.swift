import QBankCore

/// Writes synthetic but valid banks of any size: realistic lengths, every item type,
/// case studies, enemies and statistics, all derived from a seed.
struct BankGenerator {
    var seed: UInt64

    private static let services = [
        "Amazon S3", "AWS Glue", "Amazon Athena", "Amazon Redshift", "Amazon Data Firehose", "Amazon Kinesis Data Streams",
        "SageMaker Processing", "SageMaker Feature Store", "SageMaker Data Wrangler", "SageMaker Pipelines",
        "SageMaker Model Monitor", "SageMaker Clarify", "AWS Step Functions", "Amazon EventBridge", "AWS Lambda",
        "Amazon CloudWatch", "AWS CloudTrail", "AWS KMS", "Amazon ECR", "AWS CodePipeline",
    ]
    private static let verbs = ["Configure", "Create", "Store", "Schedule", "Enable", "Deploy", "Stream", "Register"]
    private static let goals = [
        "with the least operational overhead", "at the lowest cost", "with minimal latency",
        "while keeping data encrypted at rest", "without managing servers", "with an auditable history",
    ]

    /// Items in files of `perFile` items each (the last may be shorter).
    func files(items total: Int, perFile: Int, prefix: String) -> [BankFile] {
        var random = SeededRandom(seed: seed)
        var files: [BankFile] = []
        var next = 0
        while next < total {
            let count = min(perFile, total - next)
            var file = BankFile(path: "\(prefix)-\(files.count + 1)")
            var index = 0
            while index < count {
                if count - index >= 3, random.next(100) < 3 {
                    let id = "case-\(next + index)"
                    let members = (0..<2).map { item(number: next + index + $0, random: &random) }
                    file.cases.append(CaseStudy(id: id, title: "Scenario \(next + index)", scenario: Text(sentence(words: 90, random: &random)), items: members))
                    index += 2
                } else {
                    file.items.append(item(number: next + index, random: &random))
                    index += 1
                }
            }
            files.append(file)
            next += count
        }
        return files
    }

    private func item(number: Int, random: inout SeededRandom) -> Item {
        let domain = Int(random.next(4)) + 1
        let task = "\(domain).\(random.next(3) + 1)"
        let status: ItemStatus = [.operational, .operational, .operational, .pretest, .approved, .draft][Int(random.next(6))]
        let roll = random.next(100)
        let stem = Text("A company uses \(pick(Self.services, &random)) and \(pick(Self.services, &random)) for item \(number). "
            + sentence(words: 35, random: &random) + " Which solution meets these requirements \(pick(Self.goals, &random))?")
        let body: ItemBody
        if roll < 62 {
            let key = Int(random.next(4))
            body = .choice(ChoiceBody(options: (0..<4).map { option($0, correct: $0 == key, &random) }))
        } else if roll < 84 {
            body = .choice(ChoiceBody(options: (0..<5).map { option($0, correct: $0 < 2, &random) }, select: 2))
        } else if roll < 92 {
            body = .ordering((0..<4).map { Step(id: "s\($0 + 1)", text: Text(phrase(&random, $0)), rationale: sentence(words: 12, random: &random)) })
        } else {
            let prompts = (0..<4).map { MatchPrompt(id: "p\($0 + 1)", text: Text(phrase(&random, $0)), responseID: "r\($0 + 1)", rationale: sentence(words: 10, random: &random)) }
            let responses = (0..<5).map { MatchResponse(id: "r\($0 + 1)", text: Text("\(pick(Self.services, &random)) variant \($0)")) }
            body = .matching(MatchingBody(prompts: prompts, responses: responses))
        }
        let stats = status == .operational && random.next(2) == 0
            ? ItemStats(pValue: Double(30 + random.next(60)) / 100, pointBiserial: Double(10 + random.next(35)) / 100, responses: Int(200 + random.next(1500)))
            : nil
        return Item(
            id: "gen-\(number)", domain: domain, task: task, status: status, stem: stem, body: body,
            references: [Reference(title: "Developer Guide", url: "https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html")],
            tags: ["generated"], enemies: number % 50 == 1 ? [EnemyReference("gen-\(number - 1)")] : [], stats: stats)
    }

    private func option(_ index: Int, correct: Bool, _ random: inout SeededRandom) -> Option {
        Option(id: String(UnicodeScalar(UInt8(97 + index))), text: Text(phrase(&random, index)), isCorrect: correct,
               rationale: (correct ? "Correct. " : "Incorrect. ") + sentence(words: 22, random: &random))
    }

    private func phrase(_ random: inout SeededRandom, _ index: Int) -> String {
        "\(pick(Self.verbs, &random)) \(pick(Self.services, &random)) to handle stage \(index + 1) of the workload"
    }

    private static let words = ["data", "model", "endpoint", "training", "feature", "pipeline", "latency", "cost", "metric",
                                "bucket", "schema", "batch", "stream", "label", "drift", "bias", "role", "policy", "key", "job"]

    private func sentence(words count: Int, random: inout SeededRandom) -> String {
        var out = "The"
        for _ in 0..<count { out += " " + pick(Self.words, &random) }
        return out + "."
    }

    private func pick<T>(_ list: [T], _ random: inout SeededRandom) -> T { list[Int(random.next(UInt64(list.count)))] }
}

extension SeededRandom {
    /// Uniform in 0..<bound (modulo bias is irrelevant for generated test banks).
    mutating func next(_ bound: UInt64) -> UInt64 { next() % bound }
}
