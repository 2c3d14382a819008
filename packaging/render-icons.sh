#!/usr/bin/env bash
# Renders resources/icons/roadmunk-sam.svg into the files kept in the repository, so that the
# build itself never needs an SVG tool:
#   resources/icons/hicolor/<size>x<size>/roadmunk-sam.png   Linux (hicolor theme, AppImage)
#   resources/windows/roadmunk-sam.ico                       Windows installer and shortcuts
#   resources/macos/roadmunk-sam.icns                        macOS bundle
# Run it after changing the SVG. Needs rsvg-convert (librsvg2-bin), ImageMagick's convert
# (imagemagick) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done
svg=resources/icons/roadmunk-sam.svg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { rsvg-convert --width "$1" --height "$1" --format png --output "$2" "$svg"; }

pngs=()
for size in 16 32 48 64 128 256; do
    out=resources/icons/hicolor/${size}x${size}/roadmunk-sam.png
    mkdir -p "$(dirname "$out")"
    render "$size" "$out"
    pngs+=("$out")
    echo "$out"
done

mkdir -p resources/windows resources/macos
convert "${pngs[@]}" resources/windows/roadmunk-sam.ico
echo resources/windows/roadmunk-sam.ico

render 512 "$tmp/512.png"
render 1024 "$tmp/1024.png"
png2icns resources/macos/roadmunk-sam.icns \
    resources/icons/hicolor/{16x16,32x32,48x48,128x128,256x256}/roadmunk-sam.png "$tmp/512.png" "$tmp/1024.png" >/dev/null
echo resources/macos/roadmunk-sam.icns
