import QBankAssembly

/// CBC's and Clp's C interfaces (Cbc_C_Interface.h, Clp_C_Interface.h; EPL-2.0) as qbank uses
/// them, resolved from Debian's coinor-libcbc3 at run time. CoinBigIndex is `int` in that build.
typealias CoinBigIndex = Int32

struct CBCLibrary: @unchecked Sendable {
    typealias Model = UnsafeMutableRawPointer
    typealias IntQuery = @convention(c) (Model) -> Int32
    typealias DoubleQuery = @convention(c) (Model) -> Double
    typealias IntSetter = @convention(c) (Model, Int32) -> Void
    typealias DoubleSetter = @convention(c) (Model, Double) -> Void

    /// The functions CBC (`Cbc_…`) and Clp (`Clp_…`) share by name and signature.
    struct ModelFunctions {
        let newModel: @convention(c) () -> Model?
        let deleteModel: @convention(c) (Model) -> Void
        let loadProblem: @convention(c) (Model, Int32, Int32, UnsafePointer<CoinBigIndex>?, UnsafePointer<Int32>?,
                                         UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
                                         UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?) -> Void
        let setObjSense: DoubleSetter
        let setLogLevel: IntSetter
        let setMaximumSeconds: DoubleSetter
        let colSolution: @convention(c) (Model) -> UnsafePointer<Double>?
        let status: IntQuery
        let secondaryStatus: IntQuery

        init(_ library: SolverLibrary, prefix: String) throws(SolverLibrary.Unavailable) {
            newModel = try library.function(prefix + "newModel")
            deleteModel = try library.function(prefix + "deleteModel")
            loadProblem = try library.function(prefix + "loadProblem")
            setObjSense = try library.function(prefix + "setObjSense")
            setLogLevel = try library.function(prefix + "setLogLevel")
            setMaximumSeconds = try library.function(prefix + "setMaximumSeconds")
            colSolution = try library.function(prefix + "getColSolution")
            status = try library.function(prefix + "status")
            secondaryStatus = try library.function(prefix + "secondaryStatus")
        }
    }

    let cbc: ModelFunctions
    let clp: ModelFunctions
    let version: @convention(c) () -> UnsafePointer<CChar>?
    let setInteger: IntSetter
    let setAllowableFractionGap: DoubleSetter
    let setAllowableGap: DoubleSetter
    let setMaximumSolutions: IntSetter
    let setParameter: @convention(c) (Model, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void
    let setMIPStart: @convention(c) (Model, Int32, UnsafePointer<Int32>?, UnsafePointer<Double>?) -> Void
    let solve: IntQuery
    let isProvenInfeasible: IntQuery
    let isProvenOptimal: IntQuery
    let isSecondsLimitReached: IntQuery
    let isSolutionLimitReached: IntQuery
    let numberSavedSolutions: IntQuery
    let objValue: DoubleQuery
    let bestPossibleObjValue: DoubleQuery
    let nodeCount: IntQuery
    let clpInitialPrimalSolve: IntQuery
    let clpObjectiveValue: DoubleQuery

    /// Opened once per process; every solve after a failure reports the same reason.
    static let shared: Result<CBCLibrary, SolverLibrary.Unavailable> = Result { () throws(SolverLibrary.Unavailable) in
        try CBCLibrary(SolverLibrary(solver: "CBC", libraries: [["libCbcSolver.so.3", "libCbcSolver.dylib"], ["libClp.so.1", "libClp.dylib"]],
                                     install: installAdvice))
    }

    static let installAdvice = """
        Install COIN-OR CBC from Debian or Ubuntu: `apt-get install coinor-libcbc3` (it brings Clp, Cgl, Osi and CoinUtils). \
        Or assemble with the default solver, HiGHS, which the release archive ships.
        """

    private init(_ library: SolverLibrary) throws(SolverLibrary.Unavailable) {
        cbc = try ModelFunctions(library, prefix: "Cbc_")
        clp = try ModelFunctions(library, prefix: "Clp_")
        version = try library.function("Cbc_getVersion")
        setInteger = try library.function("Cbc_setInteger")
        setAllowableFractionGap = try library.function("Cbc_setAllowableFractionGap")
        setAllowableGap = try library.function("Cbc_setAllowableGap")
        setMaximumSolutions = try library.function("Cbc_setMaximumSolutions")
        setParameter = try library.function("Cbc_setParameter")
        setMIPStart = try library.function("Cbc_setMIPStartI")
        solve = try library.function("Cbc_solve")
        isProvenInfeasible = try library.function("Cbc_isProvenInfeasible")
        isProvenOptimal = try library.function("Cbc_isProvenOptimal")
        isSecondsLimitReached = try library.function("Cbc_isSecondsLimitReached")
        isSolutionLimitReached = try library.function("Cbc_isSolutionLimitReached")
        numberSavedSolutions = try library.function("Cbc_numberSavedSolutions")
        objValue = try library.function("Cbc_getObjValue")
        bestPossibleObjValue = try library.function("Cbc_getBestPossibleObjValue")
        nodeCount = try library.function("Cbc_getNodeCount")
        clpInitialPrimalSolve = try library.function("Clp_initialPrimalSolve")
        clpObjectiveValue = try library.function("Clp_objectiveValue")
    }
}
