import CTerminalSupport
import Foundation
import LessonKit
import Render
import Terminal
import TutorApp

/// The outer loop: reads keys, runs `update`, carries out effects, presents frames.
/// Everything it touches that is not pure lives here or in `Terminal`.
struct InteractiveSession {
    let course: Course
    let stateFile: StateFile
    let color: Bool

    func run(open lessonID: String?) throws -> Int32 {
        if let lessonID, course.lesson(id: lessonID) == nil {
            throw Failure.unknownLesson(lessonID, in: course.lessons.map(\.id))
        }
        let loaded = stateFile.load()
        nt_install_quit_handlers()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(color: color)
        } catch let error as TerminalError {
            throw Failure(error.description)
        }
        var state = AppState(course: course, progress: loaded.state, width: terminal.width, height: terminal.height)
        state.message = loaded.notice
        if let lessonID { _ = state.open(lessonID: lessonID) }
        var saveFailed = false

        func save(_ progress: ProgressState) {
            do {
                try stateFile.save(progress)
            } catch {
                if !saveFailed { state.message = "Progress cannot be saved: \(error)" }
                saveFailed = true
            }
        }

        var needsDraw = true
        loop: while true {
            if nt_quit_signal() != 0 { break }
            if needsDraw {
                terminal.present(View.draw(state))
                needsDraw = false
            }
            let event: Event
            switch terminal.read(timeoutMs: 100) {
            case .key(let key): event = .key(key)
            case .resize(let w, let h): event = .resize(width: w, height: h)
            case .timeout: event = .tick(now: Date().timeIntervalSince1970)
            }
            if case .tick = event {} else { needsDraw = true }
            for effect in state.update(event) {
                switch effect {
                case .saveProgress(let progress):
                    save(progress)
                case .quit:
                    break loop
                case .openDemo(let name):
                    runDemo(name, terminal: terminal)
                    needsDraw = true
                    terminal.refreshAll()
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

    func runDemo(_ name: String, terminal: CursesTerminal) {
        guard let demo = DemoRegistry.make(name) else { return }
        defer { demo.close() }
        terminal.refreshAll()
        while nt_quit_signal() == 0 {
            var buffer = ScreenBuffer(width: terminal.width, height: terminal.height)
            demo.draw(into: &buffer)
            terminal.present(buffer)
            switch terminal.read(timeoutMs: 100) {
            case .key(let key):
                if demo.handle(key) == .close { return }
            case .resize:
                continue
            case .timeout:
                demo.tick()
            }
        }
    }
}

/// The built-in demos by the names `demo` blocks use.
enum DemoRegistry {
    static func make(_ name: String) -> DemoScreen? {
        nil
    }
}
