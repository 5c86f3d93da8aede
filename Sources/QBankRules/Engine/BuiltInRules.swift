import QBankCore

/// Every rule qbank ships, in id order. A test checks that each file under `Rules/`
/// is listed here and that ids and names are unique.
public enum BuiltInRules {
    public static let all: [any Rule.Type] = [
        SingleAnswerKeyCountRule.self,
        SingleAnswerOptionCountRule.self,
        MultipleResponseCountsRule.self,
        OrderingStepsRule.self,
        MatchingPromptsRule.self,
        CaseStudyStructureRule.self,
        DuplicateIDRule.self,
        EmptyTextRule.self,
        UnresolvedReferenceRule.self,
        MissingRationaleOrReferenceRule.self,
        SelectCountRule.self,
        UnknownDomainRule.self,
        TaskNotInDomainRule.self,
        DuplicateChoiceTextRule.self,
        DuplicateChoiceIDRule.self,
        PlaceholderContentRule.self,
        SingleAnswerSelectCountRule.self,
        SkillTagRule.self,
        MissingMediaFileRule.self,
        MediaOutsideBankRule.self,
        ImageWithoutAltTextRule.self,
        UnsupportedMediaTypeRule.self,
        OversizedMediaFileRule.self,
        UnsafeSVGRule.self,
        NegativeLeadInRule.self,
        DoubleNegativeRule.self,
        MissingLeadInRule.self,
        MidStemBlankRule.self,
        TrueFalseInDisguiseRule.self,
        AllOfTheAboveRule.self,
        NoneOfTheAboveRule.self,
        CombinationOptionRule.self,
        KeyIsLongestRule.self,
        StemKeyWordRepeatRule.self,
        AbsoluteTermsRule.self,
        VagueTermsRule.self,
        ArticleAgreementRule.self,
        ConvergenceCueRule.self,
        NumericOptionsUnorderedRule.self,
        OverlappingNumericRangesRule.self,
        NearDuplicateOptionsRule.self,
        SharedOptionPrefixRule.self,
        NonParallelOptionsRule.self,
        SelectCountMissingRule.self,
        OrderingSequenceMarkerRule.self,
        MatchingOneToOneRule.self,
        MatchingWordRepeatRule.self,
        CaseSiblingCueRule.self,
        KeyPositionImbalanceRule.self,
        KeyLongestRateRule.self,
        DuplicateItemsRule.self,
        CrossItemCueingRule.self,
        SameFactItemsRule.self,
        MiskeySuspectRule.self,
        LowDiscriminationRule.self,
        ExtremeDifficultyRule.self,
        TooFewResponsesRule.self,
        UnusedSuppressionRule.self,
        UnknownRuleInSuppressionRule.self,
        BlanketSuppressionRule.self,
    ]

    /// Descriptions of every rule, including those readers report under.
    public static let descriptions: [RuleDescription] =
        (ReaderRules.all + [LintEngine.noBlueprint] + all.map { $0.description }).sorted { $0.id < $1.id }

    private static let byID: [String: RuleDescription] = Dictionary(descriptions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The options of the rule with this code and their defaults (what `qbank.json` may set), or nil when it takes none.
    public static func defaultOptions(of id: String) -> [String: RuleOptionValue]? {
        all.first { $0.description.id == id }?.init().asConfigurable?.options
    }

    /// The description of the rule with this code.
    public static func description(of id: String) -> RuleDescription? { byID[id] }
}
