import ArgumentParser
struct ScoreCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "score"); func run() throws {} }
