#!/usr/bin/env bash
# Runs the whole suite the way CI does: in a private D-Bus session with an unlocked
# gnome-keyring (the real Secret Service the token store talks to), GUI tests offscreen.
set -euo pipefail
build_dir=$(cd "${1:-build}" && pwd)

if [[ -z "${RMSAM_IN_TEST_SESSION:-}" ]]; then
    export RMSAM_IN_TEST_SESSION=1
    exec dbus-run-session -- bash "$0" "$build_dir"
fi

# A throw-away keyring home so the tests never touch the user's own keyrings.
keyring_home=$(mktemp -d)
# gnome-keyring-daemon leaves with the session bus when dbus-run-session ends.
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'rmsam-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
export QT_QPA_PLATFORM=offscreen

cd "$build_dir"
ctest --output-on-failure --timeout 300 -j "$(nproc 2>/dev/null || echo 2)"
