import QBankCore

/// A case study has a scenario and 2–3 questions.
public struct CaseStudyStructureRule: Rule {
    /// The question count a case study may have.
    public var minimumQuestions = 2
    public var maximumQuestions = 3

    public init() {}

    public static let description = RuleDescription(
        id: "QB106", name: "case-study-structure", category: .structure,
        summary: "A case study must have a non-empty scenario and 2 to 3 questions.",
        rationale: """
            A case study is one scenario with two or three questions, each scored on its own and assembled \
            together. A case with one question is an ordinary item with a long stem; more than three \
            overweights one scenario on a 65-item form.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<case id="c1">
              <scenario>A retailer trains a demand forecasting model every week.</scenario>
              <item id="q1" type="single" domain="2" task="2.1" status="draft">
                <stem>Which algorithm fits the forecasting need?</stem>
                <options>
                  <option id="a" correct="true"><text>DeepAR</text></option>
                  <option id="b"><text>k-means</text></option>
                  <option id="c"><text>Random Cut Forest</text></option>
                  <option id="d"><text>BlazingText</text></option>
                </options>
              </item>
            </case>
            """,
        ],
        nonTriggeringExamples: [
            """
            <case id="c1">
              <scenario>A retailer trains a demand forecasting model every week.</scenario>
              <item id="q1" type="single" domain="2" task="2.1" status="draft">
                <stem>Which algorithm fits the forecasting need?</stem>
                <options>
                  <option id="a" correct="true"><text>DeepAR</text></option>
                  <option id="b"><text>k-means</text></option>
                  <option id="c"><text>Random Cut Forest</text></option>
                  <option id="d"><text>BlazingText</text></option>
                </options>
              </item>
              <item id="q2" type="single" domain="2" task="2.3" status="draft">
                <stem>Which metric should the team track for forecast accuracy?</stem>
                <options>
                  <option id="a" correct="true"><text>Weighted quantile loss</text></option>
                  <option id="b"><text>Area under the ROC curve</text></option>
                  <option id="c"><text>F1 score</text></option>
                  <option id="d"><text>Silhouette coefficient</text></option>
                </options>
              </item>
            </case>
            """,
        ]
    )

    public func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for file in context.bank.files {
            for caseStudy in file.cases {
                if caseStudy.scenario.isBlank {
                    found.append(diagnostic(
                        "case study '\(caseStudy.id)' has an empty scenario; write the situation its questions refer to",
                        at: caseStudy.origin, in: file.path, item: caseStudy.id))
                }
                if !(minimumQuestions...max(minimumQuestions, maximumQuestions)).contains(caseStudy.items.count) {
                    found.append(diagnostic(
                        "case study '\(caseStudy.id)' has \(counted(caseStudy.items.count, "question")); use \(minimumQuestions) to \(maximumQuestions)",
                        at: caseStudy.origin, in: file.path, item: caseStudy.id))
                }
            }
        }
        return found
    }
}

extension CaseStudyStructureRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumQuestions": .number(Double(minimumQuestions)), "maximumQuestions": .number(Double(maximumQuestions))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumQuestions", into: &minimumQuestions, in: 1...20)
        try options.read("maximumQuestions", into: &maximumQuestions, in: 1...20)
    }
}
