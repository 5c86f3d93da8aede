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
        .target(name: "QBankReporting", dependencies: ["QBankCore", "QBankAssembly"]),
        .target(name: "QBankFiles", dependencies: ["QBankCore", "QBankXML", "QBankJSON", "QBankRules"]),

        .executableTarget(
            name: "qbank",
            dependencies: [
                "QBankCore", "QBankFiles", "QBankRules", "QBankAssembly", "QBankReporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "qbank-bench", dependencies: ["QBankCore", "QBankXML", "QBankJSON"]),

        .target(name: "TestSupport", dependencies: ["QBankCore", "QBankXML", "QBankJSON"], path: "Tests/TestSupport"),
        .testTarget(name: "QBankCoreTests", dependencies: ["QBankCore", "TestSupport"]),
        .testTarget(name: "QBankXMLTests", dependencies: ["QBankXML", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QBankJSONTests", dependencies: ["QBankJSON", "QBankXML", "TestSupport"], exclude: ["Fixtures", "Scripts"]),
        .testTarget(name: "QBankRulesTests", dependencies: ["QBankRules", "TestSupport"]),
        .testTarget(name: "QBankReportingTests", dependencies: ["QBankReporting", "QBankRules", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "QBankAssemblyTests", dependencies: ["QBankAssembly", "TestSupport"]),
        .testTarget(name: "QBankFilesTests", dependencies: ["QBankFiles", "QBankRules", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QBankCLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
