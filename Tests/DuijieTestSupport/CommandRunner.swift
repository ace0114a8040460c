import Foundation

/// Runs a built executable of the package (`duijie` or `DuijieBench`) as a user would, from the
/// repository root, capturing its output and exit status.
public struct CommandRunner {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything printed on standard output, as UTF-8.
        public let standardOutput: String
        /// Everything printed on standard error, as UTF-8.
        public let standardError: String
    }

    /// The executable named `name` in the build folder that holds the test bundle.
    public static func executable(_ name: String) -> URL {
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent(name),
            Bundle.main.bundleURL.appendingPathComponent(name),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            fatalError("\(name) executable not found near \(bundleDirectory.path); build it with `swift build` first")
        }
        return found
    }

    /// Runs `duijie` (or `program`) with `arguments` and waits for it to end; `environment`
    /// adds to (or overrides) the test process's own; `input`, when given, is its standard input.
    public static func run(_ arguments: [String], program: String = "duijie", environment: [String: String] = [:],
                           input: String? = nil) throws -> Outcome {
        let raw = try run(executable: executable(program), arguments, environment: environment, input: input)
        return Outcome(status: raw.status, standardOutput: String(decoding: raw.output, as: UTF8.self),
                       standardError: String(decoding: raw.error, as: UTF8.self))
    }

    /// Runs any program from the repository's root and waits for it to end: its exit status
    /// and the bytes of its standard output and error.
    public static func run(executable: URL, _ arguments: [String], environment: [String: String] = [:],
                           input: String? = nil) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: RepositoryFiles.root)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let standardInput = Pipe()
        if input != nil { process.standardInput = standardInput }
        try process.run()
        if let input {
            standardInput.fileHandleForWriting.write(Data(input.utf8))
            try standardInput.fileHandleForWriting.close()
        }
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, outputData, errorData)
    }
}
