import Foundation

/// Wall time, CPU time and peak memory of one child process, as the kernel accounts them.
struct Measurement {
    var seconds: Double
    /// User + system time: steadier than wall time on a shared machine, and what a
    /// single-threaded reference (xmllint) and a multi-threaded run can be compared by.
    var cpuSeconds: Double
    var peakBytes: Int
    var status: Int32
}

enum Measure {
    /// Runs `arguments` (stdout and stderr discarded) and measures it with `wait4`.
    static func run(_ arguments: [String]) -> Measurement {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            return Measurement(seconds: 0, cpuSeconds: 0, peakBytes: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return Measurement(seconds: seconds, cpuSeconds: cpu, peakBytes: Int(usage.ru_maxrss) * 1024, status: (status >> 8) & 0xFF)
    }

    /// The best of `repeats` runs: the least disturbed by the rest of the machine.
    /// - Parameter before: runs before each repetition, untimed (e.g. changing a file).
    static func best(_ arguments: [String], repeats: Int, before: () -> Void = {}) -> Measurement {
        (0..<max(1, repeats)).map { _ in before(); return run(arguments) }.min { $0.seconds < $1.seconds }!
    }
}
