import ArgumentParser
import LessonKit
import Render

struct Nettutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nettutor",
        abstract: "An interactive terminal tutor for networking.",
        discussion: """
            With no command, opens the course map.

            Global options (before or after the command):
              --lessons DIR     load lessons from DIR instead of the built-in course
              --state-dir DIR   keep progress in DIR (default $XDG_STATE_HOME/nettutor)
              --no-color        no colors (NO_COLOR in the environment does the same)
            """,
        version: "0.1.0",
        subcommands: [Home.self, Open.self, Show.self, List.self, Lint.self, Quiz.self, Review.self, Progress.self, Demo.self]
    )
}

struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the course map (the default).")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a lesson in the reader.")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Argument(help: "The lesson id, e.g. tcp.") var id: String
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a lesson as text, laid out as in the reader.")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }
    @Argument(help: "The lesson id, e.g. tcp.") var id: String
    @Option(help: "Layout width in columns (default: the terminal's, or 80).") var width: Int?
    @Option(help: "ANSI styling: auto (only on a terminal), always, never.") var color: ColorMode = .auto

    func validate() throws {
        if let width, width < 1 || width > 1000 {
            throw ValidationError("--width must be between 1 and 1000")
        }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons.")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Flag(help: "Print JSON.") var json = false
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check lesson files; print file:line:col: error: message.")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Argument(help: "Lesson files or directories (default: the lessons in use).") var paths: [String] = []
}

struct Quiz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take all of a lesson's quiz questions in a row.",
        discussion: "When stdin is not a terminal, the quiz runs line by line: one answer per line (2, 1,3, 3 1 2, text or a number).")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Argument(help: "The lesson id, e.g. tcp.") var id: String
    @Option(help: "Shuffle seed, for repeatable option order.") var seed: UInt64?
}

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer today's due questions across all lessons (spaced repetition, SM-2).")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Option(help: "Shuffle seed, for repeatable option order.") var seed: UInt64?
}

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show progress per lesson, or erase it.")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Erase progress (of one lesson, or all); asks first.") var reset = false
    @Flag(help: "With --reset: do not ask.") var yes = false
    @Argument(help: "With --reset: the lesson to erase (default: all).") var id: String?

    func validate() throws {
        if id != nil && !reset { throw ValidationError("a lesson id goes with --reset") }
        if yes && !reset { throw ValidationError("--yes goes with --reset") }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a live demo.",
        subcommands: [TCPDemoCommandLine.self, IOMuxDemoCommandLine.self])
}

struct TCPDemoCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tcp",
        abstract: "The TCP state-machine stepper (RFC 9293), with the Linux kernel beside it.",
        discussion: """
            Script lines: '<host> listen|connect|send|close|abort', 'deliver <host>', 'drop <host>',
            'timeout <host>' (host: client or server); '#' comments. In kernel mode:
            '<host> listen|connect|accept|close|abort' and 'wait <ms>'.
            """)
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Option(help: "Seed for the initial sequence numbers (repeatable runs).") var seed: UInt64?
    @Flag(help: "Run the same calls on real loopback sockets and show the kernel's states.") var kernel = false
    @Option(help: "Read events from FILE ('-' for stdin) instead of opening the screen.") var script: String?
    @Flag(help: "With --script: one JSON object per event.") var json = false

    func validate() throws {
        if json && script == nil { throw ValidationError("--json goes with --script") }
    }
}

struct IOMuxDemoCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iomux",
        abstract: "select vs poll vs epoll, measured on this machine.")
    @OptionGroup(title: "Global options") var globals: GlobalFlags
    @Flag(help: "Measure and print JSON lines instead of opening the screen.") var json = false
    @Option(help: "Numbers of watched descriptors, e.g. 10,100,1000.") var fds: String?
    @Option(help: "How many of them are ready (K).") var active: Int = 1
}

/// Listed in every command's help. The values are taken out of the arguments before
/// parsing (see `GlobalOptions.extract`), so they work anywhere on the line.
struct GlobalFlags: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp("Load lessons from DIR instead of the built-in course.", valueName: "dir"))
    var lessons: String?
    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Keep progress in DIR (default $XDG_STATE_HOME/nettutor).", valueName: "dir"))
    var stateDir: String?
    @Flag(name: .customLong("no-color"), help: "No colors (NO_COLOR does the same).")
    var noColor = false
}
