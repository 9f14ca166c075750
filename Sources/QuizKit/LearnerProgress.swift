import Foundation

/// Everything nettutor remembers between runs: the content of the state file.
/// Value type and pure; `ProgressStore` (module StateStore) reads and writes it.
public struct LearnerProgress: Codable, Equatable, Sendable {
    /// Bumped when the file's meaning changes; a file from a newer version is not read.
    public static let currentVersion = 1
    /// Answers kept per question; the schedule already sums up older ones.
    public static let answersKept = 100

    public var version: Int
    /// Keyed by `QuestionKey.description` (`lesson/question`).
    public var questions: [String: QuestionProgress]
    public var lessons: [String: LessonRecord]
    /// The reader's last position per lesson id.
    public var positions: [String: Position]

    public init() {
        version = Self.currentVersion
        questions = [:]
        lessons = [:]
        positions = [:]
    }

    enum CodingKeys: String, CodingKey { case version, questions, lessons, positions }

    /// Missing tables read as empty, so a file from this version with fewer keys still loads.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        questions = try c.decodeIfPresent([String: QuestionProgress].self, forKey: .questions) ?? [:]
        lessons = try c.decodeIfPresent([String: LessonRecord].self, forKey: .lessons) ?? [:]
        positions = try c.decodeIfPresent([String: Position].self, forKey: .positions) ?? [:]
        // The reader's first state file kept the position inside each lesson entry
        // (`lessons.<id>.position`); carry those over so switching files loses nothing.
        if let legacy = try? c.decodeIfPresent([String: LegacyLessonEntry].self, forKey: .lessons) {
            for (id, entry) in legacy where positions[id] == nil {
                if let p = entry.position { positions[id] = p }
            }
        }
    }

    private struct LegacyLessonEntry: Decodable {
        var position: Position?
    }

    public func progress(of key: QuestionKey) -> QuestionProgress? {
        questions[key.description]
    }

    /// Records an answer and reschedules the question (SM-2). When `lessonQuestions` (all
    /// question ids of the lesson) is given, the lesson's last and best scores are updated:
    /// the last score counts the questions whose latest answer is right.
    public mutating func record(_ key: QuestionKey, correct: Bool, at time: Date, lessonQuestions: [String]? = nil) {
        var entry = questions[key.description]
            ?? QuestionProgress(answers: [], schedule: ReviewSchedule(due: time))
        entry.schedule = SM2.next(entry.answers.isEmpty ? nil : entry.schedule, correct: correct, at: time)
        entry.answers.append(AnswerRecord(at: time, correct: correct))
        if entry.answers.count > Self.answersKept { entry.answers.removeFirst(entry.answers.count - Self.answersKept) }
        questions[key.description] = entry
        if let ids = lessonQuestions, !ids.isEmpty {
            let right = ids.filter { questions[QuestionKey(lesson: key.lesson, question: $0).description]?.answers.last?.correct == true }.count
            let score = QuizScore(right: right, total: ids.count, at: time)
            var lesson = lessons[key.lesson] ?? LessonRecord()
            lesson.lastScore = score
            if lesson.bestScore.map({ score.share > $0.share || (score.share == $0.share && score.total > $0.total) }) ?? true {
                lesson.bestScore = score
            }
            lessons[key.lesson] = lesson
        }
    }

    /// Notes that the reader showed a section (a heading anchor) of a lesson.
    public mutating func markSectionSeen(lesson: String, anchor: String) {
        lessons[lesson, default: LessonRecord()].sectionsSeen.insert(anchor)
    }

    /// Forgets one lesson (its answers, schedule, reading and position), or everything.
    public mutating func reset(lesson: String? = nil) {
        guard let lesson else {
            self = LearnerProgress()
            return
        }
        questions = questions.filter { QuestionKey($0.key)?.lesson != lesson }
        lessons[lesson] = nil
        positions[lesson] = nil
    }

    /// Question keys of a lesson that have at least one answer.
    public func answeredKeys(lesson: String? = nil) -> [QuestionKey] {
        questions.keys.compactMap(QuestionKey.init).filter { lesson == nil || $0.lesson == lesson }.sorted()
    }
}

/// Identifies a question across the course: its lesson id and its id in the lesson.
public struct QuestionKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var lesson: String
    public var question: String

    public init(lesson: String, question: String) {
        self.lesson = lesson
        self.question = question
    }

    /// Parses `lesson/question` (ids never contain `/`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        self.init(lesson: String(parts[0]), question: String(parts[1]))
    }

    public var description: String { "\(lesson)/\(question)" }

    public static func < (a: QuestionKey, b: QuestionKey) -> Bool {
        (a.lesson, a.question) < (b.lesson, b.question)
    }
}

public struct AnswerRecord: Codable, Equatable, Sendable {
    public var at: Date
    public var correct: Bool

    public init(at: Date, correct: Bool) {
        self.at = at
        self.correct = correct
    }
}

public struct QuestionProgress: Codable, Equatable, Sendable {
    /// Oldest first, at most `LearnerProgress.answersKept`.
    public var answers: [AnswerRecord]
    public var schedule: ReviewSchedule

    public init(answers: [AnswerRecord], schedule: ReviewSchedule) {
        self.answers = answers
        self.schedule = schedule
    }
}

public struct QuizScore: Codable, Equatable, Sendable {
    public var right: Int
    public var total: Int
    public var at: Date

    public init(right: Int, total: Int, at: Date) {
        self.right = right
        self.total = total
        self.at = at
    }

    public var share: Double { total == 0 ? 0 : Double(right) / Double(total) }
}

public struct LessonRecord: Codable, Equatable, Sendable {
    /// Heading anchors the reader has shown.
    public var sectionsSeen: Set<String>
    public var bestScore: QuizScore?
    public var lastScore: QuizScore?
    /// How many sections the lesson had when the reader last showed it, so the course map
    /// can draw reading bars without parsing every lesson at start-up.
    public var sectionCount: Int?

    public init(sectionsSeen: Set<String> = [], bestScore: QuizScore? = nil, lastScore: QuizScore? = nil, sectionCount: Int? = nil) {
        self.sectionsSeen = sectionsSeen
        self.bestScore = bestScore
        self.lastScore = lastScore
        self.sectionCount = sectionCount
    }

    enum CodingKeys: String, CodingKey { case sectionsSeen, bestScore, lastScore, sectionCount }

    /// Every field is optional on disk, so entries written by the reader's first state file
    /// (with `position` and `sectionCount`) load too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sectionsSeen = try c.decodeIfPresent(Set<String>.self, forKey: .sectionsSeen) ?? []
        bestScore = try c.decodeIfPresent(QuizScore.self, forKey: .bestScore)
        lastScore = try c.decodeIfPresent(QuizScore.self, forKey: .lastScore)
        sectionCount = try c.decodeIfPresent(Int.self, forKey: .sectionCount)
    }

    /// The share read, from the stored section count (0 when the lesson was never opened).
    public var readShare: Double {
        guard let n = sectionCount, n > 0 else { return 0 }
        return min(1, Double(sectionsSeen.count) / Double(n))
    }

    /// The share of `anchors` (the lesson's headings) seen, 0...1.
    public func readShare(of anchors: [String]) -> Double {
        guard !anchors.isEmpty else { return 0 }
        return Double(Set(anchors).intersection(sectionsSeen).count) / Double(Set(anchors).count)
    }
}

/// Where the reader was in a lesson: a top-level block and a line offset inside it,
/// so the position survives a different terminal width.
public struct Position: Codable, Equatable, Sendable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}
