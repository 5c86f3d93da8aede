import QBankAssembly
import Testing

/// The solvers are opened at run time: a missing library or function must come back as
/// `Unavailable` carrying what to install, never as a loader crash.
@Suite struct SolverLibraryTests {
    @Test func aMissingLibraryNamesItselfAndWhatToInstall() {
        #expect {
            _ = try SolverLibrary(solver: "Nosolver", libraries: [["libqbank-no-such-solver.so.7"]], install: "apt-get install nosolver")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("Nosolver is not available") && text.contains("libqbank-no-such-solver.so.7")
                && text.contains("apt-get install nosolver")
        }
    }

    @Test func aFunctionTheLibraryLacksIsReportedByName() throws {
        let libc = try SolverLibrary(solver: "libc", libraries: [["libc.so.6", "libSystem.dylib"]], install: "none")
        let strlen: @convention(c) (UnsafePointer<CChar>) -> Int = try libc.function("strlen")
        #expect(strlen("qbank") == 5)
        #expect(throws: SolverLibrary.Unavailable.self) {
            let _: @convention(c) () -> Void = try libc.function("qbank_no_such_function")
        }
    }
}
