/// QTI 2.x and 3.0 share one model and differ in spelling (FORMATS.md §1):
/// `choiceInteraction maxChoices` in 2.x is `qti-choice-interaction max-choices`
/// in 3.0. Readers and writers work in 2.x names; this type translates.
public enum QTIVersion: String, Sendable, CaseIterable {
    case v21 = "2.1"
    case v30 = "3.0"

    public var namespace: String {
        switch self {
        case .v21: "http://www.imsglobal.org/xsd/imsqti_v2p1"
        case .v30: "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
        }
    }

    var schemaLocation: String {
        switch self {
        case .v21: "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
        case .v30: "http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
        }
    }

    var manifestNamespace: String {
        switch self {
        case .v21: "http://www.imsglobal.org/xsd/imscp_v1p1"
        case .v30: "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
        }
    }

    var packageSchema: (name: String, version: String) {
        switch self {
        case .v21: ("QTIv2.1 Package", "1.0.0")
        case .v30: ("QTI Package", "3.0.0")
        }
    }

    func resourceType(_ kind: String) -> String {
        switch self {
        case .v21: "imsqti_\(kind)_xmlv2p1"
        case .v30: "imsqti_\(kind)_xmlv3p0"
        }
    }

    var matchCorrectTemplate: String {
        switch self {
        case .v21: "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
        case .v30: "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
        }
    }

    /// A QTI element name in this version, from its 2.x spelling.
    func element(_ name: String) -> String { self == .v21 ? name : "qti-" + Self.kebab(name) }
    /// A QTI attribute name in this version, from its 2.x spelling.
    func attribute(_ name: String) -> String { self == .v21 ? name : Self.kebab(name) }

    static func kebab(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out += "-" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// 2.x spelling of a 3.0 name: `qti-choice-interaction` → `choiceInteraction`.
    static func camel(_ name: String) -> String {
        let base = name.hasPrefix("qti-") ? String(name.dropFirst(4)) : name
        guard base.contains("-") else { return base }
        var out = ""
        var upper = false
        for character in base {
            if character == "-" { upper = true; continue }
            out += upper ? character.uppercased() : String(character)
            upper = false
        }
        return out
    }
}
