#!/usr/bin/env python3
"""Quick structural check of lesson files while writing them (the real check is `nettutor lint`).

Usage: python3 tools/lesson_check.py Lessons/tcp.md [...]
Prints word count (prose outside fenced blocks), diagrams, quiz questions, types,
and any structural problem found in front matter, quiz YAML, links and line widths.
"""
import re, sys, yaml

MIN_WORDS = {"scaling": 1800, "http": 1800, "dns": 1800, "tcp": 1800,
             "io-multiplexing": 1800, "interrupts": 1800}

def slug(text):
    s = text.strip().lower()
    s = re.sub(r"[`*_~\[\]()]", lambda m: "_" if m.group(0) == "_" else "", s)
    s = re.sub(r"[^\w\- ]", "", s, flags=re.UNICODE)
    return s.replace(" ", "-")

def check(path, all_anchors):
    problems = []
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        return ["no front matter"], None
    fm = yaml.safe_load(m.group(1))
    for k in ("id", "title", "summary", "order", "minutes"):
        if k not in fm: problems.append(f"front matter: missing {k}")
    body = text[m.end():]
    lines = body.split("\n")
    prose, blocks, cur, info = [], [], None, None
    for ln in lines:
        fence = re.match(r"^(```+|~~~+)\s*(\S*)", ln)
        if cur is None and fence:
            cur, info = [], fence.group(2)
            continue
        if cur is not None and re.match(r"^(```+|~~~+)\s*$", ln):
            blocks.append((info, "\n".join(cur))); cur = None; continue
        if cur is not None: cur.append(ln)
        else: prose.append(ln)
    words = len(re.findall(r"[A-Za-z0-9][\w'’.-]*", "\n".join(prose)))
    diagrams = [b for i, b in blocks if i == "text"]
    for b in diagrams:
        for l in b.split("\n"):
            if len(l) > 76: problems.append(f"diagram line over 76 columns: {l[:40]}...")
    qs, types = [], set()
    for i, b in blocks:
        if i != "quiz": continue
        try:
            data = yaml.safe_load(b)
        except yaml.YAMLError as e:
            problems.append(f"quiz YAML: {e}"); continue
        if not isinstance(data, list):
            problems.append("quiz block is not a list"); continue
        for q in data:
            qs.append(q.get("id")); types.add(q.get("type"))
            for k in ("id", "type", "prompt", "explain"):
                if k not in q: problems.append(f"question {q.get('id')}: missing {k}")
            t = q.get("type")
            if t in ("single", "multiple"):
                opts = q.get("options", [])
                nc = sum(1 for o in opts if o.get("correct"))
                if t == "single" and nc != 1: problems.append(f"{q['id']}: single needs exactly one correct")
                if t == "multiple" and nc < 1: problems.append(f"{q['id']}: multiple needs a correct option")
                for o in opts:
                    if not o.get("correct") and not o.get("why"): problems.append(f"{q['id']}: wrong option without why: {o.get('text')}")
            elif t == "truefalse":
                if not isinstance(q.get("answer"), bool): problems.append(f"{q['id']}: truefalse needs answer: true|false")
                if not q.get("why"): problems.append(f"{q['id']}: truefalse without why")
            elif t == "order":
                if len(q.get("items", [])) < 3: problems.append(f"{q['id']}: order needs 3+ items")
            elif t == "text":
                if not q.get("answers"): problems.append(f"{q['id']}: text needs answers")
            elif t == "number":
                if "answer" not in q or "tolerance" not in q: problems.append(f"{q['id']}: number needs answer and tolerance")
            else:
                problems.append(f"{q.get('id')}: unknown type {t}")
            see = q.get("see")
            if see: problems += check_link(see, path, all_anchors, f"{q['id']}: see")
    if len(set(qs)) != len(qs): problems.append("duplicate question ids")
    for target in re.findall(r"\]\(([^)\s]+)\)", "\n".join(prose)):
        if target.startswith(("http://", "https://", "mailto:")): continue
        problems += check_link(target, path, all_anchors, "link")
    lid = fm.get("id")
    need = MIN_WORDS.get(lid, 1200)
    if words < need: problems.append(f"only {words} prose words, need {need}")
    if len(diagrams) < 2: problems.append("fewer than 2 text diagrams")
    if len(qs) < 10: problems.append(f"only {len(qs)} questions, need 10")
    if len(types) < 3: problems.append("fewer than 3 question types")
    return problems, dict(id=lid, words=words, diagrams=len(diagrams), questions=len(qs), types=sorted(t for t in types if t))

def anchors_of(path):
    out, seen = set(), {}
    inblock = False
    for ln in open(path, encoding="utf-8"):
        if re.match(r"^(```|~~~)", ln): inblock = not inblock; continue
        m = None if inblock else re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", ln)
        if m:
            s = slug(m.group(1)); n = seen.get(s, 0); seen[s] = n + 1
            out.add(s if n == 0 else f"{s}-{n}")
    return out

def check_link(target, path, all_anchors, what):
    import os
    file, _, anchor = target.partition("#")
    lesson = os.path.basename(path)[:-3] if not file else file[:-3] if file.endswith(".md") else None
    if lesson is None: return [f"{what} {target}: not a lesson link"]
    if lesson not in all_anchors: return [f"{what} {target}: no lesson {lesson} (yet?)"]
    if anchor and anchor not in all_anchors[lesson]: return [f"{what} {target}: no heading #{anchor} in {lesson}"]
    return []

if __name__ == "__main__":
    import glob, os
    all_anchors = {os.path.basename(p)[:-3]: anchors_of(p) for p in glob.glob(os.path.join(os.path.dirname(sys.argv[1]) if len(sys.argv) > 1 else "Lessons", "*.md"))}
    for p in sys.argv[1:]:
        problems, stats = check(p, all_anchors)
        print(p, stats)
        for pr in problems: print("  -", pr)
