#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (AddressSanitizer + UndefinedBehaviorSanitizer) and
# runs each for a bounded time from the seed corpus in tests/data. A crash fails the run and
# leaves its input in build-fuzz/findings/ — add it to the seeds once fixed.
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_HARNESS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DRMSAM_FUZZ=ON -DRMSAM_BUILD_TESTS=OFF "${launcher[@]}" > /dev/null
cmake --build build-fuzz --target fuzz_csv fuzz_graphql -j "$(nproc 2> /dev/null || echo 2)"
rm -rf build-fuzz/findings
mkdir -p build-fuzz/findings build-fuzz/corpus-csv build-fuzz/corpus-graphql
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
run() {
    local harness=$1 corpus=$2 seeds=$3 log=build-fuzz/$1.log status=0
    echo "== $harness for ${seconds}s"
    "build-fuzz/tests/fuzz/$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix=build-fuzz/findings/"$harness"- -print_final_stats=1 \
        "$corpus" "$seeds" > "$log" 2>&1 || status=$?
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "$log" || true
    if [[ $status != 0 ]] || compgen -G "build-fuzz/findings/$harness-*" > /dev/null; then
        tail -40 "$log" >&2
        echo "FAIL: $harness exited $status; findings: $(ls build-fuzz/findings/ 2> /dev/null)" >&2
        return 1
    fi
}
run fuzz_csv build-fuzz/corpus-csv tests/data/csv
run fuzz_graphql build-fuzz/corpus-graphql tests/fuzz/graphql-seeds
echo "fuzzers clean"
