import QBankFiles

/// libFuzzer entry for `Scripts/fuzz.sh baseline`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? BaselineFile.parse(Fuzzing.bytes(data, size), path: "baseline.json")
    return 0
}
