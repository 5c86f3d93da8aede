import QBankXML

/// libFuzzer entry for `Scripts/fuzz.sh xml-bank`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = XMLBankReader().read(Fuzzing.bytes(data, size), path: "fuzz.xml")
    return 0
}
