import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieWorkspace
import Foundation

/// `duijie workspace …`: the workbench's database — users, demand owners, deals, learned weights and backups.
struct WorkspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace",
        abstract: "Manage a workspace (the server's SQLite file): users, demand owners, deals, learned weights and backups.",
        subcommands: [WorkspaceInitCommand.self, WorkspaceAddUserCommand.self, WorkspaceUsersCommand.self, WorkspaceAssignCommand.self,
                      WorkspaceImportDealsCommand.self, WorkspaceDealsCommand.self, WorkspaceImportEventCommand.self, WorkspaceImportRatingsCommand.self,
                       WorkspaceWeightsCommand.self, WorkspaceBackupCommand.self]
    )
}

/// `duijie workspace add-user`: a user, with a password read from standard input.
struct WorkspaceAddUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-user",
        abstract: "Add a user; the password is read from standard input (never from the command line).",
        discussion: """
        Examples:
          duijie workspace add-user demo.sqlite --login wang --role broker --name 王经纪
          printf '%s\\n' "$PASSWORD" | duijie workspace add-user demo.sqlite --login li --role admin
        """
    )

    @Argument(help: "The workspace file (created when absent).") var workspace: String
    @Option(help: "The login name.") var login: String
    @Option(help: "admin, broker or viewer.") var role: String
    @Option(help: "The name shown (default: the login).") var name: String?

    func run() throws {
        guard let role = Role(rawValue: role) else { throw ValidationError("--role \(role): expected admin, broker or viewer") }
        let workspace = try Workspace(path: workspace)
        if isatty(STDIN_FILENO) != 0 { printError("password for \(login) (at least \(Workspace.minimumPasswordLength) characters), then Enter:") }
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw DuijieError(.invalidInput, "password: none on standard input")
        }
        let user = try workspace.addUser(login: login, displayName: name, role: role, password: password)
        print("added \(user.role.rawValue) \(user.login) (id \(user.id)) to \(workspace.path)")
    }
}

/// `duijie workspace users`: who can sign in.
struct WorkspaceUsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "users", abstract: "List the users of a workspace.")

    @Argument(help: "The workspace file.") var workspace: String

    func run() throws {
        let rows = [["id", "login", "name", "role"]] + (try Workspace(existing: workspace).users()).map { [String($0.id), $0.login, $0.displayName, $0.role.rawValue] }
        print(TextTable.render(rows, rightAligned: [0]), terminator: "")
    }
}

/// `duijie workspace assign`: the broker who owns demands that came with the corpus (a demand
/// added through the workbench is its broker's already). A confidential demand is seen only by
/// its owner and admins.
struct WorkspaceAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Make a broker the owner of demands (confidential ones are then theirs to see).",
        discussion: """
        Takes effect at once, also while a server uses the workspace.
        Example:
          duijie workspace assign demo.sqlite D-1011 D-1012 --broker wang
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Argument(help: "The demand ids.") var demands: [String]
    @Option(help: "The broker's login.") var broker: String

    func run() throws {
        let opened = try Workspace(existing: workspace)
        guard let user = try opened.users().first(where: { $0.login == broker }) else {
            throw DuijieError(.invalidInput, "--broker \(broker): no such user in \(workspace)")
        }
        guard user.role == .broker else {
            throw DuijieError(.invalidInput, "--broker \(broker): is a \(user.role.rawValue); only a broker owns demands")
        }
        guard !demands.isEmpty else { throw ValidationError("give at least one demand id") }
        for demand in demands { try opened.setDemandOwner(demand, brokerID: user.id) }
        print("\(broker) owns \(demands.joined(separator: ", ")) in \(workspace)")
    }
}

/// `duijie workspace backup`: a consistent copy while the server runs.
struct WorkspaceBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a workspace consistently, even while a server uses it (SQLite's online backup).",
        discussion: """
        Example:
          duijie workspace backup demo.sqlite backups/demo-2026-12-07.sqlite
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Argument(help: "The backup file (replaced only by a complete copy).") var destination: String

    func run() throws {
        let source = try Workspace(existing: workspace)
        try source.backup(to: destination)
        let copy = try Workspace(path: destination)
        print("backed up \(workspace) to \(destination): \(try copy.users().count) users, schema version \(try copy.schemaVersion())")
    }
}
