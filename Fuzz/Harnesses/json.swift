import QBankJSON

/// libFuzzer entry for `Scripts/fuzz.sh json`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? JSONParser.parse(Fuzzing.bytes(data, size))
    return 0
}
