/// Options that work anywhere on the command line, before or after the subcommand.
struct GlobalOptions {
    var lessonsDirectory: String?
    var stateDirectory: String?
    var noColor = false

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// Takes the global options out of `arguments` (up to a `--`), returning the rest in order.
    static func extract(_ arguments: [String]) throws -> (GlobalOptions, [String]) {
        var options = GlobalOptions()
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--" {
                rest += arguments[i...]
                break
            }
            func value(_ name: String) throws -> String? {
                if arg == name {
                    guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") else {
                        throw UsageError(description: "\(name) needs a directory")
                    }
                    i += 1
                    return arguments[i]
                }
                if arg.hasPrefix(name + "=") { return String(arg.dropFirst(name.count + 1)) }
                return nil
            }
            if let v = try value("--lessons") {
                options.lessonsDirectory = v
            } else if let v = try value("--state-dir") {
                options.stateDirectory = v
            } else if arg == "--no-color" {
                options.noColor = true
            } else {
                rest.append(arg)
            }
            i += 1
        }
        return (options, rest)
    }
}
