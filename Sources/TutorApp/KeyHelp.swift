/// Every key the tutor answers to, as the help screen lists them.
public enum KeyHelp {
    public static let sections: [(title: String, keys: [(String, String)])] = [
        ("Reading", [
            ("j  k  ↓  ↑", "scroll one line"),
            ("Space  PgDn  f", "next page"),
            ("b  PgUp", "previous page"),
            ("d  u", "half a page down / up"),
            ("g  G  Home  End", "top / bottom of the lesson"),
            ("mouse wheel", "scroll"),
            ("t", "table of contents (Enter jumps)"),
        ]),
        ("Links, quizzes and demos", [
            ("Tab  Shift-Tab", "focus the next / previous link, quiz or demo"),
            ("Enter", "follow the link, open the demo"),
            ("Esc  Backspace  h", "go back (to the course map at the start)"),
        ]),
        ("Searching", [
            ("/", "search this lesson (Enter runs it, Esc cancels)"),
            ("n  N", "next / previous match"),
        ]),
        ("Everywhere", [
            ("?", "this help (any key closes it)"),
            ("q", "quit (your place is saved)"),
        ]),
        ("Course map", [
            ("j  k  ↓  ↑", "choose a lesson"),
            ("Enter  1-9", "open it"),
        ]),
    ]
}
