import QBankInterchange

/// libFuzzer entry for `Scripts/fuzz.sh moodle`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.importing(.moodle, data, size, path: "fuzz.xml")
}
