import TCPKernelProbe
import TCPModel

/// The pieces `nettutor demo tcp [--seed N] [--kernel] [--script FILE|-] [--json]` needs.
public enum TCPDemoCommand {
    /// The name a lesson's `demo` block uses for this demo.
    public static let demoName = "tcp-state"

    /// Runs a script (model mode, or kernel mode with `kernel: true`, which ignores the seed).
    /// On success print the output to stdout and exit 0; on failure print
    /// `error.description` (`line N: ...`) to stderr and exit with status 2.
    public static func runScript(text: String, json: Bool, seed: UInt64, kernel: Bool) -> Result<String, ScriptError> {
        kernel ? runKernelTCPScript(text: text, json: json) : runTCPScript(text: text, json: json, seed: seed)
    }

    /// The interactive demo; `--kernel` starts it with kernel mode on.
    public static func makeDemo(seed: UInt64, kernel: Bool) -> TCPDemo {
        TCPDemo(seed: seed, kernel: kernel)
    }

    /// A seed for runs without `--seed`, printed nowhere: the title bar shows it so a run
    /// can be repeated.
    public static func randomSeed() -> UInt64 { UInt64.random(in: 1...999_999) }
}
