import CLibFuzzer
import Foundation

/// Runs libFuzzer's driver from a fuzz target's `main`.
///
/// SwiftPM links an executable's `main` from the module's entry point, so a target cannot
/// leave `main` to libFuzzer's runtime; instead its `@main` calls `run`, which hands the
/// command line to `LLVMFuzzerRunDriver` (the same options, corpus folders and exit codes as
/// libFuzzer's own `main`).
public enum FuzzerDriver {
    /// Runs libFuzzer on `target` with the process's command line, and exits with its status.
    ///
    /// - Parameter target: The target's `LLVMFuzzerTestOneInput`: the input's bytes and
    ///   count, returning 0.
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }

    /// The input as a buffer; libFuzzer may pass no pointer for an empty input.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
    }
}
