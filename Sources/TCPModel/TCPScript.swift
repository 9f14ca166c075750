import PlainJSON
/// A script line that cannot be understood; printed as `line N: message`, exit status 2.
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// The script format of `nettutor demo tcp --script`: one event per line, `#` comments and
/// blank lines skipped.
public enum TCPScript {
    /// One meaningful line: its number in the file, its text without comment, and what it says.
    public struct Line<Command: Sendable>: Sendable {
        public let number: Int
        public let text: String
        public let command: Command
    }

    /// Splits a script into its meaningful lines, trimming comments, and parses each with
    /// `parse`; the first line `parse` rejects stops with `line N: ...`.
    public static func lines<Command>(
        of text: String, expected: String, parse: (String) -> Command?
    ) -> Result<[Line<Command>], ScriptError> {
        var result: [Line<Command>] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty { continue }
            guard let command = parse(trimmed) else {
                return .failure(ScriptError(line: index + 1, message: "unknown event \"\(trimmed)\" (expected \(expected))"))
            }
            result.append(Line(number: index + 1, text: trimmed, command: command))
        }
        return .success(result)
    }

    static let modelGrammar = "<host> listen|connect|send|close|abort, deliver <host>, drop <host> or timeout <host>; <host> is client or server"
}

extension Substring {
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

/// Runs a model script (`nettutor demo tcp --script FILE [--json] [--seed N]`).
/// Returns the whole output, or the first line that is not an event (print it on stderr
/// and exit with status 2). Events that are invalid in the current state are not script
/// errors: they report the RFC's error in their step and change nothing.
public func runTCPScript(text: String, json: Bool, seed: UInt64) -> Result<String, ScriptError> {
    TCPScript.lines(of: text, expected: TCPScript.modelGrammar, parse: TCPEvent.init(scriptLine:)).map { lines in
        var world = TCPWorld(seed: seed)
        var out = ""
        for (n, line) in lines.enumerated() {
            let record = world.apply(line.command)
            out += json
                ? TCPScriptOutput.jsonLine(step: n + 1, event: line.text, world: world, error: record.error)
                : TCPScriptOutput.textBlock(step: n + 1, event: line.text, world: world, record: record)
            out += "\n"
        }
        return out
    }
}

/// The two output forms of a script run.
public enum TCPScriptOutput {
    /// `{"step": n, "event": "...", "client": "...", "server": "...", "to_client": [...], "to_server": [...], "error": ...}`
    static func jsonLine(step: Int, event: String, world: TCPWorld, error: String?) -> String {
        let fields: [(String, String)] = [
            ("step", String(step)),
            ("event", JSONText.string(event)),
            ("client", JSONText.string(world.client.state.rfcName)),
            ("server", JSONText.string(world.server.state.rfcName)),
            ("to_client", JSONText.array(world.toClient.map(\.summary))),
            ("to_server", JSONText.array(world.toServer.map(\.summary))),
            ("error", error.map(JSONText.string) ?? "null"),
        ]
        return JSONText.object(fields)
    }

    static func textBlock(step: Int, event: String, world: TCPWorld, record: StepRecord) -> String {
        func flight(_ segments: [Segment]) -> String {
            segments.isEmpty ? "none" : segments.map(\.summary).joined(separator: ", ")
        }
        var lines = [
            "\(step). \(event)",
            "   client \(world.client.state.rfcName.padded(to: 14)) server \(world.server.state.rfcName)",
            "   to client: \(flight(world.toClient))",
            "   to server: \(flight(world.toServer))",
        ]
        if let error = record.error { lines.append("   error: \(error)") }
        lines += record.explanation.map { "   | \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
