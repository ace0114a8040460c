import ArgumentParser
import DuijieBase
import Foundation

extension ParsableCommand {
    /// Parses the command line and runs the command, as ArgumentParser's `main()` does, with
    /// one reporting path for Duijie's errors: a `DuijieError` thrown by any command prints its
    /// description (location, message, details) on standard error and exits with status 1.
    /// Other errors (usage errors among them) go to ArgumentParser's own reporting.
    package static func mainReportingErrors() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as DuijieError {
            printError(error.description)
            Foundation.exit(EXIT_FAILURE)
        } catch {
            exit(withError: error)
        }
    }
}
