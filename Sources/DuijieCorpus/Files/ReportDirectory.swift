import DuijieBase
import Foundation
import SystemPackage

/// Writes a directory of files as a whole: into a new sibling directory first, which then takes
/// the place of the old one, so a failure never leaves a half-written report where a good one was.
/// The sibling is named `.NAME.duijie-tmp-PID-…` (as `AtomicFile` names its files); one left by
/// a killed write is removed by the next write to `NAME`.
package enum ReportDirectory {
    /// Replaces `directory` with `files` (relative path and text).
    ///
    /// - Throws: `DuijieError` naming the path; the directory is then as it was.
    package static func replace(_ directory: String, with files: [(path: String, text: String)]) throws(DuijieError) {
        let manager = FileManager.default
        let trimmed = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let parent = FilePath(trimmed).removingLastComponent().string
        let folder = parent.isEmpty ? "." : parent
        let base = FilePath(trimmed).lastComponent?.string ?? trimmed
        guard base != ".", base != "..", base != "/" else {
            throw DuijieError(.invalidInput, "\(directory): the output must name a directory to create or replace, not . or ..")
        }
        TemporaryFiles.removeStale(of: base, in: folder)
        let staging = TemporaryFiles.path(for: base, in: folder)
        let retired = staging + ".old"
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: trimmed, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw DuijieError(.invalidInput, "\(directory): exists and is not a directory") }
        do {
            for file in files {
                let path = FilePath(staging).appending(file.path).string
                try manager.createDirectory(atPath: FilePath(path).removingLastComponent().string, withIntermediateDirectories: true)
                try AtomicFile.write(file.text, to: path)
            }
            if files.isEmpty { try manager.createDirectory(atPath: staging, withIntermediateDirectories: true) }
            if exists { try manager.moveItem(atPath: trimmed, toPath: retired) }
            do {
                try manager.moveItem(atPath: staging, toPath: trimmed)
            } catch {
                if exists { try? manager.moveItem(atPath: retired, toPath: trimmed) }
                throw error
            }
            TemporaryFiles.syncFolder(folder)
            if exists { try? manager.removeItem(atPath: retired) }
        } catch let error as DuijieError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw DuijieError(.io, "\(directory): cannot write the report (\(error.localizedDescription)); any existing report is unchanged")
        }
    }
}
