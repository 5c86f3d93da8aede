import QBankFiles

/// libFuzzer entry for `Scripts/fuzz.sh config`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? ConfigLoader.parse(Fuzzing.bytes(data, size), path: "/nonexistent/qbank.json", baseDirectory: "/nonexistent",
                                workingDirectory: "/nonexistent")
    return 0
}
