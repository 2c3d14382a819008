#!/usr/bin/env bash
# Every CMake package the configure step read must come from a Debian package that
# packaging/install-deps.sh installs, or that those pull in through Depends alone (the script
# installs with --no-install-recommends). A package that is only on this machine by chance
# (a Recommends, or installed by hand) would break the README's commands on a fresh machine.
#   tests/packaging/check-cmake-packages.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
cache=${1:-build}/CMakeCache.txt
[[ -f "$cache" ]] || { echo "FAIL: no $cache; configure first" >&2; exit 1; }

# What install-deps.sh installs, closed over Depends and PreDepends (virtual packages resolve to
# the installed package that provides them).
mapfile -t wanted < <(bash packaging/install-deps.sh --list --test)
closure=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances "${wanted[@]}" 2>/dev/null |
    sed -n -e 's/^\([a-z0-9][^ :<]*\).*/\1/p' -e 's/^ *|\?\(Pre\)\?Depends: \([^<][^ :]*\).*/\2/p' | sort -u)
[[ -n "$closure" ]] || { echo "FAIL: apt-cache gave no dependency closure" >&2; exit 1; }

checked=0 failed=0
while IFS='=' read -r name dir; do
    name=${name%_DIR:PATH}
    case "$dir" in "$PWD"/*) continue ;; esac # the project's own
    # <Name>_DIR holds <Name>Config.cmake or <name>-config.cmake; other *_DIR entries are not packages.
    config=$dir/${name}Config.cmake
    [[ -f "$config" ]] || config=$dir/${name,,}-config.cmake
    [[ -f "$config" ]] || continue
    owner=$(dpkg -S "$(realpath "$config")" 2>/dev/null | head -n 1 | cut -d: -f1) ||
        owner=$(dpkg -S "$config" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    checked=$((checked + 1))
    if [[ -z "$owner" ]]; then
        echo "FAIL: $config (read by the configure step) belongs to no Debian package" >&2
        failed=$((failed + 1))
    elif ! grep -qx "$owner" <<<"$closure"; then
        echo "FAIL: $config comes from '$owner', which packaging/install-deps.sh neither installs nor pulls in through Depends: add '$owner' to it" >&2
        failed=$((failed + 1))
    fi
done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=' "$cache")

((checked > 0)) || { echo "FAIL: no CMake package directories in $cache" >&2; exit 1; }
((failed == 0)) || exit 1
echo "All $checked CMake packages the configure step read come from packages install-deps.sh installs."
