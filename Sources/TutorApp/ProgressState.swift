/// What the tutor remembers between runs. Saved as JSON in the state directory.
public struct ProgressState: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public var version: Int = ProgressState.currentVersion
    public var lessons: [String: LessonProgress] = [:]

    public init() {}

    public subscript(lesson id: String) -> LessonProgress {
        get { lessons[id] ?? LessonProgress() }
        set { lessons[id] = newValue }
    }
}

public struct LessonProgress: Codable, Equatable, Sendable {
    /// Where the reader was: a top-level block and a line offset inside it, so the
    /// position survives a change of terminal width.
    public var position: ReadingPosition?
    /// Anchors of the sections that have been on screen.
    public var sectionsSeen: Set<String> = []
    /// How many sections the lesson had when last read.
    public var sectionCount: Int = 0

    public init() {}

    /// The share of the lesson read, 0...1.
    public var readShare: Double {
        sectionCount == 0 ? 0 : min(1, Double(sectionsSeen.count) / Double(sectionCount))
    }
}

public struct ReadingPosition: Codable, Equatable, Sendable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}
