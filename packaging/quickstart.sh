#!/usr/bin/env bash
# The README's two commands:
#   packaging/quickstart.sh demo   install what is missing, build, start the app in demo mode
#   packaging/quickstart.sh test   install what is missing, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
demo) bash packaging/install-deps.sh ;;
test) bash packaging/install-deps.sh --test ;;
*) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

build_dir=${RMSAM_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRMSAM_WERROR=ON "${launcher[@]}" ${RMSAM_CMAKE_ARGS:-}
cmake --build "$build_dir" -j "$jobs"

if [[ "$mode" == demo ]]; then
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "Built $build_dir/roadmunk-sam, but there is no display to show the demo on." >&2
        echo "Run it from a desktop session: $build_dir/roadmunk-sam --demo" >&2
        exit 1
    fi
    exec "$build_dir/roadmunk-sam" --demo
fi

exec bash tests/run-tests.sh "$build_dir"
