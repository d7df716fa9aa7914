#!/usr/bin/env python3
"""Lists Swift functions, initialisers and computed bodies longer than a limit.

Usage: python3 Tools/function-lengths.py [--limit 60] DIR...

A body's length is the number of lines from its declaration to its closing
brace. A function may be longer only if its doc comment says why, in a line
starting `/// Length:`. Exit status 1 when any other body is over the limit,
so CI can run it.

Braces inside string literals (including multi-line and raw strings) and
comments are ignored; that is the only parsing done.
"""

import argparse
import os
import re
import sys

DECLARATION = re.compile(r"\b(func\s+[^\s(<]+|init[?!]?\s*[(<]|subscript\s*[(<])")


def code_only(text):
    """The source with comments and string contents blanked, newlines kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or (c == "#" and re.match(r'#+"', text[i:])):
            hashes = len(re.match(r"#*", text[i:]).group(0))
            start = i + hashes
            delimiter = '"""' if text.startswith('"""', start) else '"'
            body = start + len(delimiter)
            closing = delimiter + "#" * hashes
            j = body
            while j < n:
                if text.startswith(closing, j):
                    break
                if text[j] == "\\" and hashes == 0:
                    j += 2
                    continue
                j += 1
            j = min(n, j + len(closing))
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def long_bodies(path, limit):
    with open(path, encoding="utf-8") as f:
        original = f.read()
    lines = original.split("\n")
    code = code_only(original).split("\n")
    found = []
    for number, line in enumerate(code):
        match = DECLARATION.search(line)
        if not match or "protocol" in line:
            continue
        depth, opened, end = 0, False, None
        for k in range(number, len(code)):
            segment = code[k][match.start():] if k == number else code[k]
            for ch in segment:
                if ch == "{":
                    depth += 1
                    opened = True
                elif ch == "}":
                    depth -= 1
                    if opened and depth == 0:
                        end = k
                        break
            if end is not None or (not opened and code[k].rstrip().endswith(")") and k > number + 10):
                break
        if end is None:
            continue
        length = end - number + 1
        if length <= limit:
            continue
        doc = []
        k = number - 1
        while k >= 0 and (lines[k].strip().startswith("///") or lines[k].strip().startswith("@")):
            doc.append(lines[k].strip())
            k -= 1
        explained = any(d.startswith("/// Length:") for d in doc)
        found.append((length, path, number + 1, match.group(1).strip(), explained))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    found = []
    for top in args.dirs:
        for root, _, files in os.walk(top):
            for name in sorted(files):
                if name.endswith(".swift"):
                    found += long_bodies(os.path.join(root, name), args.limit)
    found.sort(reverse=True)
    unexplained = [f for f in found if not f[4]]
    for length, path, line, name, explained in found:
        mark = "explained" if explained else "TOO LONG"
        print(f"{length:5d}  {path}:{line}  {name}  {mark}")
    print(f"{len(found)} bodies over {args.limit} lines, {len(unexplained)} without a `/// Length:` reason")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
