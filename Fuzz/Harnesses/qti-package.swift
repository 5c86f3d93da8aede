import QBankInterchange

/// libFuzzer entry for `Scripts/fuzz.sh qti-package`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.importing(.qti, data, size, path: "fuzz.zip")
}
