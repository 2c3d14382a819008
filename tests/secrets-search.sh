#!/usr/bin/env bash
# The token must live only in the OS keychain and in memory. Runs a full command-line scenario
# with every log category at debug level (create, token set, validate, publish, sync, attach
# report, export, rule, entitlement, reclaim dry run and run, and failures), watching every
# process's command line while it runs, then searches the data folder, the settings folder, the
# logs and the exports for the token — whole, and any 24-byte piece of it.
set -euo pipefail
exe=${1:?usage: secrets-search.sh path/to/roadmunk-sam}
data=${RMSAM_TEST_DATA:?}
work=$(mktemp -d)
trap 'kill "${sandbox_pid:-0}" "${watch_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export XDG_CONFIG_HOME="$work/config" QT_LOGGING_RULES='*.debug=true'
mkdir -p "$work/config" "$work/logs" "$work/exports"

# Each answer takes 100 ms, so that the 50 ms watcher below sees the commands while they run.
"$exe" sandbox --port 0 --users 80 --seed 3 --latency-ms 100 > "$work/sandbox.out" 2> "$work/logs/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 50); do grep -q '^Token: ' "$work/sandbox.out" && break; sleep 0.1; done
endpoint=$(sed -n 's/^Endpoint: //p' "$work/sandbox.out")
token=$(sed -n 's/^Token: //p' "$work/sandbox.out")
[[ ${#token} -eq 549 ]] || fail "no token from the sandbox"
rm "$work/sandbox.out" # the test's own copy of the token

# Every process's command line, sampled while the scenario runs.
( set +euo pipefail; while true; do cat /proc/[0-9]*/cmdline 2> /dev/null | tr '\0' ' ' >> "$work/cmdlines"; echo >> "$work/cmdlines"; sleep 0.05; done ) &
watch_pid=$!
samples() { wc -l < "$work/cmdlines" 2> /dev/null || echo 0; }
# Counted in samples, not seconds: the scenario may take less than a second on a fast machine.
for _ in $(seq 100); do (($(samples) >= 1)) && break; sleep 0.05; done

n=0
sam() { n=$((n + 1)); "$exe" --data-dir "$work/data" "$@" > "$work/logs/$n.out" 2> "$work/logs/$n.err"; }
sam profile create --name Secrets --endpoint "$endpoint"
printf '%s\n' "$token" | sam token set --profile Secrets
sam validate --profile Secrets
sam publish --profile Secrets --yes
sam sync --profile Secrets
sam rule set --profile Secrets --threshold-days 30
sam entitlement set --profile Secrets --seat collaborator --owned 50 --price 10 --currency USD
for report in subscriptions activity candidates license jobs; do
    sam export --profile Secrets --report $report --out "$work/exports/$report.csv"
done
sam reclaim --profile Secrets --max 3
sam reclaim --profile Secrets --max 2 --yes
sam export --profile Secrets --report audit --out "$work/exports/audit.csv"
sam attach-report --profile Secrets "$data/csv/utf8.csv"
sam profile show Secrets --json
# Failures: a wrong token, an unreachable gateway, a rejected file.
sam profile create --name Wrong --endpoint "$endpoint"
printf '%s\n' "${token:0:300}x" | sam token set --profile Wrong
sam validate --profile Wrong && fail "a wrong token validated"
sam profile create --name Gone --endpoint "http://127.0.0.1:9/public/graphql"
printf '%s\n' "$token" | sam token set --profile Gone
sam validate --profile Gone && fail "an unreachable gateway validated"
sam attach-report --profile Secrets "$data/csv/binary.csv" && fail "a binary file was attached"
# The watcher sampled before the first command and is still sampling after the last one.
last=$(samples)
for _ in $(seq 100); do (($(samples) >= last + 2)) && break; sleep 0.05; done
(($(samples) >= last + 2)) || fail "the command-line watcher stopped early"
kill "$watch_pid" 2> /dev/null || fail "the command-line watcher stopped early"
grep -q -- '--data-dir' "$work/cmdlines" || fail "no command of the scenario was ever seen by the watcher"
places=0
for piece in "$token" "${token:0:24}" "${token:262:24}" "${token:525:24}"; do
    while IFS= read -r file; do
        echo "token bytes found in $file" >&2
        places=$((places + 1))
    done < <(grep -rlaF -- "$piece" "$work/data" "$work/config" "$work/logs" "$work/exports" "$work/cmdlines" || true)
done
echo "token found in $places places after $n commands (data, settings, logs at debug level, exports, command lines)"
[[ $places == 0 ]] || fail "the token left the keychain"
grep -q "Deactivated 2" "$work/logs/"*.err || fail "the scenario did not reclaim (the search would prove little)"
echo "1 passed, 0 failed"
