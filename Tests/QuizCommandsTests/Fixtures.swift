import Foundation
import LessonKit
import QuizKit
import StateStore
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

let fixedNow = Date(timeIntervalSince1970: 1_800_000_000)

let tcpLesson = """
---
id: tcp
title: "TCP"
summary: "Reliable bytes."
order: 1
minutes: 30
---
# TCP

## The three-way handshake

Text.

```quiz
- id: syn-flag
  type: single
  prompt: "Which flag does the first segment carry?"
  options:
    - text: "SYN"
      correct: true
    - text: "ACK"
      why: "Nothing to acknowledge yet."
  explain: "SYN opens."
  see: "#the-three-way-handshake"
- id: rtt
  type: number
  prompt: "Round trips before data?"
  answer: 1
  tolerance: 0
  explain: "One."
```

## Closing

More text.
"""

let dnsLesson = """
---
id: dns
title: "DNS"
summary: "Names."
order: 2
minutes: 20
---
# DNS

No quiz here.
"""

let course = Course(files: [("Lessons/tcp.md", tcpLesson), ("Lessons/dns.md", dnsLesson)], origin: "test")


/// Feeds lines and collects output and errors.
final class Console {
    var input: ArraySlice<String>
    var output = ""
    var errors = ""

    init(_ lines: [String]) {
        input = lines[...]
    }

    func readLine() -> String? { input.popFirst() }
    func write(_ s: String) { output += s }
    func error(_ s: String) { errors += s }
}
