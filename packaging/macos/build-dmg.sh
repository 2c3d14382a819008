#!/usr/bin/env bash
# Builds "Roadmunk SAM.app" (deployed with macdeployqt) and Roadmunk-SAM-<version>-macos.dmg
# (hdiutil) on macOS, with the README's Homebrew setup (brew install cmake ninja qt@6 qtkeychain).
# Not yet run on a Mac: see packaging/README.md.
#
#   packaging/macos/build-dmg.sh [BUILD_DIR]       (default: build-macos)
#
# Environment:
#   RMSAM_CODESIGN_IDENTITY   a "Developer ID Application: ..." identity to sign with (hardened
#                             runtime); without it the bundle is signed ad hoc, which Apple
#                             Silicon needs to run it at all but Gatekeeper will not trust.
#                             Notarization (xcrun notarytool) is a separate, manual step.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ "$(uname -s)" == Darwin ]] || { echo "This script runs on macOS only." >&2; exit 1; }
build_dir=${1:-build-macos}
# CFBundleIdentifier allows letters, digits, '-' and '.', not '_': the Linux app id
# io.github.roadmunk_sam.RoadmunkSAM with '-' for '_'.
bundle_id=io.github.roadmunk-sam.RoadmunkSAM
qt_prefix=$(brew --prefix qt@6)
# macdeployqt: on PATH, else in the Qt prefix, else in Homebrew's separate qttools formula.
macdeployqt=$(command -v macdeployqt || true)
for candidate in "$qt_prefix/bin/macdeployqt" "$(brew --prefix qttools 2>/dev/null)/bin/macdeployqt"; do
    [[ -n "$macdeployqt" ]] && break
    [[ -x "$candidate" ]] && macdeployqt=$candidate
done
[[ -n "$macdeployqt" ]] || { echo "macdeployqt not found: brew install qt@6 (or qttools)" >&2; exit 1; }

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRMSAM_BUILD_TESTS=OFF \
        -DCMAKE_PREFIX_PATH="$qt_prefix;$(brew --prefix qtkeychain)"
fi
cmake --build "$build_dir" --target roadmunk-sam
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")

work=$build_dir/macos
app="$work/Roadmunk SAM.app"
rm -rf "$work"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
# The target is a plain executable (no MACOSX_BUNDLE); a bundle target would be copied instead.
if [[ -d "$build_dir/roadmunk-sam.app" ]]; then
    cp -R "$build_dir/roadmunk-sam.app/Contents/MacOS/roadmunk-sam" "$app/Contents/MacOS/"
else
    cp "$build_dir/roadmunk-sam" "$app/Contents/MacOS/"
fi
cp resources/macos/roadmunk-sam.icns "$app/Contents/Resources/"
cat >"$app/Contents/Info.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>CFBundleDevelopmentRegion</key><string>en</string>
    <key>CFBundleLocalizations</key><array><string>en</string><string>ja</string></array>
    <key>CFBundleExecutable</key><string>roadmunk-sam</string>
    <key>CFBundleIconFile</key><string>roadmunk-sam</string>
    <key>CFBundleIdentifier</key><string>$bundle_id</string>
    <key>CFBundleInfoDictionaryVersion</key><string>6.0</string>
    <key>CFBundleName</key><string>Roadmunk SAM</string>
    <key>CFBundleDisplayName</key><string>Roadmunk SAM</string>
    <key>CFBundlePackageType</key><string>APPL</string>
    <key>CFBundleShortVersionString</key><string>$version</string>
    <key>CFBundleVersion</key><string>$version</string>
    <key>LSApplicationCategoryType</key><string>public.app-category.business</string>
    <key>LSMinimumSystemVersion</key><string>${MACOSX_DEPLOYMENT_TARGET:-11.0}</string>
    <key>NSHighResolutionCapable</key><true/>
    <key>NSPrincipalClass</key><string>NSApplication</string>
    <key>NSHumanReadableCopyright</key><string>GNU General Public License version 3</string>
</dict>
</plist>
PLIST
plutil -lint "$app/Contents/Info.plist"

# Qt frameworks and plugins (cocoa, the SQLite driver, image formats, the SVG icon engine, TLS),
# and QtKeychain's dylib from Homebrew.
sign=()
if [[ -n "${RMSAM_CODESIGN_IDENTITY:-}" ]]; then
    sign=("-codesign=$RMSAM_CODESIGN_IDENTITY" -hardened-runtime -timestamp)
fi
# ${sign[@]+...}: macOS's bash 3.2 calls an empty array unbound under set -u.
"$macdeployqt" "$app" -always-overwrite ${sign[@]+"${sign[@]}"}
for needed in PlugIns/platforms/libqcocoa.dylib PlugIns/sqldrivers/libqsqlite.dylib \
    PlugIns/iconengines/libqsvgicon.dylib; do
    [[ -e "$app/Contents/$needed" ]] || { echo "macdeployqt did not deploy $needed" >&2; exit 1; }
done
compgen -G "$app/Contents/Frameworks/*keychain*" >/dev/null ||
    { echo "macdeployqt did not copy QtKeychain into Contents/Frameworks" >&2; exit 1; }
if [[ -z "${RMSAM_CODESIGN_IDENTITY:-}" ]]; then
    # macdeployqt rewrote the binaries' load paths, which voids their signatures.
    codesign --force --deep --sign - "$app"
fi
codesign --verify --deep --strict "$app"
# The least it must do: start from the bundle, and find its own version.
reported=$("$app/Contents/MacOS/roadmunk-sam" --version)
[[ "$reported" == "roadmunk-sam $version" ]] || { echo "The bundle says '$reported', expected $version" >&2; exit 1; }

# The disk image: the app and a link to /Applications to drag it onto.
staging=$work/dmg
mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg=$build_dir/Roadmunk-SAM-$version-macos.dmg
hdiutil create -volname "Roadmunk SAM $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "Built $dmg"
