/// Where nettutor keeps its state: `--state-dir`, else `$XDG_STATE_HOME/nettutor`, else
/// `~/.local/state/nettutor` (XDG Base Directory Specification: a relative
/// `XDG_STATE_HOME` is invalid and ignored).
public enum StateDirectory {
    public static func resolve(override: String? = nil, environment: [String: String]) -> String? {
        if let override, !override.isEmpty { return override }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return join(xdg, "nettutor") }
        if let home = environment["HOME"], !home.isEmpty { return join(home, ".local/state/nettutor") }
        return nil
    }

    static func join(_ a: String, _ b: String) -> String {
        a.hasSuffix("/") ? a + b : a + "/" + b
    }
}
