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
        // cmark-gfm (BSD-2), GitHub's CommonMark parser, from Debian (libcmark-gfm-dev, -extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "QBankMarkdown", dependencies: ["QBankCore", "CCmarkGFM"]),

        .target(name: "QBankRules", dependencies: ["QBankCore", "QBankMarkdown"]),
        .target(name: "QBankAssembly", dependencies: ["QBankCore"]),
        .target(name: "QBankPsychometrics", dependencies: ["QBankCore"]),
        // The solvers are opened at run time (dlopen), not linked, so only `assemble` needs them:
        // HiGHS (MIT) libhighs.so.1 from PyPI's highspy wheel (Scripts/setup.sh, or lib/ in the release
        // archive) and COIN-OR CBC (EPL-2.0) from Debian's coinor-libcbc3.
        .target(name: "QBankHiGHS", dependencies: ["QBankAssembly"]),
        .target(name: "QBankCBC", dependencies: ["QBankAssembly"]),
        .target(name: "QBankReporting", dependencies: ["QBankCore", "QBankAssembly", "QBankPsychometrics"]),
        .target(name: "QBankAuthoring", dependencies: ["QBankCore"]),
        .target(name: "QBankReports", dependencies: ["QBankCore", "QBankJSON", "QBankAssembly", "QBankRules", "QBankMarkdown"]),
        .target(name: "QBankFiles", dependencies: ["QBankCore", "QBankXML", "QBankJSON", "QBankRules", "QBankMarkdown"]),
        // zlib (Zlib licence): zip entries (QTI packages) are inflated directly, not by the archive library.
        .systemLibrary(name: "CQBankZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "QBankInterchange",
            dependencies: ["QBankCore", "QBankXML", "QBankJSON", "QBankMarkdown", "CQBankZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),

        // The language server: JSON-RPC and LSP plumbing (knows nothing of banks), then qbank's server on it.
        .target(name: "QBankLSP", dependencies: ["QBankJSON"]),
        .target(name: "QBankServer", dependencies: ["QBankLSP", "QBankCore", "QBankJSON", "QBankFiles", "QBankRules"]),

        .executableTarget(
            name: "qbank",
            dependencies: [
                "QBankCore", "QBankFiles", "QBankRules", "QBankAssembly", "QBankHiGHS", "QBankCBC", "QBankReporting", "QBankReports",
                "QBankAuthoring", "QBankXML", "QBankJSON", "QBankInterchange", "QBankMarkdown", "QBankLSP", "QBankServer",
                "QBankPsychometrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "qbank-bench", dependencies: [
            "QBankCore", "QBankXML", "QBankJSON", "QBankAssembly", "QBankHiGHS", "QBankCBC", "QBankLSP", "QBankServer", "QBankPsychometrics",
        ]),

        .target(name: "TestSupport", dependencies: ["QBankCore", "QBankXML", "QBankJSON", "QBankFiles"], path: "Tests/TestSupport", exclude: ["Examples"]),
        .testTarget(name: "QBankCoreTests", dependencies: ["QBankCore", "TestSupport"]),
        .testTarget(name: "QBankXMLTests", dependencies: ["QBankXML", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QBankJSONTests", dependencies: ["QBankJSON", "QBankXML", "QBankMarkdown", "TestSupport"], exclude: ["Fixtures", "Scripts"]),
        .testTarget(name: "QBankMarkdownTests", dependencies: ["QBankMarkdown", "TestSupport"]),
        .testTarget(name: "QBankRulesTests", dependencies: ["QBankRules", "TestSupport"]),
        .testTarget(name: "QBankReportingTests", dependencies: ["QBankReporting", "QBankRules", "QBankHiGHS", "QBankPsychometrics", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "QBankAssemblyTests", dependencies: ["QBankAssembly", "QBankHiGHS", "QBankCBC", "TestSupport"]),
        .testTarget(name: "QBankSolverTests", dependencies: ["QBankHiGHS", "QBankCBC"]),
        .testTarget(name: "QBankReportsTests", dependencies: ["QBankReports", "QBankRules", "TestSupport"]),
        .testTarget(name: "QBankAuthoringTests", dependencies: ["QBankAuthoring", "QBankRules", "TestSupport"]),
        .testTarget(name: "QBankFilesTests", dependencies: ["QBankFiles", "QBankRules", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QBankInterchangeTests", dependencies: ["QBankInterchange", "QBankFiles", "QBankJSON", "QBankMarkdown", "TestSupport"]),
        .testTarget(name: "QBankLSPTests", dependencies: ["QBankLSP", "QBankJSON"]),
        .testTarget(name: "QBankServerTests", dependencies: ["QBankServer", "QBankLSP", "QBankJSON", "TestSupport"]),
        .testTarget(name: "QBankCLITests", dependencies: ["TestSupport"], exclude: ["Precision", "Scripts"]),
        .testTarget(name: "QBankPsychometricsTests", dependencies: ["QBankPsychometrics", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
