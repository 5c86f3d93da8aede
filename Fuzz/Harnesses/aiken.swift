import QBankInterchange

/// libFuzzer entry for `Scripts/fuzz.sh aiken`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.importing(.aiken, data, size, path: "fuzz.txt")
}
