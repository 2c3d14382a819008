#!/usr/bin/env bash
# The README's command-line sequence, run with the real executable against `roadmunk-sam
# sandbox`: profile create → token set → validate → publish → profile show --json.
set -euo pipefail
exe=${1:?usage: cli-sandbox-flow.sh path/to/roadmunk-sam}
work=$(mktemp -d)
trap 'kill "${sandbox_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$exe" sandbox --port 0 --users 120 --seed 7 > "$work/sandbox.out" 2> "$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 50); do grep -q '^Token: ' "$work/sandbox.out" && break; sleep 0.1; done
endpoint=$(sed -n 's/^Endpoint: //p' "$work/sandbox.out")
token=$(sed -n 's/^Token: //p' "$work/sandbox.out")
[[ -n "$endpoint" && ${#token} -eq 549 ]] || fail "sandbox did not print its endpoint and a 549-character token"

sam() { "$exe" --data-dir "$work/data" "$@"; }
sam profile create --name "CLI flow" --endpoint "$endpoint" > /dev/null
[[ $(sam profile show "CLI flow" --json | grep -c '"status": "Draft"') == 1 ]] || fail "new profile is not a Draft"
printf '%s\n' "$token" | sam token set --profile "CLI flow"
sam validate --profile "CLI flow"
sam publish --profile "CLI flow" --yes
sam profile show "CLI flow" --json > "$work/show.json"
grep -q '"status": "Published"' "$work/show.json" || fail "profile is not Published: $(cat "$work/show.json")"
sam sync --profile "CLI flow" 2> "$work/sync.err" || fail "sync failed: $(cat "$work/sync.err")"
grep -q "Subscriptions: Succeeded. 120 users" "$work/sync.err" || fail "sync did not store 120 users: $(cat "$work/sync.err")"

sam export --profile "CLI flow" --report subscriptions > "$work/subscriptions.csv"
[[ $(head -c 10 "$work/subscriptions.csv" | od -An -tx1 | tr -d ' \n') == efbbbf55736572204944 ]] \
    || fail "export does not start with one UTF-8 BOM and the header: $(head -c 16 "$work/subscriptions.csv" | od -c)"
[[ $(grep -c $'\r$' "$work/subscriptions.csv") == 121 ]] || fail "export does not hold 120 rows and a header"
sam export --profile "CLI flow" --report subscriptions --out "$work/out.csv" 2> "$work/export.err"
# English plurals come from roadmunk-sam_en, also in the C locale this runs in.
grep -q "^Wrote 120 rows to" "$work/export.err" || fail "export message: $(cat "$work/export.err")"
cmp -s "$work/subscriptions.csv" "$work/out.csv" || fail "export to standard output and to --out differ"

# Reclamation: the rule, an entitlement, a dry run that changes nothing, then a capped run.
# Captured first: with pipefail, grep -q quitting early could fail the pipeline with SIGPIPE.
rule=$(sam rule show --profile "CLI flow" 2> /dev/null)
[[ $rule == *"Last-activity threshold: 60 days"* ]] || fail "rule show: $rule"
sam entitlement set --profile "CLI flow" --seat collaborator --owned 100 --price 12.5 --period month \
    --currency USD > "$work/license.txt" 2> /dev/null
grep -q "^collaborator" "$work/license.txt" || fail "entitlement set did not print the license position"
sam reclaim --profile "CLI flow" --max 2 > "$work/dry.tsv" 2> /dev/null
[[ $(grep -c $'\twould_deactivate\t' "$work/dry.tsv") == 2 ]] || fail "dry run: $(cat "$work/dry.tsv")"
[[ $(sam candidate list --profile "CLI flow" | grep -c $'\tclosed_complete\t') == 0 ]] || fail "dry run changed state"
sam reclaim --profile "CLI flow" --max 2 --yes > "$work/done.tsv" 2> "$work/done.err" || fail "reclaim: $(cat "$work/done.err")"
[[ $(grep -c $'\tdeactivated\t' "$work/done.tsv") == 2 ]] || fail "reclaim --yes: $(cat "$work/done.tsv")"
[[ $(sam candidate list --profile "CLI flow" | grep -c $'\tclosed_complete\t') == 2 ]] || fail "candidates not closed"
first_ready=$(sam candidate list --profile "CLI flow" | awk -F'\t' '$2 == "ready" { print $1; exit }')
sam candidate reclaim --number "$first_ready" --note "marked by hand" > /dev/null 2>&1
[[ $(sam candidate list --profile "CLI flow" | grep -c "^$first_ready"$'\tawaiting_revocation\t') == 1 ]] \
    || fail "candidate reclaim did not move $first_ready to Awaiting Revocation"
sam export --profile "CLI flow" --report audit --out "$work/audit.csv" 2> /dev/null
[[ $(grep -c ',Deactivation,RC[0-9]*,After the call: Deactivated,' "$work/audit.csv") == 2 ]] || fail "audit log: $(cat "$work/audit.csv")"
set +e
sam reclaim --profile "CLI flow" --dry-run --yes 2> /dev/null; code=$?
set -e
[[ $code == 2 ]] || fail "--dry-run with --yes exit code $code, expected 2"

# The token is only in the keychain: not in the data folder, not in any output.
if grep -rqF "$token" "$work/data" "$work/show.json" "$work/subscriptions.csv" "$work/audit.csv"; then fail "token found on disk"; fi
set +e
sam validate --profile "no such profile" 2> /dev/null; code=$?
set -e
[[ $code == 1 ]] || fail "unknown profile exit code $code, expected 1"
echo "1 passed, 0 failed"
