import Foundation
import LessonKit
import QuizKit
import Render

/// The course map: every lesson with its summary, length and progress.
enum HomeView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let lessons = state.course.lessons
        View.titleBar("nettutor · how the network really works", right: "\(lessons.count) lessons", into: &buffer)
        let rowsPerLesson = 3
        let visible = max(1, (state.viewHeight - 1) / rowsPerLesson)
        let first = max(0, min(state.homeSelection - visible / 2, lessons.count - visible))
        let barWidth = 10
        let dueCounts = Self.dueCounts(state.progress, now: Date(timeIntervalSince1970: state.now))
        for (slot, index) in (first..<min(lessons.count, first + visible)).enumerated() {
            let lesson = lessons[index]
            let row = 2 + slot * rowsPerLesson
            let selected = index == state.homeSelection
            let titleStyle = selected ? Style(.selection, .bold) : Style(.heading2, .bold)
            if selected {
                buffer.fill(row: row, style: Style(.selection))
            }
            let record = state.progress.lessons[lesson.id]
            let share = record?.readShare ?? 0
            let percent = Int((share * 100).rounded())
            let right = "\(lesson.meta.minutes) min  " + bar(share, width: barWidth) + " " + pad(percent) + "%"
            let rightWidth = DisplayWidth.of(right)
            let showRight = buffer.width >= 50
            let number = index < 9 ? "\(index + 1)" : " "
            buffer.put(" \(selected ? "▶" : " ") \(number)  ", row: row, column: 0, style: selected ? Style(.selection, .bold) : Style(.accent))
            let titleRoom = max(0, buffer.width - 7 - (showRight ? rightWidth + 2 : 0))
            buffer.put(View.fit(lesson.meta.title, titleRoom), row: row, column: 7, style: titleStyle, limit: titleRoom)
            if showRight {
                buffer.put(right, row: row, column: buffer.width - rightWidth - 1, style: selected ? Style(.selection) : Style(.muted))
            }
            // Quiz results and the review queue, right-aligned under the reading bar.
            var quiz: [String] = []
            if let best = record?.bestScore { quiz.append("quiz best \(best.right)/\(best.total)") }
            if let last = record?.lastScore, last != record?.bestScore { quiz.append("last \(last.right)/\(last.total)") }
            let due = dueCounts[lesson.id] ?? 0
            if due > 0 { quiz.append("\(due) due") }
            let quizText = quiz.joined(separator: " · ")
            let quizWidth = showRight && !quizText.isEmpty ? DisplayWidth.of(quizText) + 2 : 0
            let summaryRoom = max(0, buffer.width - 8 - quizWidth)
            buffer.put(View.fit(lesson.meta.summary, summaryRoom), row: row + 1, column: 7, style: Style(.muted), limit: summaryRoom)
            if quizWidth > 0 {
                buffer.put(quizText, row: row + 1, column: buffer.width - quizWidth + 1, style: Style(due > 0 ? .warning : .success))
            }
        }
        if lessons.isEmpty {
            buffer.put("No lessons found in \(state.course.origin).", row: 2, column: 2, style: Style(.warning))
        }
        let left = state.message ?? "Enter open · j/k choose · r review · ? help · q quit"
        View.statusLine(left: left, right: lessons.isEmpty ? "" : "\(state.homeSelection + 1)/\(lessons.count)", into: &buffer)
    }

    /// Answered questions whose review is due by now, per lesson.
    static func dueCounts(_ progress: LearnerProgress, now: Date) -> [String: Int] {
        var out: [String: Int] = [:]
        for (key, q) in progress.questions where q.schedule.due <= now {
            if let k = QuestionKey(key) { out[k.lesson, default: 0] += 1 }
        }
        return out
    }

    static func bar(_ share: Double, width: Int) -> String {
        let filled = Int((share * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    static func pad(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, 3 - s.count)) + s
    }
}
