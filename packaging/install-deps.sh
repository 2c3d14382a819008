#!/usr/bin/env bash
# Installs what Roadmunk SAM needs to build (and, with --test, to run its tests) on Debian 12
# or a derivative. Only missing packages are installed; needs root or sudo.
set -euo pipefail

build_packages=(cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libqt6sql6-sqlite
    libgl-dev gnome-keyring qt6-translations-l10n)
test_packages=(xvfb xauth dbus dbus-x11 gnome-keyring clang libclang-rt-14-dev)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
    packages+=("${test_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    echo "All build dependencies are installed."
    exit 0
fi

if ! command -v apt-get >/dev/null; then
    echo "This script installs Debian packages with apt-get; see README.md for macOS and Windows." >&2
    exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "Run as root or install sudo." >&2; exit 1; }
    sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
