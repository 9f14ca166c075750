import CTerminalSupport
import Foundation
import IOMux
import QuizCommands
import QuizUI
import LessonKit
import QuizKit
import Render
import StateStore
import TCPStepperDemo
import Terminal
import TutorApp

/// The outer loop: reads keys, runs `update`, carries out effects, presents frames.
/// Everything it touches that is not pure lives here or in `Terminal`.
struct InteractiveSession {
    let course: Course
    let store: ProgressStore?
    let color: Bool

    func run(open lessonID: String?) throws -> Int32 {
        let terminal = try FullScreen.start(color: color)
        var state = AppState(course: course, progress: store?.state ?? LearnerProgress(), width: terminal.width, height: terminal.height)
        state.now = Date().timeIntervalSince1970
        state.message = store?.takeNotices().first ?? (store == nil ? "Progress will not be saved (state directory unusable)" : nil)
        if let lessonID { _ = state.open(lessonID: lessonID) }
        var saveFailed = false
        var lastSaved: LearnerProgress?

        // `q` asks for a save and the loop's end saves again: the second would rewrite
        // and fsync the same state (two more fsyncs, most of the time quitting took).
        // Merging is idempotent, so skipping a save of what was just saved changes nothing.
        func save(_ progress: LearnerProgress) {
            guard let store, progress != lastSaved else { return }
            do {
                try store.save(merging: progress)
                lastSaved = progress
            } catch {
                if !saveFailed { state.message = "Progress cannot be saved: \(error)" }
                saveFailed = true
            }
        }

        // Test hook: crash after the first frame, so a test can check the terminal comes back.
        let crashForTest = Environment.value("NETTUTOR_TEST_CRASH") == "1"
        var needsDraw = true
        var lastFrame = ContinuousClock.now
        loop: while true {
            if nt_quit_signal() != 0 { break }
            // Keys that are already waiting (a held key, a paste, a fast typist) are taken
            // before the next frame, as less and curses' own typeahead check do: only the
            // screen after the last of them is drawn. A frame still goes out every 50 ms
            // while keys keep coming, so the page never looks frozen.
            var input = TerminalInput.timeout
            if needsDraw && ContinuousClock.now - lastFrame < .milliseconds(50) {
                input = terminal.read(timeoutMs: 0)
            }
            if needsDraw && input == .timeout {
                terminal.present(View.draw(state))
                needsDraw = false
                if crashForTest { fatalError("crash requested by NETTUTOR_TEST_CRASH") }
                lastFrame = ContinuousClock.now
            }
            // While the lesson is still being laid out, only look for a key; without one,
            // lay out a few more blocks (`.idle`) and look again.
            let deferred = state.hasDeferredWork
            if !needsDraw && input == .timeout {
                input = terminal.read(timeoutMs: deferred ? 0 : 100)
            }
            let event: Event
            switch input {
            case .key(let key): event = .key(key)
            case .resize(let w, let h): event = .resize(width: w, height: h)
            case .timeout: event = deferred ? .idle : .tick(now: Date().timeIntervalSince1970)
            }
            state.now = Date().timeIntervalSince1970
            if case .key(let key) = event, let note = state.waitNote(for: key) {
                // A key that lays out the rest of a long lesson first: say so before the wait.
                var shown = state
                shown.message = note
                terminal.present(View.draw(shown))
            }
            let effects = state.update(event)
            switch event {
            case .tick: break
            // The status line shows the lesson's length once it is known.
            case .idle: needsDraw = needsDraw || !state.hasDeferredWork
            default: needsDraw = true
            }
            for effect in effects {
                switch effect {
                case .saveProgress(let progress):
                    save(progress)
                case .quit:
                    break loop
                case .openReview:
                    let items = QuizCommand.dueItems(course: course, state: state.progress, now: Date())
                    if items.isEmpty {
                        state.message = "Nothing to review today"
                    } else {
                        var progress = state.progress
                        let session = QuizSession(title: "Review", items: items, seed: UInt64.random(in: 0...UInt64.max), state: progress) { item, correct in
                            progress.record(item.key, correct: correct, at: Date(), lessonQuestions: item.lessonQuestions)
                            save(progress)
                        }
                        FullScreen.host(session, terminal: terminal)
                        state.progress = progress
                    }
                    needsDraw = true
                    terminal.refreshAll()
                    _ = state.update(.resize(width: terminal.width, height: terminal.height))
                case .openDemo(let name):
                    if let demo = DemoRegistry.make(name) {
                        FullScreen.host(demo, terminal: terminal)
                    } else {
                        state.message = "The demo '\(name)' cannot start here"
                    }
                    needsDraw = true
                    terminal.refreshAll()
                    _ = state.update(.resize(width: terminal.width, height: terminal.height))
                }
            }
        }
        let signal = nt_quit_signal()
        if signal != 0 {
            _ = state.update(.key(.char("q")))
        }
        save(state.progress)
        terminal.end()
        if signal != 0 { nt_reraise(signal) }
        return 0
    }
}

/// Full-screen hosting for demos and quiz sessions.
enum FullScreen {
    static func checkTerminal() throws {
        guard StandardStreams.isTerminal(0), StandardStreams.isTerminal(1) else {
            throw Failure(TerminalError.notATerminal.description)
        }
        let term = Environment.value("TERM") ?? ""
        if term.isEmpty { throw Failure(TerminalError.noTerm.description) }
        if term == "dumb" { throw Failure(TerminalError.dumbTerm(term).description) }
    }

    static func start(color: Bool) throws -> CursesTerminal {
        try checkTerminal()
        nt_install_quit_handlers()
        do {
            return try CursesTerminal(color: color)
        } catch let error as TerminalError {
            throw Failure(error.description)
        }
    }

    /// Runs one screen on its own (`nettutor demo ...`, `nettutor quiz ...`).
    static func run(_ screen: DemoScreen, color: Bool) throws -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try start(color: color)
        } catch {
            screen.close()
            throw error
        }
        host(screen, terminal: terminal)
        terminal.end()
        let signal = nt_quit_signal()
        if signal != 0 { nt_reraise(signal) }
        return 0
    }

    /// Drives a screen until it closes or a quit signal arrives; always calls `close()`.
    static func host(_ screen: DemoScreen, terminal: CursesTerminal) {
        defer { screen.close() }
        terminal.refreshAll()
        while nt_quit_signal() == 0 {
            var buffer = ScreenBuffer(width: terminal.width, height: terminal.height)
            screen.draw(into: &buffer)
            terminal.present(buffer)
            switch terminal.read(timeoutMs: 100) {
            case .key(let key):
                if screen.handle(key) == .close { return }
            case .resize:
                continue
            case .timeout:
                screen.tick()
            }
        }
    }
}

/// The built-in demos by the names `demo` blocks use.
enum DemoRegistry {
    static func make(_ name: String) -> DemoScreen? {
        switch name {
        case "tcp-state": return TCPDemoCommand.makeDemo(seed: TCPDemoCommand.randomSeed(), kernel: false)
        case "iomux": return try? IOMuxCommand.makeDemo()
        default: return nil
        }
    }
}
