// swift-tools-version:6.1
import PackageDescription

// Layout: QBankCore is the model and knows nothing of files or terminals. Readers
// (XML, JSON), rules and reporters depend on it only; QBankFiles loads banks from
// disk; the `qbank` executable is a thin command layer over all of them.
let package = Package(
    name: "qbank",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qbank", targets: ["qbank"]),
        .library(name: "QBankCore", targets: ["QBankCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "QBankCore"),

        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CQBankXML", dependencies: ["CLibXML2"]),
        .target(name: "QBankXML", dependencies: ["QBankCore", "CQBankXML"]),
        .target(name: "QBankJSON", dependencies: ["QBankCore"]),

        .target(name: "QBankRules", dependencies: ["QBankCore"]),
        .target(name: "QBankAssembly", dependencies: ["QBankCore"]),
        .target(name: "QBankPsychometrics", dependencies: ["QBankCore"]),
        // HiGHS (MIT) from PyPI's highspy wheel, installed by Scripts/setup.sh into /usr/local/lib.
        .systemLibrary(name: "CHiGHS", pkgConfig: "highs"),
        .target(name: "QBankHiGHS", dependencies: ["QBankAssembly", "CHiGHS"]),
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .target(name: "QBankCBC", dependencies: ["QBankAssembly", "CCbc"]),
        .target(name: "QBankReporting", dependencies: ["QBankCore", "QBankAssembly", "QBankPsychometrics"]),
        .target(name: "QBankAuthoring", dependencies: ["QBankCore"]),
        .target(name: "QBankReports", dependencies: ["QBankCore", "QBankJSON", "QBankAssembly", "QBankRules"]),
        .target(name: "QBankFiles", dependencies: ["QBankCore", "QBankXML", "QBankJSON", "QBankRules"]),
        .target(
            name: "QBankInterchange",
            dependencies: ["QBankCore", "QBankXML", "QBankJSON", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),

        .executableTarget(
            name: "qbank",
            dependencies: [
                "QBankCore", "QBankFiles", "QBankRules", "QBankAssembly", "QBankHiGHS", "QBankCBC", "QBankReporting", "QBankReports",
                "QBankAuthoring", "QBankXML", "QBankJSON", "QBankInterchange", "QBankPsychometrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "qbank-bench", dependencies: ["QBankCore", "QBankXML", "QBankJSON", "QBankAssembly", "QBankHiGHS", "QBankCBC", "QBankPsychometrics"]),

        .target(name: "TestSupport", dependencies: ["QBankCore", "QBankXML", "QBankJSON"], path: "Tests/TestSupport"),
        .testTarget(name: "QBankCoreTests", dependencies: ["QBankCore", "TestSupport"]),
        .testTarget(name: "QBankXMLTests", dependencies: ["QBankXML", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QBankJSONTests", dependencies: ["QBankJSON", "QBankXML", "TestSupport"], exclude: ["Fixtures", "Scripts"]),
        .testTarget(name: "QBankRulesTests", dependencies: ["QBankRules", "TestSupport"]),
        .testTarget(name: "QBankReportingTests", dependencies: ["QBankReporting", "QBankRules", "QBankHiGHS", "QBankPsychometrics", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "QBankAssemblyTests", dependencies: ["QBankAssembly", "QBankHiGHS", "QBankCBC", "TestSupport"]),
        .testTarget(name: "QBankSolverTests", dependencies: ["QBankHiGHS", "QBankCBC"]),
        .testTarget(name: "QBankReportsTests", dependencies: ["QBankReports", "QBankRules", "TestSupport"]),
        .testTarget(name: "QBankAuthoringTests", dependencies: ["QBankAuthoring", "QBankRules", "TestSupport"]),
        .testTarget(name: "QBankFilesTests", dependencies: ["QBankFiles", "QBankRules", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QBankInterchangeTests", dependencies: ["QBankInterchange", "QBankFiles", "QBankJSON", "TestSupport"]),
        .testTarget(name: "QBankCLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "QBankPsychometricsTests", dependencies: ["QBankPsychometrics", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
