import Foundation
import QuizKit

/// Reads a state file the way `JSONDecoder` (dates as seconds since 1970) reads it into
/// `LearnerProgress`, for the files nettutor writes, without the decoder's cost: its first
/// use of each type (generic metadata, dynamic casts against every protocol conformance
/// in the binary) was 4.5 M instructions for a few kilobytes of progress, a quarter of
/// opening a lesson for a learner who has any.
///
/// Anything it is not sure of gives nil, and the caller decodes with `JSONDecoder`, which
/// also words every error: a number that is not a plain integer where an `Int` goes, a
/// duplicate key, a string with a control character or invalid UTF-8, a lone surrogate,
/// `null` where a value is required, the older layout with positions inside lesson entries,
/// a version other than 1...current. Unknown keys are skipped, as `Codable` skips them.
enum StateFileQuickReader {
    static func read(_ bytes: [UInt8]) -> LearnerProgress? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer)
            guard let root = parser.document() else { return nil }
            return progress(root)
        }
    }

    indirect enum Value {
        case object([(key: String, value: Value)])
        case array([Value])
        case string(String)
        /// The number's text, checked to be JSON number syntax.
        case number(String)
        case bool(Bool)
        case null
    }

    // MARK: JSON to values

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func document() -> Value? {
            guard let value = value(depth: 0) else { return nil }
            skipSpace()
            return at == bytes.count ? value : nil
        }

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
        }

        mutating func value(depth: Int) -> Value? {
            guard depth < 16 else { return nil }
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var members: [(key: String, value: Value)] = []
                skipSpace()
                if at < bytes.count && bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard let key = string(), !members.contains(where: { $0.key == key }) else { return nil }
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
                    at += 1
                    guard let member = value(depth: depth + 1) else { return nil }
                    members.append((key, member))
                    guard let closed = endOfItem(UInt8(ascii: "}")) else { return nil }
                    if closed { return .object(members) }
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [Value] = []
                skipSpace()
                if at < bytes.count && bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                while true {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    guard let closed = endOfItem(UInt8(ascii: "]")) else { return nil }
                    if closed { return .array(items) }
                }
            case UInt8(ascii: "\""):
                return string().map { .string($0) }
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return number()
            }
        }

        /// After a member or an item: true past the closing bracket, false past a comma, nil
        /// for anything else.
        mutating func endOfItem(_ close: UInt8) -> Bool? {
            skipSpace()
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: ",") { at += 1; return false }
            if bytes[at] == close { at += 1; return true }
            return nil
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard at + n <= bytes.count else { return false }
            for i in 0..<n where bytes[at + i] != word.utf8Start[i] { return false }
            at += n
            return true
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() -> Value? {
            let start = at
            func digits() -> Int {
                let from = at
                while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
                return at - from
            }
            if at < bytes.count && bytes[at] == UInt8(ascii: "-") { at += 1 }
            let intStart = at
            let intDigits = digits()
            guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == UInt8(ascii: "0")) else { return nil }
            if at < bytes.count && bytes[at] == UInt8(ascii: ".") {
                at += 1
                guard digits() > 0 else { return nil }
            }
            if at < bytes.count && (bytes[at] | 0x20) == UInt8(ascii: "e") {
                at += 1
                if at < bytes.count && (bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-")) { at += 1 }
                guard digits() > 0 else { return nil }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
        }

        /// A string with its escapes; nil for a control character, bad UTF-8 or a lone surrogate.
        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            at += 1
            var out: [UInt8] = []
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                switch b {
                case UInt8(ascii: "\""):
                    return out.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
                case 0..<0x20:
                    return nil
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { return nil }
                    let e = bytes[at]
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if scalar >= 0xD800 && scalar < 0xDC00 {
                            guard literal("\\u"), let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if scalar >= 0xDC00 && scalar < 0xE000 {
                            return nil
                        }
                        guard let s = Unicode.Scalar(scalar) else { return nil }
                        out.append(contentsOf: String(s).utf8)
                    default:
                        return nil
                    }
                default:
                    out.append(b)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[at]
                at += 1
                let d: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
    }

    // MARK: Values to progress

    /// The members of an object, or nil.
    static func members(_ v: Value) -> [(key: String, value: Value)]? {
        if case .object(let m) = v { return m }
        return nil
    }

    /// A member that must be there and not null.
    static func required(_ m: [(key: String, value: Value)], _ key: String) -> Value? {
        guard let v = m.first(where: { $0.key == key })?.value else { return nil }
        if case .null = v { return nil }
        return v
    }

    /// A member that may be missing or null: `.some(nil)` then; nil when it is there but wrong.
    static func optional<T>(_ m: [(key: String, value: Value)], _ key: String, _ read: (Value) -> T?) -> T?? {
        guard let v = m.first(where: { $0.key == key })?.value else { return .some(nil) }
        if case .null = v { return .some(nil) }
        guard let t = read(v) else { return nil }
        return .some(t)
    }

    static func int(_ v: Value) -> Int? {
        guard case .number(let text) = v, !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        return Int(text)
    }

    static func double(_ v: Value) -> Double? {
        guard case .number(let text) = v, let d = Double(text), d.isFinite else { return nil }
        return d
    }

    static func date(_ v: Value) -> Date? { double(v).map { Date(timeIntervalSince1970: $0) } }

    static func bool(_ v: Value) -> Bool? {
        if case .bool(let b) = v { return b }
        return nil
    }

    static func string(_ v: Value) -> String? {
        if case .string(let s) = v { return s }
        return nil
    }

    static func dictionary<T>(_ v: Value, _ read: (Value) -> T?) -> [String: T]? {
        guard let m = members(v) else { return nil }
        var out: [String: T] = [:]
        for (key, value) in m {
            guard let t = read(value) else { return nil }
            out[key] = t
        }
        return out
    }

    static func progress(_ root: Value) -> LearnerProgress? {
        guard let m = members(root), let version = required(m, "version").flatMap(int),
              version >= 1 && version <= LearnerProgress.currentVersion,
              let questions = optional(m, "questions", { dictionary($0, question) }),
              let lessons = optional(m, "lessons", { dictionary($0, lesson) }),
              let positions = optional(m, "positions", { dictionary($0, position) }) else { return nil }
        var p = LearnerProgress()
        p.version = version
        p.questions = questions ?? [:]
        p.lessons = lessons ?? [:]
        p.positions = positions ?? [:]
        return p
    }

    static func question(_ v: Value) -> QuestionProgress? {
        guard let m = members(v), case .array(let items)? = required(m, "answers"),
              let schedule = required(m, "schedule").flatMap(schedule) else { return nil }
        var answers: [AnswerRecord] = []
        for item in items {
            guard let a = members(item), let at = required(a, "at").flatMap(date),
                  let correct = required(a, "correct").flatMap(bool) else { return nil }
            answers.append(AnswerRecord(at: at, correct: correct))
        }
        return QuestionProgress(answers: answers, schedule: schedule)
    }

    static func schedule(_ v: Value) -> ReviewSchedule? {
        guard let m = members(v), let repetitions = required(m, "repetitions").flatMap(int),
              let easiness = required(m, "easiness").flatMap(double), let interval = required(m, "intervalDays").flatMap(int),
              let due = required(m, "due").flatMap(date) else { return nil }
        return ReviewSchedule(repetitions: repetitions, easiness: easiness, intervalDays: interval, due: due)
    }

    static func lesson(_ v: Value) -> LessonRecord? {
        // The first state file kept positions inside lesson entries: `JSONDecoder` carries those over.
        guard let m = members(v), !m.contains(where: { $0.key == "position" }),
              let seen = optional(m, "sectionsSeen", { v -> Set<String>? in
                  guard case .array(let items) = v else { return nil }
                  var out: Set<String> = []
                  for item in items {
                      guard let s = string(item) else { return nil }
                      out.insert(s)
                  }
                  return out
              }),
              let best = optional(m, "bestScore", score), let last = optional(m, "lastScore", score),
              let count = optional(m, "sectionCount", int) else { return nil }
        return LessonRecord(sectionsSeen: seen ?? [], bestScore: best, lastScore: last, sectionCount: count)
    }

    static func score(_ v: Value) -> QuizScore? {
        guard let m = members(v), let right = required(m, "right").flatMap(int), let total = required(m, "total").flatMap(int),
              let at = required(m, "at").flatMap(date) else { return nil }
        return QuizScore(right: right, total: total, at: at)
    }

    static func position(_ v: Value) -> Position? {
        guard let m = members(v), let block = required(m, "block").flatMap(int), let offset = required(m, "offset").flatMap(int) else { return nil }
        return Position(block: block, offset: offset)
    }
}
