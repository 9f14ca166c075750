import Foundation
import Testing
import TestSupport

/// Quizzes as a learner meets them: on a card in the reader, and line by line through a pipe.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux and a built nettutor"))
struct QuizEndToEndTests {
    static let lesson = """
        ---
        id: flags
        title: "Flags"
        summary: "Two questions"
        order: 1
        minutes: 1
        ---
        ## Opening

        A connection opens with a SYN.

        ```quiz
        - id: opener
          type: single
          prompt: "Which flag opens a connection?"
          options:
            - text: "SYN"
              correct: true
            - text: "FIN"
              why: "FIN closes one direction of a connection."
          explain: "The SYN carries the initial sequence number."
          see: "#opening"
        - id: closer
          type: truefalse
          prompt: "FIN closes one direction of a connection."
          answer: true
          why: "Each side closes its own direction with its own FIN."
          explain: "That is why a close takes a FIN each way."
        ```
        """

    func lessonsDir() throws -> String {
        let dir = "/tmp/nettutor-e2e-lessons-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.lesson.write(toFile: dir + "/flags.md", atomically: true, encoding: .utf8)
        return dir
    }

    func expectScreen(_ result: (ok: Bool, screen: String), _ what: String) {
        #expect(result.ok, "\(what); screen was:\n\(result.screen)")
    }

    /// The number the card shows in front of an option's text.
    func number(of option: String, on screen: String) -> String? {
        for line in screen.split(separator: "\n") where line.contains(" \(option)") {
            if let r = line.range(of: #"(\d)\. "#, options: .regularExpression) {
                return String(line[r].prefix(1))
            }
        }
        return nil
    }

    @Test func answersInTheReaderSurviveARestartAndFeedTheReview() throws {
        let lessons = try lessonsDir()
        defer { try? FileManager.default.removeItem(atPath: lessons) }
        let t = try TmuxSession(width: 80, height: 30)
        let cmd = "\(t.nettutor) --lessons \(lessons)"
        t.run("\(cmd) open flags")
        expectScreen(t.waitFor("Which flag opens a connection?"), "the quiz card is drawn in the page")
        t.send("Tab")
        let screen = t.screen()
        guard let fin = number(of: "FIN", on: screen) else {
            Issue.record("no numbered FIN option on:\n\(screen)")
            return
        }
        t.type(fin)
        t.send("Enter")
        expectScreen(t.waitFor("FIN closes one direction of a connection."), "the why of the wrong pick")
        expectScreen(t.waitFor("Wrong"), "marked wrong")
        // Next question of the block: true is right.
        t.send("Enter")
        expectScreen(t.waitFor("true or false"), "second question")
        let tf = t.screen()
        guard let trueNumber = number(of: "true", on: tf) else {
            Issue.record("no numbered true option on:\n\(tf)")
            return
        }
        t.type(trueNumber)
        t.send("Enter")
        expectScreen(t.waitFor("Right"), "marked right")
        t.send("q")
        expectScreen(t.waitForPrompt(), "quit")

        // Progress survives: one of two right.
        t.run("\(cmd) progress")
        expectScreen(t.waitFor("1/2"), "progress shows the quiz score")
        // The missed question is due for review; the line runner asks it.
        t.run("\(cmd) review < /dev/null | head -5")
        expectScreen(t.waitFor("Which flag opens a connection?"), "review asks the missed question")
        // And the card remembers the last answer.
        t.run("clear; \(cmd) open flags")
        expectScreen(t.waitFor("Last time"), "the card shows how it went last time")
        t.send("q")
    }

    @Test func lineQuizThroughAPipeGivesFeedbackAndAScore() throws {
        let lessons = try lessonsDir()
        defer { try? FileManager.default.removeItem(atPath: lessons) }
        let state = "/tmp/nettutor-e2e-pipe-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let bin = TmuxSession.binary
        // An answer that does not fit is explained and asked again; then 1 and 1.
        let (out, status) = Subprocess.pipe([bin, "--lessons", lessons, "--state-dir", state, "quiz", "flags", "--seed", "7"],
                                            input: "seven\n1\n1\n")
        #expect(status == 0)
        #expect(out.contains("Question 1 of 2"))
        #expect(out.contains("Question 2 of 2"))
        #expect(out.contains("answer> "))
        let asks = out.components(separatedBy: "answer> ").count - 1
        #expect(asks == 3, "the bad answer is asked again:\n\(out)")
        #expect(out.range(of: #"score: \d/2"#, options: .regularExpression) != nil, "\(out)")
        // The answers were saved.
        let (progress, _) = Subprocess.pipe([bin, "--lessons", lessons, "--state-dir", state, "progress", "--json"], input: "")
        #expect(progress.contains("\"flags\""))
        #expect(progress.contains("\"answered\" : 2") || progress.contains("\"answered\":2"), "\(progress)")
    }

    @Test func endOfInputEndsTheQuizWithTheScoreSoFar() throws {
        let lessons = try lessonsDir()
        defer { try? FileManager.default.removeItem(atPath: lessons) }
        let (out, status) = Subprocess.pipe([TmuxSession.binary, "--lessons", lessons, "--state-dir", "/tmp/nettutor-e2e-eof-\(getpid())", "quiz", "flags"],
                                            input: "")
        #expect(status == 0)
        #expect(out.contains("score: 0/0"))
    }
}
