import QBankJSON

/// libFuzzer entry for `Scripts/fuzz.sh json-bank`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = JSONBankReader().read(Fuzzing.bytes(data, size), path: "fuzz.json")
    return 0
}
