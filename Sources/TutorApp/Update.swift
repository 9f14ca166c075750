import Foundation
import LessonKit
import QuizKit
import QuizUI
import Render

extension AppState {
    /// The Elm-style update: one event in, the new state and the effects to carry out.
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            width = max(1, w)
            height = max(1, h)
            if var r = reader {
                r.relayout(width: width, viewHeight: viewHeight)
                r.clamp(viewHeight: viewHeight)
                reader = r
            }
            return []
        case .idle:
            reader?.layOutMore()
            // No ticks come while there is deferred work: save as a tick would.
            return now - lastSave >= 2 ? flushProgress() : []
        case .tick(let t):
            now = t
            // Debounced save: at most every two seconds while reading.
            return now - lastSave >= 2 ? flushProgress() : []
        case .key(let key):
            message = nil
            if searchInput != nil { return searchKey(key) }
            if overlay == nil, mode == .reader, let effects = quizKey(key) { return effects }
            if key == .char("q") || key == .ctrl("c") {
                noteProgress()
                progressDirty = true
                return flushProgress() + [.quit]
            }
            if let overlay { return overlayKey(key, overlay) }
            if key == .char("?") {
                self.overlay = .help
                return []
            }
            switch mode {
            case .home: return homeKey(key)
            case .reader: return readerKey(key)
            }
        }
    }

    mutating func overlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        switch overlay {
        case .help:
            self.overlay = nil
        case .contents(let selected):
            reader?.completeLayout()
            let headings = reader?.rendered.headings ?? []
            switch key {
            case .char("j"), .down: self.overlay = .contents(selected: min(selected + 1, max(0, headings.count - 1)))
            case .char("k"), .up: self.overlay = .contents(selected: max(selected - 1, 0))
            case .char("g"), .home: self.overlay = .contents(selected: 0)
            case .char("G"), .end: self.overlay = .contents(selected: max(0, headings.count - 1))
            case .pageDown, .char(" "): self.overlay = .contents(selected: min(selected + viewHeight - 4, max(0, headings.count - 1)))
            case .pageUp, .char("b"): self.overlay = .contents(selected: max(selected - (viewHeight - 4), 0))
            case .enter:
                self.overlay = nil
                if selected < headings.count, var r = reader {
                    pushHistory()
                    r.jump(toLine: headings[selected].line, viewHeight: viewHeight)
                    r.focus = nil
                    reader = r
                    noteProgress()
                }
            case .escape, .char("t"), .backspace: self.overlay = nil
            default: break
            }
        }
        return []
    }

    mutating func homeKey(_ key: Key) -> [Effect] {
        let count = course.lessons.count
        switch key {
        case .char("j"), .down, .wheelDown: homeSelection = min(homeSelection + 1, max(0, count - 1))
        case .char("k"), .up, .wheelUp: homeSelection = max(homeSelection - 1, 0)
        case .char("g"), .home: homeSelection = 0
        case .char("G"), .end: homeSelection = max(0, count - 1)
        case .enter, .char("l"), .right, .char(" "):
            if homeSelection < count { _ = open(lessonID: course.lessons[homeSelection].id) }
        case .char(let c) where c.isNumber:
            if let n = Int(String(c)), n >= 1, n <= count {
                homeSelection = n - 1
                _ = open(lessonID: course.lessons[n - 1].id)
            }
        case .char("r"):
            progressDirty = true
            return flushProgress() + [.openReview]
        case .escape, .backspace:
            message = "Press q to quit"
        default:
            break
        }
        return []
    }

    mutating func pushHistory() {
        guard let r = reader else { return }
        history.append(HistoryEntry(lessonID: r.lessonID, top: r.top, focus: r.focus))
        if history.count > 200 { history.removeFirst() }
    }

    mutating func goBack() -> [Effect] {
        guard let entry = history.popLast() else {
            noteProgress()
            mode = .home
            reader = nil
            return flushProgress()
        }
        if reader?.lessonID != entry.lessonID {
            noteProgress()
            guard let lesson = course.lesson(id: entry.lessonID) else { return [] }
            reader = Reader(lessonID: lesson.id, title: lesson.meta.title, source: lesson.documentStream(), width: width,
                            progress: progress, layOutThrough: entry.top + viewHeight)
        }
        let h = viewHeight
        reader?.top = entry.top
        reader?.focus = entry.focus
        reader?.clamp(viewHeight: h)
        noteProgress()
        return []
    }

    mutating func readerKey(_ key: Key) -> [Effect] {
        guard var r = reader else { mode = .home; return [] }
        let page = max(1, viewHeight - 1)
        switch key {
        case .char("j"), .down, .ctrl("e"), .ctrl("n"): r.scroll(by: 1, viewHeight: viewHeight)
        case .char("k"), .up, .ctrl("y"), .ctrl("p"): r.scroll(by: -1, viewHeight: viewHeight)
        case .wheelDown: r.scroll(by: 3, viewHeight: viewHeight)
        case .wheelUp: r.scroll(by: -3, viewHeight: viewHeight)
        case .char(" "), .pageDown, .char("f"), .ctrl("f"): r.scroll(by: page, viewHeight: viewHeight)
        case .char("b"), .pageUp, .ctrl("b"): r.scroll(by: -page, viewHeight: viewHeight)
        case .char("d"), .ctrl("d"): r.scroll(by: viewHeight / 2, viewHeight: viewHeight)
        case .char("u"), .ctrl("u"): r.scroll(by: -(viewHeight / 2), viewHeight: viewHeight)
        case .char("g"), .home, .char("<"): r.jump(toLine: 0, viewHeight: viewHeight)
        case .char("G"), .end, .char(">"): r.jumpToEnd(viewHeight: viewHeight)
        case .tab: r.moveFocus(forward: true, viewHeight: viewHeight)
        case .backTab: r.moveFocus(forward: false, viewHeight: viewHeight)
        case .char("t"):
            r.completeLayout()
            let current = r.rendered.headings.lastIndex { $0.line <= r.top } ?? 0
            overlay = .contents(selected: current)
        case .char("/"):
            searchInput = ""
        case .char("n"), .char("N"):
            guard var s = r.search, !s.matches.isEmpty else {
                message = r.search == nil ? "No search yet: press / to search" : "No matches for '\(r.search!.query)'"
                break
            }
            let forward = key == .char("n")
            let from: Int
            if let c = s.current, s.matches[c].line >= r.top, s.matches[c].line < r.top + viewHeight {
                from = forward ? c + 1 : c - 1
                s.current = (from + s.matches.count) % s.matches.count
                if (forward && from >= s.matches.count) || (!forward && from < 0) { message = "Search wrapped" }
            } else {
                s.current = s.next(after: forward ? r.top : r.top + viewHeight - 1, forward: forward)
            }
            if let c = s.current {
                r.reveal(lines: s.matches[c].line...s.matches[c].line, viewHeight: viewHeight)
                message = message ?? "Match \(c + 1) of \(s.matches.count)"
            }
            r.search = s
        case .enter:
            if let f = r.focus, f < r.rendered.focusables.count {
                reader = r
                return follow(r.rendered.focusables[f].target)
            }
            r.scroll(by: 1, viewHeight: viewHeight)
        case .escape, .backspace, .char("h"), .left:
            if r.search != nil && key == .escape {
                r.search = nil
            } else {
                reader = r
                return goBack()
            }
        case .click(let row, _):
            let line = r.top + row - 1
            if let f = r.rendered.focusables.firstIndex(where: { $0.firstLine <= line && $0.lastLine >= line }) {
                r.focus = f
            }
        default:
            break
        }
        reader = r
        noteProgress()
        return []
    }

    /// Keys for the focused quiz card. Tab and Shift-Tab move the focus, Esc leaves the card;
    /// `q`, `?`, `/` and `t` keep their meaning unless the card is taking typed text.
    mutating func quizKey(_ key: Key) -> [Effect]? {
        guard var r = reader, r.focusedQuizLine != nil else { return nil }
        if key == .tab || key == .backTab { return nil }
        if key == .escape {
            // Leave the card first; a second Esc goes back.
            r.focus = nil
            reader = r
            return []
        }
        if let card = r.quizCards[r.focusedQuizLine!], !card.capturesText, key == .char("q") || key == .char("?") || key == .char("/") || key == .char("t") {
            return nil
        }
        guard let event = r.handleQuizKey(key, viewHeight: viewHeight), event != .ignored else { return nil }
        reader = r
        switch event {
        case .answered(let item, let correct):
            progress.record(item.key, correct: correct, at: Date(timeIntervalSince1970: now), lessonQuestions: r.lessonQuestionIDs())
            reader = r
            progressDirty = true
            message = correct ? "Right: recorded" : "Not quite: recorded for review"
            return flushProgress()
        case .done:
            r.moveFocus(forward: true, viewHeight: viewHeight)
            reader = r
            return []
        default:
            return []
        }
    }

    mutating func follow(_ target: FocusTarget) -> [Effect] {
        guard let r = reader else { return [] }
        switch target {
        case .link(let destination):
            if Layout.isExternal(destination) {
                message = "External link (not opened): \(Sanitizer.clean(destination))"
                return []
            }
            let (id, anchor) = LinkTarget.split(destination, from: r.lessonID)
            guard let id, course.lesson(id: id) != nil else {
                message = "Link leads nowhere: \(Sanitizer.clean(destination))"
                return []
            }
            if id == r.lessonID {
                guard let anchor, let line = reader?.line(ofAnchor: anchor) else {
                    if anchor == nil { pushHistory(); let h = viewHeight; reader?.jump(toLine: 0, viewHeight: h); return [] }
                    message = "No heading #\(Sanitizer.clean(anchor ?? "")) in this lesson"
                    return []
                }
                pushHistory()
                let h = viewHeight
                reader?.jump(toLine: line, viewHeight: h)
                reader?.focus = nil
                noteProgress()
                return []
            }
            pushHistory()
            _ = open(lessonID: id, anchor: anchor)
            return []
        case .demo(let name):
            guard Linter.knownDemos.contains(name) else {
                message = "Unknown demo '\(Sanitizer.clean(name))'"
                return []
            }
            noteProgress()
            return flushProgress() + [.openDemo(name)]
        case .quiz:
            message = "Answer on the card: keys are shown on it"
            return []
        }
    }

    mutating func searchKey(_ key: Key) -> [Effect] {
        guard var input = searchInput else { return [] }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            searchInput = nil
        case .enter:
            searchInput = nil
            guard var r = reader, !input.isEmpty else { break }
            r.completeLayout()
            var s = Search(query: input, in: r.rendered)
            s.current = s.next(after: r.top, forward: true)
            if let c = s.current {
                r.reveal(lines: s.matches[c].line...s.matches[c].line, viewHeight: viewHeight)
                message = "Match \(c + 1) of \(s.matches.count)"
            } else {
                message = "No matches for '\(Sanitizer.clean(input))'"
            }
            r.search = s
            reader = r
            noteProgress()
        case .backspace:
            if input.isEmpty { searchInput = nil } else { input.removeLast(); searchInput = input }
        case .ctrl("u"):
            searchInput = ""
        case .char(let c):
            if input.count < 200 { input.append(c) }
            searchInput = input
        default:
            break
        }
        return []
    }
}
