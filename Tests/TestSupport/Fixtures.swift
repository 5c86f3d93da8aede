import Foundation
import QBankCore

/// Shared test data and paths.
public enum Fixtures {
    /// The repository root, found from this file's place in `Tests/TestSupport/`.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository, where the third-party corpus lives, if present.
    public static var sharedFolder: URL? {
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    /// The MLA-C01 blueprint, written out so rule tests do not depend on the blueprint reader.
    public static let mlaBlueprint = Blueprint(
        exam: "MLA-C01",
        form: FormSpec(length: 65, scored: 50, unscored: 15),
        domains: [
            BlueprintDomain(id: 1, name: "Data Preparation for Machine Learning (ML)", weight: 28, tasks: tasks(1)),
            BlueprintDomain(id: 2, name: "ML Model Development", weight: 26, tasks: tasks(2)),
            BlueprintDomain(id: 3, name: "Deployment and Orchestration of ML Workflows", weight: 22, tasks: tasks(3)),
            BlueprintDomain(id: 4, name: "ML Solution Monitoring, Maintenance, and Security", weight: 24, tasks: tasks(4)),
        ]
    )

    private static func tasks(_ domain: Int) -> [TaskStatement] {
        (1...3).map { task in
            TaskStatement(id: "\(domain).\(task)", name: "Task \(domain).\(task)", skills: [
                SkillStatement(id: "\(domain).\(task).k1", text: "Knowledge line 1 of task \(domain).\(task)"),
                SkillStatement(id: "\(domain).\(task).s1", text: "Skill line 1 of task \(domain).\(task)"),
            ])
        }
    }
}
