import Foundation
import LessonKit
import QuizKit
import Render

/// Something the outer loop must do for the app: the update itself stays pure.
public enum Effect: Equatable, Sendable {
    case saveProgress(LearnerProgress)
    case openDemo(String)
    /// Run today's due questions (the course map's `r`).
    case openReview
    case quit
}

public enum Event: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// About ten a second; `now` in seconds, for debounced saves.
    case tick(now: Double)
    /// No key is waiting: a step of deferred work (laying out the rest of the lesson). Sent
    /// while `hasDeferredWork`; each step is a few milliseconds.
    case idle
}

/// The whole state of the interactive tutor.
public struct AppState: Sendable {
    public enum Mode: Sendable, Equatable {
        case home
        case reader
    }

    public enum Overlay: Sendable, Equatable {
        case help
        case contents(selected: Int)
    }

    public struct HistoryEntry: Sendable, Equatable {
        public var lessonID: String
        public var top: Int
        public var focus: Int?
    }

    public let course: Course
    public var progress: LearnerProgress
    public var mode: Mode = .home
    public var overlay: Overlay?
    public var reader: Reader?
    public var history: [HistoryEntry] = []
    /// Selected row on the course map.
    public var homeSelection = 0
    /// Text being typed after `/`, or nil when not searching.
    public var searchInput: String?
    /// A one-line message shown in the status line until the next key.
    public var message: String?
    public var width: Int
    public var height: Int
    public var progressDirty = false
    public var lastSave: Double = 0
    public var now: Double = 0

    public static let minimumWidth = 20
    public static let minimumHeight = 6

    public init(course: Course, progress: LearnerProgress, width: Int, height: Int) {
        self.course = course
        self.progress = progress
        self.width = width
        self.height = height
    }

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Rows for the page: the title bar and the status line take one each.
    public var viewHeight: Int { max(1, height - 2) }

    /// The open lesson is not laid out to its end yet.
    public var hasDeferredWork: Bool { reader.map { !$0.isLaidOut } ?? false }

    /// Lessons from this size on take a second or more to lay out whole.
    public static let longLessonBytes = 1 << 20

    /// What to show while `key` lays out the rest of a long lesson first (`G`, the contents,
    /// a search), so the page does not just stop; nil when the key does not wait for that.
    /// The loop draws it before it hands over the key.
    public func waitNote(for key: Key) -> String? {
        guard mode == .reader, overlay == nil, let r = reader, !r.isLaidOut,
              r.source.sourceBytes >= Self.longLessonBytes else { return nil }
        // Typing into a quiz card's input line lays out nothing.
        if let line = r.focusedQuizLine, r.quizCards[line]?.capturesText == true { return nil }
        let waits: Bool
        if searchInput != nil {
            waits = key == .enter
        } else {
            waits = key == .char("G") || key == .end || key == .char(">") || key == .char("t")
        }
        return waits ? "Laying out the whole lesson (\((r.source.sourceBytes + (1 << 19)) >> 20) MB)…" : nil
    }
}

extension AppState {
    /// Opens a lesson in the reader at its saved position (or at an anchor).
    public mutating func open(lessonID: String, anchor: String? = nil) -> Bool {
        guard let lesson = course.lesson(id: lessonID) else { return false }
        saveReaderPosition()
        // The first screen only: the rest is laid out while no key is waiting (`Event.idle`).
        var reader = Reader(lessonID: lesson.id, title: lesson.meta.title, source: lesson.documentStream(), width: width,
                            progress: progress, layOutThrough: viewHeight)
        if let anchor, let line = reader.line(ofAnchor: anchor) {
            reader.jump(toLine: line, viewHeight: viewHeight)
        } else if let saved = progress.positions[lesson.id] {
            reader.restore(saved, viewHeight: viewHeight)
        }
        self.reader = reader
        mode = .reader
        overlay = nil
        if let index = course.lessons.firstIndex(where: { $0.id == lesson.id }) { homeSelection = index }
        noteProgress()
        return true
    }

    /// Records the reader's position and the sections on screen.
    mutating func noteProgress() {
        guard let reader else { return }
        let id = reader.lessonID
        var record = progress.lessons[id] ?? LessonRecord()
        // Known once the lesson is parsed to its end (soon after the first frame, or when the
        // progress is saved): asking here would parse it before the first frame.
        if let count = reader.headingCountIfKnown { record.sectionCount = count }
        for anchor in reader.sectionsVisible(viewHeight: viewHeight) { record.sectionsSeen.insert(anchor) }
        let position = reader.position
        if record != progress.lessons[id] || position != progress.positions[id] {
            progress.lessons[id] = record
            progress.positions[id] = position
            progressDirty = true
        }
    }

    mutating func saveReaderPosition() {
        noteProgress()
    }

    mutating func flushProgress() -> [Effect] {
        // The heading count of a lesson whose end is not parsed yet: parsed now for an
        // ordinary lesson (a millisecond); a long one (1 MB or more) is not held up at `q` for
        // it, and records its count once the idle steps have parsed it.
        if let r = reader, r.headingCountIfKnown != nil || r.source.sourceBytes < Self.longLessonBytes,
           progress.lessons[r.lessonID]?.sectionCount != r.headingCount {
            let count = r.headingCount, id = r.lessonID
            progress.lessons[id, default: LessonRecord()].sectionCount = count
            progressDirty = true
        }
        guard progressDirty else { return [] }
        progressDirty = false
        lastSave = now
        return [.saveProgress(progress)]
    }
}
