import QBankInterchange

/// libFuzzer entry for `Scripts/fuzz.sh gift`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.importing(.gift, data, size, path: "fuzz.gift")
}
