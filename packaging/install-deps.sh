#!/usr/bin/env bash
# Installs what Roadmunk SAM needs to build (and, with --test, to run its tests) on Debian 12
# or a derivative. Only missing packages are installed; needs root or sudo.
#   packaging/install-deps.sh [--test]          install what is missing
#   packaging/install-deps.sh --list [--test]   print the package names, one a line
# Packages are installed without their Recommends (those pull in hundreds of MB of desktop
# packages on a server), so everything the build or the tests read must be named here or come
# through Depends: tests/packaging/check-cmake-packages.sh checks that in CI.
set -euo pipefail

build_packages=(cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libqt6sql6-sqlite
    # Qt's QPSQL driver (libpq underneath), for a team database on PostgreSQL.
    libqt6sql6-psql
    # libcurl speaks SMTP to the organisation's relay (app/mail); it checks the relay's
    # certificate against the system's store, which ca-certificates provides (only a Recommends).
    libcurl4-openssl-dev ca-certificates
    libgl-dev gnome-keyring qt6-translations-l10n
    # Only a Recommends of qt6-base-dev, but Qt Charts' CMake package needs Qt6OpenGL's.
    libqt6opengl6-dev)
# clang and its runtime for the fuzzers, clang-format for CI's style check (.ci/run).
# postgresql-15: the tests start a private cluster of it (tests/support/PostgresCluster).
# python3-aiosmtpd and openssl: the SMTP relay the mail tests send to, with its own CA
# (tests/support/SmtpTestServer).
test_packages=(xvfb xauth dbus dbus-x11 gnome-keyring clang libclang-rt-14-dev clang-format
    postgresql-15 python3-aiosmtpd openssl)

list=false test=false
for arg in "$@"; do
    case "$arg" in
    --list) list=true ;;
    --test) test=true ;;
    *) echo "usage: $0 [--list] [--test]" >&2; exit 2 ;;
    esac
done

packages=("${build_packages[@]}")
if $test; then
    packages+=("${test_packages[@]}")
fi
if $list; then
    printf '%s\n' "${packages[@]}" | sort -u
    exit 0
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
