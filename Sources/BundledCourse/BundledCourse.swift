/// The course compiled into the binary (see Plugins/EmbedLessons).
public enum BundledCourse {
    /// `(file name, contents)` for every `Lessons/*.md` at build time, sorted by name.
    public static var files: [(name: String, text: String)] { bundledLessonFiles }
}
