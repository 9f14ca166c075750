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
        subcommands: [Home.self, Open.self, Show.self, List.self, Lint.self]
    )
}

struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the course map (the default).")
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a lesson in the reader.")
    @Argument(help: "The lesson id, e.g. tcp.") var id: String
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a lesson as text, laid out as in the reader.")
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
    @Flag(help: "Print JSON.") var json = false
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check lesson files; print file:line:col: error: message.")
    @Argument(help: "Lesson files or directories (default: the lessons in use).") var paths: [String] = []
}
