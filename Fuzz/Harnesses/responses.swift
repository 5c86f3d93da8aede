import QBankJSON

/// libFuzzer entry for `Scripts/fuzz.sh responses`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? ScoringFileReader.responses(Fuzzing.bytes(data, size), path: "responses.json", known: ["a-1", "mla-1.1-001", "q1"])
    return 0
}
