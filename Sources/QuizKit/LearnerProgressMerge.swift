import Foundation

extension LearnerProgress {
    /// Folds another copy of the state into this one without losing anything either copy
    /// learned: answer logs are united (an answer is its time and verdict) and the SM-2
    /// schedule is replayed from the united log; sections seen are united; the best score is
    /// the higher one and the last score the later one; `other`'s reading positions win.
    ///
    /// `ProgressStore.update { $0.merge(appState) }` is how a whole in-memory state (the reader's
    /// debounced save) is written without dropping answers another instance saved meanwhile.
    /// An answer erased by a reset in another instance comes back if this copy still has it.
    public mutating func merge(_ other: LearnerProgress) {
        for (key, theirs) in other.questions {
            guard let mine = questions[key] else {
                questions[key] = theirs
                continue
            }
            if mine.answers == theirs.answers { continue }
            var log = mine.answers
            for answer in theirs.answers where !log.contains(answer) { log.append(answer) }
            log.sort { $0.at < $1.at }
            if log.count > Self.answersKept { log.removeFirst(log.count - Self.answersKept) }
            questions[key] = QuestionProgress(replaying: log)
        }
        for (id, theirs) in other.lessons {
            var lesson = lessons[id] ?? LessonRecord()
            lesson.sectionsSeen.formUnion(theirs.sectionsSeen)
            if let b = theirs.bestScore, lesson.bestScore.map({ b.share > $0.share }) ?? true { lesson.bestScore = b }
            if let l = theirs.lastScore, lesson.lastScore.map({ l.at > $0.at }) ?? true { lesson.lastScore = l }
            if let n = theirs.sectionCount { lesson.sectionCount = n }
            lessons[id] = lesson
        }
        positions.merge(other.positions) { _, theirs in theirs }
    }
}

extension QuestionProgress {
    /// The progress a log of answers (oldest first) leads to under SM-2.
    public init(replaying log: [AnswerRecord]) {
        var schedule: ReviewSchedule?
        for answer in log { schedule = SM2.next(schedule, correct: answer.correct, at: answer.at) }
        self.init(answers: log, schedule: schedule ?? ReviewSchedule(due: log.last?.at ?? Date(timeIntervalSince1970: 0)))
    }
}
