#!/usr/bin/env bash
# Builds the .deb from an already configured build directory, installs it on THIS machine,
# starts the installed app (--version, then the demo offscreen for a few seconds) and removes
# the package again. It changes the system (dpkg -i, apt-get), so it runs as root on a
# throw-away machine or container: CI's clean Debian 12.
#
#   tests/packaging/deb-smoke.sh [BUILD_DIR]     (default: build)
set -euo pipefail

app_id=io.github.roadmunk_sam.RoadmunkSAM
package=roadmunk-sam
demo_seconds=${RMSAM_DEMO_SECONDS:-10}

# The demo run, inside the private D-Bus session started below: a throw-away home and an
# unlocked gnome-keyring, as tests/run-tests.sh sets up for the suite.
if [[ "${1:-}" == --demo-session ]]; then
    log=$2
    home=$(mktemp -d)
    trap 'rm -rf "$home"' EXIT
    export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
        XDG_CACHE_HOME=$home/cache XDG_RUNTIME_DIR=$home/run
    mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    eval "$(printf 'rmsam-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
    rc=0
    QT_QPA_PLATFORM=offscreen timeout --kill-after=5 "$demo_seconds" /usr/bin/roadmunk-sam --demo \
        >"$log" 2>&1 || rc=$?
    # The demo's database proves that the SQLite driver (a plugin dpkg-shlibdeps cannot see) loaded.
    if ! compgen -G "$XDG_DATA_HOME/roadmunk-sam/demo/*.sqlite" >/dev/null; then
        echo "The demo created no database under $XDG_DATA_HOME/roadmunk-sam/demo." >>"$log"
        rc=99
    fi
    exit "$rc"
fi

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

cd "$(dirname "$0")/../.."
source_dir=$(pwd)
build_dir=$(cd "${1:-build}" && pwd)
[[ -f "$build_dir/CMakeCache.txt" ]] || fail "$build_dir is not a configured build directory."
[[ $(id -u) -eq 0 ]] || fail "this test installs a package system-wide: run it as root in a throw-away machine (CI does)."
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    fail "$package is already installed; this test would replace and then remove it. Run 'dpkg -r $package' first."
fi

echo "== Tools the packaging needs =="
# dpkg-dev (dpkg-shlibdeps) and file for CPack's dependency list, the validators for the metadata.
tools=(dpkg-dev file appstream desktop-file-utils dbus gnome-keyring)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== Desktop entry and AppStream metadata =="
desktop-file-validate "resources/linux/$app_id.desktop"
appstreamcli validate --no-net "resources/linux/$app_id.metainfo.xml"

echo "== Building the package =="
work=$(mktemp -d)
installed=
cleanup() {
    if [[ -n "$installed" ]]; then
        dpkg -r "$package" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# Only the application is packaged, so only it needs building (this also re-runs CMake if the
# build files are older than CMakeLists.txt).
cmake --build "$build_dir" --target roadmunk-sam
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out"
deb=$(find "$work/out" -maxdepth 1 -name "${package}_*.deb" -print -quit)
[[ -n "$deb" ]] || fail "cpack made no ${package}_*.deb"
dpkg-deb --info "$deb"

depends=$(dpkg-deb --field "$deb" Depends)
# Libraries come from dpkg-shlibdeps, plugins from packaging/CPackConfig.cmake.
for dep in libqt6core6 libqt6widgets6 libqt6keychain1 libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6; do
    [[ ", $depends," == *", $dep"[\ ,]* ]] || fail "Depends lacks $dep: $depends"
done
contents=$(dpkg-deb --contents "$deb")
for f in usr/bin/roadmunk-sam "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg" "usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    "usr/share/icons/hicolor/16x16/apps/$app_id.png"; do
    grep -q " \./$f\$" <<<"$contents" || fail "the package lacks /$f"
done
# The installed tree as a whole: the metainfo's launchable and icon must resolve inside it.
dpkg-deb --extract "$deb" "$work/root"
appstreamcli validate-tree --no-net "$work/root"

echo "== Installing it =="
installed=yes
if ! dpkg -i "$deb"; then
    echo "Fetching the missing dependencies."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends
fi
dpkg-query -W -f='${Status}\n' "$package" | grep -q "install ok installed" || fail "$package did not install"

echo "== Starting the installed app =="
version=$(/usr/bin/roadmunk-sam --version)
echo "$version"
[[ "$version" == "roadmunk-sam $(dpkg-query -W -f='${Version}' "$package")" ]] ||
    fail "--version says '$version', the package is $(dpkg-query -W -f='${Version}' "$package")"

# The app has no auto-quit: still running after $demo_seconds s (timeout's 124) is the success.
demo_log=$work/demo.log
rc=0
RMSAM_DEMO_SECONDS=$demo_seconds dbus-run-session -- bash "$source_dir/tests/packaging/deb-smoke.sh" \
    --demo-session "$demo_log" || rc=$?
sed 's/^/    demo: /' "$demo_log"
[[ $rc -eq 124 ]] || fail "the demo ended with exit code $rc instead of running until timeout stopped it"
# Qt prints these (and carries on, or quits politely) when a plugin or library is missing.
if grep -Eiq 'fatal|driver not loaded|failed to start|could not (load|find) the qt platform plugin|cannot load library|error while loading shared libraries' "$demo_log"; then
    fail "the demo printed an error (above)"
fi
# TokenStore logs "keychain state N" (0 Unchecked, 1 Available); anything above 1 means the demo
# runs without the Secret Service it needs.
if grep -Eq 'keychain state [2-9]' "$demo_log"; then
    fail "the demo could not use the Secret Service (above)"
fi

echo "== Removing it =="
dpkg -r "$package"
installed=
[[ ! -e /usr/bin/roadmunk-sam ]] || fail "/usr/bin/roadmunk-sam is still there after dpkg -r"
echo "deb-smoke: OK in ${SECONDS} s ($(basename "$deb"))"
