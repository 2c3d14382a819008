#!/usr/bin/env bash
# Builds Roadmunk_SAM-<version>-<arch>.AppImage with linuxdeploy and linuxdeploy-plugin-qt,
# downloaded from GitHub at run time. Not run in CI, and not yet run to the end anywhere: see
# packaging/README.md. Build on the oldest distribution the AppImage should run on (glibc is
# not bundled); Debian 12 with packaging/install-deps.sh is what this was written against.
#
#   packaging/appimage/build-appimage.sh [BUILD_DIR]      (default: build-appimage)
#
# Environment:
#   LINUXDEPLOY_URL, LINUXDEPLOY_QT_URL         other downloads (default: the "continuous" releases)
#   LINUXDEPLOY_SHA256, LINUXDEPLOY_QT_SHA256   checksums to insist on (advised once you pin a release)
#   QMAKE                                       the Qt 6 qmake (default: qmake6, then /usr/lib/qt6/bin/qmake)
set -euo pipefail
cd "$(dirname "$0")/../.."

app_id=io.github.roadmunk_sam.RoadmunkSAM
arch=$(uname -m)
build_dir=${1:-build-appimage}
work=$build_dir/appimage
appdir=$work/AppDir

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRMSAM_BUILD_TESTS=OFF "${launcher[@]}"
fi
cmake --build "$build_dir" --target roadmunk-sam
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")

# The AppDir is the package's /usr tree: the same install rules as the .deb.
rm -rf "$appdir"
DESTDIR=$(realpath -m "$appdir") cmake --install "$build_dir" --prefix /usr --strip

QMAKE=${QMAKE:-$(command -v qmake6 || echo /usr/lib/qt6/bin/qmake)}
export QMAKE
qt_plugins=$("$QMAKE" -query QT_INSTALL_PLUGINS)
# linuxdeploy bundles every SQL driver it finds; the others would drag in their client libraries.
for driver in "$qt_plugins"/sqldrivers/*.so; do
    [[ "$(basename "$driver")" == libqsqlite.so ]] ||
        echo "Note: $driver will be bundled too; remove its package to keep it out." >&2
done

mkdir -p "$work/tools"
fetch() { # url file [sha256]
    if [[ ! -x "$2" ]]; then
        curl -fL --retry 3 --output "$2.part" "$1"
        mv "$2.part" "$2"
        chmod +x "$2"
    fi
    if [[ -n "${3:-}" ]]; then
        echo "$3  $2" | sha256sum --check --quiet
    fi
}
releases=https://github.com/linuxdeploy
linuxdeploy=$work/tools/linuxdeploy-$arch.AppImage
fetch "${LINUXDEPLOY_URL:-$releases/linuxdeploy/releases/download/continuous/linuxdeploy-$arch.AppImage}" \
    "$linuxdeploy" "${LINUXDEPLOY_SHA256:-}"
# linuxdeploy finds its plugins next to itself, by this name.
fetch "${LINUXDEPLOY_QT_URL:-$releases/linuxdeploy-plugin-qt/releases/download/continuous/linuxdeploy-plugin-qt-$arch.AppImage}" \
    "$work/tools/linuxdeploy-plugin-qt-$arch.AppImage" "${LINUXDEPLOY_QT_SHA256:-}"

# Works without FUSE too (containers, CI).
export APPIMAGE_EXTRACT_AND_RUN=1
# The app loads SVG icons through the icon engine plugin without linking Qt SVG, so the plugin
# cannot see it. EXTRA_QT_PLUGINS is the older plugin's name for the same variable.
export EXTRA_QT_MODULES="svg;" EXTRA_QT_PLUGINS="svg;"
# Wayland, when the build machine has it (qt6-wayland); X11 (xcb) is always deployed.
if [[ -e "$qt_plugins/platforms/libqwayland-generic.so" ]]; then
    export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so"
fi
# The output name: LDAI_* for current linuxdeploy-plugin-appimage, the others for older ones.
output=Roadmunk_SAM-$version-$arch.AppImage
export LDAI_OUTPUT=$output OUTPUT=$output LINUXDEPLOY_OUTPUT_VERSION=$version VERSION=$version

(cd "$work" && "./tools/linuxdeploy-$arch.AppImage" --appdir AppDir \
    --executable AppDir/usr/bin/roadmunk-sam \
    --desktop-file "AppDir/usr/share/applications/$app_id.desktop" \
    --icon-file "AppDir/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    --plugin qt --output appimage)

# The least it must do: start, and find its own version.
"$work/$output" --version
echo "Built $work/$output"
echo "It keeps the API token in the desktop's Secret Service (gnome-keyring, KWallet), which it does not bundle."
