#!/usr/bin/env python3
"""Lists the functions in app/ and ui/ longer than a limit (default 80 lines).

clang-format (.clang-format) puts a function's braces alone at the start of a line, so a
function is the text between a line "{" and the next line "}" at column 0; namespaces and
classes end with "}" plus a comment or ";" and are not counted. Exit status 1 when a function is
over the limit and not in the list of accepted ones below, each with its reason.
"""
import pathlib
import re
import sys

# function signature (as printed) -> why a reader accepts its length
ACCEPTED = {
    "app/storage/Migrations.cpp: QList<Migration> all()":
        "the schema's history: one entry per version, each a list of SQL statements",
}

def functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    start = None
    for number, line in enumerate(lines):
        if line == "{":
            start = number
        elif line == "}" and start is not None:
            signature = lines[start - 1].strip()
            # A signature can span lines: walk back to the line that starts at column 0.
            first = start - 1
            while first > 0 and lines[first].startswith(" "):
                first -= 1
            yield " ".join(l.strip() for l in lines[first:start]), number - start - 1
            start = None

def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    root = pathlib.Path(__file__).resolve().parents[2]
    over = []
    for path in sorted(list(root.glob("app/**/*.cpp")) + list(root.glob("ui/**/*.cpp"))):
        for signature, length in functions(path):
            if length > limit:
                over.append((length, f"{path.relative_to(root)}: {signature}"))
    failed = False
    for length, where in sorted(over, reverse=True):
        reason = next((r for s, r in ACCEPTED.items() if s in where), None)
        print(f"{length:4} {where}" + (f"  [accepted: {reason}]" if reason else ""))
        failed = failed or reason is None
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
