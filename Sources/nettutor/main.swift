import ArgumentParser
import CTerminalSupport
import LessonKit
import Render
import TutorApp

#if canImport(Glibc)
import Glibc
#endif

nt_ignore_sigpipe()
exit(CommandLine.run())

extension CommandLine {
    /// Parses the arguments and runs the command; every user error is one line on stderr.
    static func run() -> Int32 {
        let options: GlobalOptions
        var rest: [String]
        do {
            (options, rest) = try GlobalOptions.extract(Array(arguments.dropFirst()))
        } catch {
            StandardStreams.error("nettutor: \(error)")
            return 2
        }
        if rest.isEmpty || (rest[0].hasPrefix("-") && !["-h", "--help", "--version", "--generate-completion-script"].contains(rest[0])) {
            rest.insert("home", at: 0)
        }
        // The two ways into the reader skip building the parser's command tree: its
        // protocol-conformance lookups were a sixth of the work before the first frame
        // (BENCHMARKS.md). Anything else, `--help` included, goes through the parser.
        if rest == ["home"] {
            return execute { try Runner(options: options).interactive(open: nil) }
        }
        if rest.count == 2, rest[0] == "open", !rest[1].hasPrefix("-") {
            let id = rest[1]
            return execute { try Runner(options: options).interactive(open: id) }
        }
        // `show` with plain, valid arguments too (2.5 ms of rendering the 2 MB benchmark
        // file); any other form, errors included, is left to the parser.
        if let show = ShowArguments(rest) {
            return execute { try Runner(options: options).show(id: show.id, width: show.width, color: show.color) }
        }
        let command: ParsableCommand
        do {
            command = try Nettutor.parseAsRoot(rest)
        } catch {
            let code = Nettutor.exitCode(for: error)
            if code == .success {
                // --help, help <command>, --version: ArgumentParser prints the right text.
                Nettutor.exit(withError: error)
            }
            let message = Nettutor.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            StandardStreams.error("nettutor: \(message) (see 'nettutor --help')")
            return 2
        }
        return execute { try Runner(options: options).run(command) }
    }

    /// Runs a command; every error becomes one line on stderr.
    static func execute(_ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let failure as Failure {
            StandardStreams.error("nettutor: \(failure.description)")
            return failure.status
        } catch {
            StandardStreams.error("nettutor: \(error)")
            return 2
        }
    }
}
