#!/usr/bin/env bash
# Nothing tracked in the repository may read a path outside the clone: a user's clone has no
# sibling folders (the reference `shared/` folder next to the developers' clones among them).
# Checks the literal names, and resolves the relative paths that CMake files and scripts build
# from their own location.
#   tests/packaging/check-self-contained.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
self=tests/packaging/check-self-contained.sh
failed=0
fail() {
    echo "FAIL: $1: $2" >&2
    failed=$((failed + 1))
}

# Text files only (-I), this script excepted: it names the patterns it looks for.
mapfile -t files < <(git ls-files | grep -vx "$self")

# Literal references to the folder beside the developers' clones, or to this machine's layout.
while IFS= read -r hit; do
    fail "${hit%%:*}" "refers outside the clone: ${hit#*:}"
done < <(git grep -nIE '\.\./shared\b|/work/(shared|main)\b|\$\{?HOME\}?/work\b' -- "${files[@]}" || true)

# Paths built from a known folder and then climbing out of it with "..".
base_pattern='\$\{(CMAKE_SOURCE_DIR|PROJECT_SOURCE_DIR|CMAKE_CURRENT_SOURCE_DIR|CMAKE_CURRENT_LIST_DIR)\}|\$\(dirname "?\$(0|\{BASH_SOURCE\[0\]\})"?\)'
while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    line=${rest%%:*}
    expr=${rest#*:}
    case "$expr" in
    '${CMAKE_SOURCE_DIR}'* | '${PROJECT_SOURCE_DIR}'*) base=$root ;;
    *) base=$root/$(dirname "$file") ;;
    esac
    relative=${expr#*[\})]}
    target=$(realpath -m "$base/$relative")
    [[ "$target" == "$root" || "$target" == "$root"/* ]] ||
        fail "$file:$line" "'$expr' leaves the clone (resolves to $target)"
done < <(git grep -noIE "($base_pattern)(/\.\.)+(/[A-Za-z0-9_.-]+)*" -- "${files[@]}" || true)

((failed == 0)) || { echo "$failed reference(s) outside the repository." >&2; exit 1; }
echo "No tracked file refers to a path outside the repository (${#files[@]} files checked)."
