import QBankCore

/// What the QB6xx rules share: which items their stored statistics concern, and the one item their examples show
/// with different `<stats>`.
enum StoredStatistics {
    /// Only items that count (or are about to): pretest statistics are screened by `qbank promote`, items in
    /// review are being dealt with, retired ones no longer count.
    static func isCounted(_ item: Item) -> Bool { item.status == .operational || item.status == .approved }

    /// The examples' operational item carrying `stats` (the attributes of its `<stats/>`); `flagged` marks where
    /// the finding points.
    static func example(_ stats: String, flagged: Bool) -> RuleExample {
        RuleExample("""
            \(flagged ? "↓" : "")<item id="q1" type="single" domain="1" task="1.1" status="operational">
              <stem>Which service stores training data durably?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EC2 instance store</text></option>
                <option id="c"><text>Amazon ElastiCache</text></option>
                <option id="d"><text>AWS Lambda /tmp storage</text></option>
              </options>
              <stats \(stats)/>
            </item>
            """)
    }
}
