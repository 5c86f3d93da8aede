import QBankInterchange

/// libFuzzer entry for `Scripts/fuzz.sh csv`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.importing(.csv, data, size, path: "fuzz.csv")
}
