import DuijieBase
import Foundation
import GRDB

/// The workbench's database: users and their sessions, clients, cases (a demand being worked:
/// the shortlist as it was shown, notes, the broker), each result's status and its history,
/// and which broker owns a demand added through the server. One SQLite file in WAL mode
/// (readers never wait for the writer), migrated to `Workspace.schemaVersion` when opened.
///
/// The workspace holds what people did; it never lives inside the index, which can be rebuilt
/// from the corpus. Back it up with `backup(to:)` while it is in use.
public final class Workspace: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens the workspace at `path`, creating it when absent, and migrates it to the schema
    /// this program knows.
    ///
    /// - Throws: `DuijieError` when the file cannot be opened as SQLite, or holds a schema newer
    ///   than this program's (written by a newer Duijie: it is left untouched).
    public init(path: String) throws(DuijieError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = WorkspaceSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw DuijieError(.invalidInput, "\(path): the workspace was written by a newer Duijie (its schema is newer than version \(WorkspaceSchema.version)); upgrade duijie to open it")
            }
            try migrator.migrate(pool)
        } catch let error as DuijieError {
            throw error
        } catch {
            throw DuijieError(.io, "\(path): cannot open the workspace: \(error)", underlying: error)
        }
    }

    /// Opens the workspace at `path`, which must exist already (commands that read a workspace
    /// or add to one never create a file from a mistyped name).
    ///
    /// - Throws: `DuijieError` when there is no file at `path`, or as `init(path:)` does.
    public convenience init(existing path: String) throws(DuijieError) {
        guard FileManager.default.fileExists(atPath: path) else { throw DuijieError(.io, "\(path): no such workspace") }
        try self.init(path: path)
    }

    /// The schema version the file holds (the number of migrations applied).
    public func schemaVersion() throws(DuijieError) -> Int {
        try read { db in try WorkspaceSchema.migrator.appliedIdentifiers(db).count }
    }

    /// Writes a consistent copy of the workspace to `destination` while it stays in use (SQLite's
    /// online backup), through a temporary file renamed into place: an existing file at
    /// `destination` is replaced only by a complete backup.
    ///
    /// - Throws: `DuijieError` when the copy cannot be written.
    public func backup(to destination: String) throws(DuijieError) {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        TemporaryFiles.removeStale(of: name, in: folder)
        let temporary = TemporaryFiles.path(for: name, in: folder)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            try copy.close()
            guard rename(temporary, destination) == 0 else {
                throw DuijieError(.io, "\(destination): cannot move the backup into place: \(String(cString: strerror(errno)))")
            }
            TemporaryFiles.syncFolder(folder)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? DuijieError { throw error }
            throw DuijieError(.io, "\(destination): cannot write the backup: \(error)", underlying: error)
        }
    }

    /// Runs `body` in a read transaction, its errors reported as `DuijieError`.
    func read<T>(_ body: (Database) throws -> T) throws(DuijieError) -> T {
        do { return try pool.read(body) } catch { throw Self.wrap(error, path) }
    }

    /// Runs `body` in a write transaction (all or nothing), its errors reported as `DuijieError`.
    func write<T>(_ body: (Database) throws -> T) throws(DuijieError) -> T {
        do { return try pool.write(body) } catch { throw Self.wrap(error, path) }
    }

    private static func wrap(_ error: any Error, _ path: String) -> DuijieError {
        if let error = error as? DuijieError { return error }
        return DuijieError(.io, "\(path): \(error)", underlying: error)
    }
}
