import QBankPsychometrics

/// `qbank analyze --format json`: every figure of the analysis, keys sorted, numbers to 6 decimals.
public enum AnalysisJSON {
    public static let schemaVersion = 1

    public static func render(_ analysis: ItemAnalysis) -> String {
        let document: JSONValue = [
            "version": .int(schemaVersion),
            "omitted": .string(analysis.convention.rawValue),
            "thresholds": [
                "minimumP": .double(analysis.thresholds.minimumP), "maximumP": .double(analysis.thresholds.maximumP),
                "minimumDiscrimination": .double(analysis.thresholds.minimumDiscrimination),
                "nonFunctioningShare": .double(analysis.thresholds.nonFunctioningShare),
            ],
            "forms": .array(analysis.forms.map(form)),
            "items": .array(analysis.items.map { item($0, nonFunctioning: analysis.thresholds.nonFunctioningShare) }),
        ]
        return document.rendered()
    }

    static func form(_ form: FormStatistics) -> JSONValue {
        [
            "form": .string(form.form), "candidates": .int(form.candidates), "scoredItems": .int(form.scoredItems),
            "alpha": number(form.alpha), "standardizedAlpha": number(form.standardizedAlpha), "sem": number(form.sem),
            "meanRaw": number(form.meanRaw), "sdRaw": number(form.sdRaw),
            "meanProportion": number(form.meanProportion), "sdProportion": number(form.sdProportion),
            "distribution": .array(form.distribution.map { .int($0) }),
        ]
    }

    static func item(_ item: ItemStatistics, nonFunctioning: Double) -> JSONValue {
        [
            "id": .string(item.id), "type": .string(item.type), "scored": .bool(item.scored),
            "forms": .array(item.forms.map { .string($0) }), "candidates": .int(item.candidates), "n": .int(item.n),
            "pValue": number(item.pValue), "sd": number(item.sd), "omitRate": number(item.omitRate),
            "itemTotal": number(item.itemTotal), "pointBiserial": number(item.pointBiserial),
            "options": .array(item.options.map { option in
                [
                    "option": .string(option.option), "key": .bool(option.isKey), "count": .int(option.count),
                    "share": number(option.share), "meanTotal": number(option.meanTotal),
                    "restCorrelation": number(option.restCorrelation),
                    "nonFunctioning": .bool(!option.isKey && option.share < nonFunctioning),
                ]
            }),
            "flags": .array(item.flags.map { ["code": .string($0.code), "message": .string($0.description)] }),
        ]
    }

    private static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .double(value)
    }
}
