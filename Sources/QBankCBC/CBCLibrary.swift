import QBankAssembly

/// CBC's and Clp's C interfaces (Cbc_C_Interface.h, Clp_C_Interface.h; EPL-2.0) as qbank uses
/// them, resolved from Debian's coinor-libcbc3 at run time. CoinBigIndex is `int` in that build.
typealias CoinBigIndex = Int32

struct CBCLibrary: @unchecked Sendable {
    typealias Model = UnsafeMutableRawPointer
    typealias Action = @convention(c) (Model) -> Void
    typealias IntQuery = @convention(c) (Model) -> Int32
    typealias DoubleQuery = @convention(c) (Model) -> Double
    typealias SolutionQuery = @convention(c) (Model) -> UnsafePointer<Double>?
    typealias IntSetter = @convention(c) (Model, Int32) -> Void
    typealias DoubleSetter = @convention(c) (Model, Double) -> Void
    typealias LoadProblem = @convention(c) (Model, Int32, Int32, UnsafePointer<CoinBigIndex>?, UnsafePointer<Int32>?,
                                            UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
                                            UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?) -> Void

    let version: @convention(c) () -> UnsafePointer<CChar>?
    let newModel: @convention(c) () -> Model?
    let deleteModel: Action
    let loadProblem: LoadProblem
    let setInteger: IntSetter
    let setObjSense: DoubleSetter
    let setLogLevel: IntSetter
    let setAllowableFractionGap: DoubleSetter
    let setAllowableGap: DoubleSetter
    let setMaximumSeconds: DoubleSetter
    let setMaximumSolutions: IntSetter
    let setParameter: @convention(c) (Model, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void
    let setMIPStart: @convention(c) (Model, Int32, UnsafePointer<Int32>?, UnsafePointer<Double>?) -> Void
    let solve: IntQuery
    let isProvenInfeasible: IntQuery
    let isProvenOptimal: IntQuery
    let isSecondsLimitReached: IntQuery
    let isSolutionLimitReached: IntQuery
    let numberSavedSolutions: IntQuery
    let colSolution: SolutionQuery
    let objValue: DoubleQuery
    let bestPossibleObjValue: DoubleQuery
    let nodeCount: IntQuery
    let status: IntQuery
    let secondaryStatus: IntQuery

    let clpNewModel: @convention(c) () -> Model?
    let clpDeleteModel: Action
    let clpLoadProblem: LoadProblem
    let clpSetObjSense: DoubleSetter
    let clpSetLogLevel: IntSetter
    let clpSetMaximumSeconds: DoubleSetter
    let clpInitialPrimalSolve: IntQuery
    let clpStatus: IntQuery
    let clpSecondaryStatus: IntQuery
    let clpColSolution: SolutionQuery
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
        version = try library.function("Cbc_getVersion")
        newModel = try library.function("Cbc_newModel")
        deleteModel = try library.function("Cbc_deleteModel")
        loadProblem = try library.function("Cbc_loadProblem")
        setInteger = try library.function("Cbc_setInteger")
        setObjSense = try library.function("Cbc_setObjSense")
        setLogLevel = try library.function("Cbc_setLogLevel")
        setAllowableFractionGap = try library.function("Cbc_setAllowableFractionGap")
        setAllowableGap = try library.function("Cbc_setAllowableGap")
        setMaximumSeconds = try library.function("Cbc_setMaximumSeconds")
        setMaximumSolutions = try library.function("Cbc_setMaximumSolutions")
        setParameter = try library.function("Cbc_setParameter")
        setMIPStart = try library.function("Cbc_setMIPStartI")
        solve = try library.function("Cbc_solve")
        isProvenInfeasible = try library.function("Cbc_isProvenInfeasible")
        isProvenOptimal = try library.function("Cbc_isProvenOptimal")
        isSecondsLimitReached = try library.function("Cbc_isSecondsLimitReached")
        isSolutionLimitReached = try library.function("Cbc_isSolutionLimitReached")
        numberSavedSolutions = try library.function("Cbc_numberSavedSolutions")
        colSolution = try library.function("Cbc_getColSolution")
        objValue = try library.function("Cbc_getObjValue")
        bestPossibleObjValue = try library.function("Cbc_getBestPossibleObjValue")
        nodeCount = try library.function("Cbc_getNodeCount")
        status = try library.function("Cbc_status")
        secondaryStatus = try library.function("Cbc_secondaryStatus")
        clpNewModel = try library.function("Clp_newModel")
        clpDeleteModel = try library.function("Clp_deleteModel")
        clpLoadProblem = try library.function("Clp_loadProblem")
        clpSetObjSense = try library.function("Clp_setObjSense")
        clpSetLogLevel = try library.function("Clp_setLogLevel")
        clpSetMaximumSeconds = try library.function("Clp_setMaximumSeconds")
        clpInitialPrimalSolve = try library.function("Clp_initialPrimalSolve")
        clpStatus = try library.function("Clp_status")
        clpSecondaryStatus = try library.function("Clp_secondaryStatus")
        clpColSolution = try library.function("Clp_getColSolution")
        clpObjectiveValue = try library.function("Clp_objectiveValue")
    }
}
