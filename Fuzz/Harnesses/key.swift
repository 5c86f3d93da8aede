import QBankJSON

/// libFuzzer entry for `Scripts/fuzz.sh key`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzzing.bytes(data, size)
    _ = try? ScoringFileReader.key(bytes, path: "form.key.json")
    _ = try? FormKeyReader.key(bytes, path: "form.key.json")
    _ = try? FormKeyReader.formItemIDs(bytes, path: "form.form.json")
    return 0
}
