/// Every key the tutor answers to, as the help screen lists them.
public enum KeyHelp {
    public typealias Section = (title: String, keys: [(String, String)])

    public static let left: [Section] = [
        ("Reading", [
            ("j k ↓ ↑", "one line"),
            ("Space PgDn f", "next page"),
            ("b PgUp", "previous page"),
            ("d u", "half a page down/up"),
            ("g G Home End", "top / bottom"),
            ("mouse wheel", "scroll"),
            ("t", "contents, Enter jumps"),
        ]),
        ("Everywhere", [
            ("?", "this help"),
            ("q", "quit (place is saved)"),
        ]),
    ]

    public static let right: [Section] = [
        ("Links, quizzes, demos", [
            ("Tab S-Tab", "next / previous one"),
            ("Enter", "follow or open it"),
            ("Esc Bksp h", "go back"),
            ("on a quiz", "keys on its card"),
        ]),
        ("Searching", [
            ("/", "search (Enter, Esc)"),
            ("n N", "next / previous match"),
        ]),
        ("Course map", [
            ("j k ↓ ↑", "choose a lesson"),
            ("Enter 1-9", "open it"),
            ("r", "review due questions"),
        ]),
    ]

    public static var sections: [Section] { left + right }
}
