import QBankInterchange

/// libFuzzer entry for `Scripts/fuzz.sh markdown`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.importing(.markdown, data, size, path: "fuzz.md")
}
