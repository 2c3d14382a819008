#!/usr/bin/env bash
# Without a display (over SSH, QT_QPA_PLATFORM=xcb and no DISPLAY): an unknown command is refused
# with exit 2 and the closest command, and options the desktop app does not take are refused,
# both without starting the GUI (which would abort with 134).
set -uo pipefail
exe=${1:?usage: unknown-command.sh path/to/roadmunk-sam}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$exe" xyzzy > "$work/out" 2> "$work/err"; code=$?
[[ $code == 2 ]] || fail "xyzzy: exit $code, expected 2: $(cat "$work/err")"
grep -qx 'roadmunk-sam: unknown command "xyzzy"' "$work/err" || fail "xyzzy: $(cat "$work/err")"
grep -qx 'Run "roadmunk-sam --help" for the commands.' "$work/err" || fail "xyzzy: $(cat "$work/err")"
grep -q 'Did you mean' "$work/err" && fail "xyzzy is close to no command: $(cat "$work/err")"
[[ ! -s "$work/out" ]] || fail "xyzzy printed to standard output: $(cat "$work/out")"

"$exe" --data-dir "$work/data" --demo profle list > /dev/null 2> "$work/err"; code=$?
[[ $code == 2 ]] || fail "profle: exit $code, expected 2: $(cat "$work/err")"
grep -qx 'Did you mean "profile"?' "$work/err" || fail "profle: $(cat "$work/err")"
[[ ! -e "$work/data" ]] || fail "an unknown command opened the data folder"

"$exe" --frobnicate > /dev/null 2> "$work/err"; code=$?
[[ $code == 1 ]] || fail "--frobnicate: exit $code, expected 1: $(cat "$work/err")"
grep -q "Unknown option 'frobnicate'" "$work/err" || fail "--frobnicate: $(cat "$work/err")"

"$exe" --help > "$work/out" 2> "$work/err"; code=$?
[[ $code == 0 ]] || fail "--help: exit $code: $(cat "$work/err")"
grep -q '^  roadmunk-sam candidate note --number N --note TEXT$' "$work/out" || fail "--help lacks the commands' usage"
echo "1 passed, 0 failed"
