import QBankAssembly

/// The part of HiGHS's C API (highs_c_api.h, MIT) that qbank uses, resolved from libhighs.so.1 at
/// run time. HighsInt is 32-bit in the highspy wheel's build; the adapter checks it before a solve.
typealias HighsInt = Int32

struct HiGHSLibrary: @unchecked Sendable {
    typealias Handle = UnsafeMutableRawPointer
    let create: @convention(c) () -> Handle?
    let destroy: @convention(c) (Handle) -> Void
    let sizeofHighsInt: @convention(c) (Handle) -> HighsInt
    let versionMajor: @convention(c) () -> HighsInt
    let versionMinor: @convention(c) () -> HighsInt
    let versionPatch: @convention(c) () -> HighsInt
    let setBoolOption: @convention(c) (Handle, UnsafePointer<CChar>, HighsInt) -> HighsInt
    let setIntOption: @convention(c) (Handle, UnsafePointer<CChar>, HighsInt) -> HighsInt
    let setDoubleOption: @convention(c) (Handle, UnsafePointer<CChar>, Double) -> HighsInt
    let passMip: @convention(c) (Handle, HighsInt, HighsInt, HighsInt, HighsInt, HighsInt, Double,
                                 UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
                                 UnsafePointer<Double>?, UnsafePointer<Double>?,
                                 UnsafePointer<HighsInt>?, UnsafePointer<HighsInt>?, UnsafePointer<Double>?,
                                 UnsafePointer<HighsInt>?) -> HighsInt
    let setSolution: @convention(c) (Handle, UnsafePointer<Double>?, UnsafePointer<Double>?,
                                     UnsafePointer<Double>?, UnsafePointer<Double>?) -> HighsInt
    let run: @convention(c) (Handle) -> HighsInt
    let modelStatus: @convention(c) (Handle) -> HighsInt
    let solution: @convention(c) (Handle, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?,
                                  UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> HighsInt
    let doubleInfo: @convention(c) (Handle, UnsafePointer<CChar>, UnsafeMutablePointer<Double>) -> HighsInt
    let intInfo: @convention(c) (Handle, UnsafePointer<CChar>, UnsafeMutablePointer<HighsInt>) -> HighsInt
    let int64Info: @convention(c) (Handle, UnsafePointer<CChar>, UnsafeMutablePointer<Int64>) -> HighsInt
    let infinity: @convention(c) (Handle) -> Double
    let runTime: @convention(c) (Handle) -> Double

    /// Opened once per process; every solve after a failure reports the same reason.
    static let shared: Result<HiGHSLibrary, SolverLibrary.Unavailable> = Result { () throws(SolverLibrary.Unavailable) in
        try HiGHSLibrary(SolverLibrary(solver: "HiGHS", libraries: [["libhighs.so.1", "libhighs.so", "libhighs.dylib"]], install: installAdvice))
    }

    static let installAdvice = """
        qbank's release archive ships HiGHS as lib/libhighs.so.1 beside bin/qbank: reinstall the archive with its lib folder. \
        From source, run Scripts/setup.sh (it installs libhighs.so.1 from PyPI's highspy wheel into /usr/local/lib). \
        Or assemble with --solver cbc after `apt-get install coinor-libcbc3`.
        """

    private init(_ library: SolverLibrary) throws(SolverLibrary.Unavailable) {
        create = try library.function("Highs_create")
        destroy = try library.function("Highs_destroy")
        sizeofHighsInt = try library.function("Highs_getSizeofHighsInt")
        versionMajor = try library.function("Highs_versionMajor")
        versionMinor = try library.function("Highs_versionMinor")
        versionPatch = try library.function("Highs_versionPatch")
        setBoolOption = try library.function("Highs_setBoolOptionValue")
        setIntOption = try library.function("Highs_setIntOptionValue")
        setDoubleOption = try library.function("Highs_setDoubleOptionValue")
        passMip = try library.function("Highs_passMip")
        setSolution = try library.function("Highs_setSolution")
        run = try library.function("Highs_run")
        modelStatus = try library.function("Highs_getModelStatus")
        solution = try library.function("Highs_getSolution")
        doubleInfo = try library.function("Highs_getDoubleInfoValue")
        intInfo = try library.function("Highs_getIntInfoValue")
        int64Info = try library.function("Highs_getInt64InfoValue")
        infinity = try library.function("Highs_getInfinity")
        runTime = try library.function("Highs_getRunTime")
    }
}
