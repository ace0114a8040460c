import DuijieBase
import Foundation
import SystemPackage

/// Checks on where an output goes, made before anything is written (and before a long build),
/// so that a wrong `-o` is a clear error and never a crash or a lost directory.
package enum OutputPath {
    /// What is at a path, without following a final symbolic link.
    package enum Existing: Equatable {
        case nothing, regularFile, directory, symbolicLink, other
    }

    /// What is at `path` (`lstat`).
    package static func existing(_ path: String) -> Existing {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .nothing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `path`'s last component names something to create or replace: not empty, not `.`
    /// or `..`, and not ending in `/`.
    private static func namesAnEntry(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasSuffix("/"), let last = FilePath(path).lastComponent?.string else { return false }
        return last != "." && last != ".."
    }

    /// Checks that `path` can receive a file written whole: it names an entry, and what is there
    /// now (if anything) is a regular file or a symbolic link (replaced itself, not followed).
    ///
    /// `inputs` are files this run reads, which the output may never replace.
    ///
    /// - Throws: `DuijieError` (invalid input) naming the path: a directory, `.`, a device, a
    ///   FIFO, an input.
    package static func checkFile(_ path: String, inputs: [String] = []) throws(DuijieError) {
        guard namesAnEntry(path) else {
            throw DuijieError(.invalidInput, "the output must name a file, not a directory", at: .init(file: path))
        }
        for input in inputs where contains(path, input) {
            throw DuijieError(.invalidInput, "is the input \(input); choose another output file", at: .init(file: path))
        }
        switch existing(path) {
        case .nothing, .regularFile, .symbolicLink: return
        case .directory:
            throw DuijieError(.invalidInput, "is a directory; the output must name a file", at: .init(file: path))
        case .other:
            throw DuijieError(.invalidInput, "exists and is not a regular file (a device or FIFO is never replaced)", at: .init(file: path))
        }
    }

    /// Names of the files a previous run of the same command leaves, so that a directory holding
    /// only these is replaced without `--force`.
    package typealias OwnEntries = Set<String>

    /// Checks that `path` can be replaced as a whole by a directory of outputs.
    ///
    /// - Parameters:
    ///   - force: whether a non-empty directory may be replaced.
    ///   - ownEntries: entries a previous run writes; a directory holding nothing else is
    ///     replaced without `force`.
    ///   - inputs: files and directories this run reads; `path` may never be one of them or
    ///     contain one, even with `force`.
    /// - Throws: `DuijieError` (invalid input) naming the path and what to do.
    package static func checkDirectory(_ path: String, force: Bool, ownEntries: OwnEntries = [], inputs: [String] = []) throws(DuijieError) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard namesAnEntry(trimmed) else {
            throw DuijieError(.invalidInput, "the output must name a directory to create or replace, not . or ..", at: .init(file: path))
        }
        for input in inputs where contains(trimmed, input) {
            throw DuijieError(.invalidInput, "is or contains the input \(input); choose another output directory (never replaced, even with --force)",
                              at: .init(file: path))
        }
        switch existing(trimmed) {
        case .nothing: return
        case .regularFile, .symbolicLink, .other:
            throw DuijieError(.invalidInput, "exists and is not a directory", at: .init(file: path))
        case .directory:
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: trimmed)) ?? []
            if force || contents.allSatisfy(ownEntries.contains) { return }
            throw DuijieError(.invalidInput, "the directory is not empty; use --force to replace it",
                              at: .init(file: path))
        }
    }

    /// Whether `outer` is `inner` or an ancestor of it, comparing real paths (symbolic links resolved).
    package static func contains(_ outer: String, _ inner: String) -> Bool {
        guard let outerReal = realPath(outer), let innerReal = realPath(inner) else { return false }
        let outerComponents = Array(FilePath(outerReal).components)
        let innerComponents = Array(FilePath(innerReal).components)
        return innerComponents.starts(with: outerComponents)
    }

    /// The absolute path with symbolic links resolved, or nil when `path` does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
