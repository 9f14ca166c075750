/// `show ID [--width N] [--color MODE]` in any order, read without ArgumentParser when every
/// argument is one the parser would accept as it is: a lesson id not starting with "-" (and
/// not `help`), a width of digits within 1...1000, a color mode by name, each at most once.
/// Anything else is nil, and the parser decides (and words any error).
struct ShowArguments: Equatable {
    var id: String
    var width: Int?
    var color: Show.ColorMode

    init?(_ arguments: [String]) {
        guard arguments.first == "show" else { return nil }
        var id: String?
        var width: Int?
        var color: Show.ColorMode?
        var i = 1
        while i < arguments.count {
            let arg = arguments[i]
            switch arg {
            case "--width":
                guard width == nil, i + 1 < arguments.count else { return nil }
                let value = arguments[i + 1]
                guard !value.isEmpty, value.utf8.count <= 4, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                      let n = Int(value), n >= 1, n <= 1000 else { return nil }
                width = n
                i += 2
            case "--color":
                guard color == nil, i + 1 < arguments.count, let mode = Show.ColorMode(rawValue: arguments[i + 1]) else { return nil }
                color = mode
                i += 2
            default:
                guard id == nil, !arg.hasPrefix("-"), arg != "help", !arg.isEmpty else { return nil }
                id = arg
                i += 1
            }
        }
        guard let id else { return nil }
        self.id = id
        self.width = width
        self.color = color ?? .auto
    }

    init(id: String, width: Int?, color: Show.ColorMode) {
        self.id = id
        self.width = width
        self.color = color
    }
}
