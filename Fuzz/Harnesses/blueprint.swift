import QBankJSON

/// libFuzzer entry for `Scripts/fuzz.sh blueprint`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = BlueprintReader().read(Fuzzing.bytes(data, size), path: "blueprint.json")
    return 0
}
