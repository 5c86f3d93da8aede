import QBankCore

/// One form as it was administered: the key (which item sits where, whether it counts,
/// its answer) and each candidate's raw responses in key order. `nil` is an omitted
/// response. Items are matched across forms by id.
public struct Administration: Sendable {
    public struct Candidate: Sendable {
        public var id: String
        public var responses: [Answer?]
        public init(id: String, responses: [Answer?]) {
            self.id = id
            self.responses = responses
        }
    }

    public var form: String
    public var key: [KeyEntry]
    public var candidates: [Candidate]

    public init(form: String, key: [KeyEntry], candidates: [Candidate]) {
        self.form = form
        self.key = key
        self.candidates = candidates
    }
}

/// What an omitted response counts as.
public enum OmitConvention: String, Sendable, CaseIterable {
    /// As the exam scores it: an omitted response earns nothing (0). Default.
    case wrong
    /// As R psych does: the response is missing. Item p-value, sd and option shares are over
    /// those who answered; covariances (alpha, corrected point-biserial) use pairwise-complete
    /// pairs (`cov(use = "pairwise")`); the uncorrected item–total r fills a missing score with
    /// the item's median, as `score.multiple.choice(impute = "median")` does.
    case missing
}

/// The 0/1 item scores of one administration, all-or-nothing as the exam scores them
/// (`Answer.credits`), with `.nan` for a missing score under `OmitConvention.missing`.
struct ScoreMatrix {
    var scores: [[Double]]
    var omitted: [[Bool]]

    init(_ administration: Administration, convention: OmitConvention) {
        let key = administration.key
        scores = []
        omitted = []
        scores.reserveCapacity(administration.candidates.count)
        for candidate in administration.candidates {
            var row = [Double](repeating: 0, count: key.count)
            var omits = [Bool](repeating: false, count: key.count)
            for (index, entry) in key.enumerated() {
                let response = index < candidate.responses.count ? candidate.responses[index] : nil
                if response == nil {
                    omits[index] = true
                    row[index] = convention == .missing ? .nan : 0
                } else {
                    row[index] = entry.answer.credits(response, as: entry.type) ? 1 : 0
                }
            }
            scores.append(row)
            omitted.append(omits)
        }
    }
}
