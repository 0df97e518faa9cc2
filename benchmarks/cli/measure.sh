#!/usr/bin/env bash
# Measures the policymodel command line as whole processes, as shell scripts and pipelines run it
# (docs/performance.md, "The command line"):
#   - one `decide` of a single request: the median wall time of repeated runs, Native AOT and JIT;
#   - 100,000 and 1,000,000 requests as JSON Lines (`--output-format jsonl`), and 1,000,000 with `--json`:
#     wall time and peak memory (`/usr/bin/time -v`), to show that memory does not grow with the input.
#   - `test` of 100,000 and 1,000,000 scenarios (one file each), readable and `--format json`: wall time and peak
#     memory, to show that memory does not grow with the number of scenarios.
# Targets: a single decide <= 50 ms; 1,000,000 requests <= 5 s with peak memory < 300 MB.
#
# ROWS=test measures only the `test` rows, with the JIT tool (or $AOT when given); it builds no AOT tool.
# Usage: benchmarks/cli/measure.sh [runs]        (runs of the single decide, default 21)
#   AOT=<path to a Native AOT policymodel> and JIT=<path to the JIT-built apphost> skip the builds.
# It builds into a temporary folder and removes it at the end. Needs /usr/bin/time (Debian: apt-get install time).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-21}"
work="$(mktemp -d "${TMPDIR:-/tmp}/policymodel-measure.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "measure: /usr/bin/time is missing; install it (apt-get install -y time)" >&2
    exit 1
fi

if [ -z "${JIT:-}" ]; then
    echo "measure: building the JIT tool (Release)" >&2
    dotnet build "$root/src/PolicyModel.Cli" -c Release -o "$work/jit" -nologo -v:q >&2
    JIT="$work/jit/PolicyModel.Cli"
fi
if [ -z "${AOT:-}" ] && [ "${ROWS:-all}" != test ]; then
    echo "measure: publishing the Native AOT tool (linux-x64; takes a few minutes)" >&2
    dotnet publish "$root/src/PolicyModel.Cli" -c Release -r linux-x64 -o "$work/aot" -nologo -v:q >&2
    AOT="$work/aot/PolicyModel.Cli"
fi

# Inputs: JSON Lines of realistic requests (several jurisdictions, kinds and dates), each with its own id.
requests() {
    awk -v n="$1" 'BEGIN {
        t[0] = "\"jurisdiction\":\"us-il-chicago\",\"receivedAt\":\"2025-01-21T06:40:00-06:00\",\"requester\":\"ice-ero\",\"purpose\":\"civil-immigration-enforcement\",\"assistance\":\"stop-or-arrest\",\"authority\":\"administrative-warrant\"";
        t[1] = "\"jurisdiction\":\"us-tx\",\"respondent\":\"jail\",\"receivedAt\":\"2025-03-01T10:00:00-06:00\",\"requester\":\"ice-ero\",\"purpose\":\"civil-immigration-enforcement\",\"assistance\":\"hold-past-release\",\"authority\":\"immigration-detainer\"";
        t[2] = "\"jurisdiction\":\"us-il\",\"receivedAt\":\"2021-08-02T09:00:00-05:00\",\"requester\":\"ice-ero\",\"purpose\":\"civil-immigration-enforcement\",\"assistance\":\"share-release-information\",\"subjectFacts\":[\"in-custody\"]";
        t[3] = "\"jurisdiction\":\"us-ca\",\"respondent\":\"jail\",\"receivedAt\":\"2024-05-10T12:00:00-07:00\",\"requester\":\"ice-ero\",\"purpose\":\"criminal-investigation\",\"assistance\":\"on-scene-support\"";
        t[4] = "\"jurisdiction\":\"us-fl\",\"receivedAt\":\"2023-07-04T08:30:00-04:00\",\"requester\":\"federal-criminal-agency\",\"purpose\":\"unknown\",\"assistance\":\"perimeter-or-crowd-control\"";
        for (i = 0; i < n; i++) printf "{\"id\":\"r%d\",%s}\n", i, t[i % 5];
    }'
}
# Scenario files: the same five requests, each expecting the outcome the tool gives it (so every scenario passes).
scenarios() { # count, outcomes file
    awk -v n="$1" -v outcomes="$2" 'BEGIN {
        t[0] = "\"jurisdiction\":\"us-il-chicago\",\"receivedAt\":\"2025-01-21T06:40:00-06:00\",\"requester\":\"ice-ero\",\"purpose\":\"civil-immigration-enforcement\",\"assistance\":\"stop-or-arrest\",\"authority\":\"administrative-warrant\"";
        t[1] = "\"jurisdiction\":\"us-tx\",\"respondent\":\"jail\",\"receivedAt\":\"2025-03-01T10:00:00-06:00\",\"requester\":\"ice-ero\",\"purpose\":\"civil-immigration-enforcement\",\"assistance\":\"hold-past-release\",\"authority\":\"immigration-detainer\"";
        t[2] = "\"jurisdiction\":\"us-il\",\"receivedAt\":\"2021-08-02T09:00:00-05:00\",\"requester\":\"ice-ero\",\"purpose\":\"civil-immigration-enforcement\",\"assistance\":\"share-release-information\",\"subjectFacts\":[\"in-custody\"]";
        t[3] = "\"jurisdiction\":\"us-ca\",\"respondent\":\"jail\",\"receivedAt\":\"2024-05-10T12:00:00-07:00\",\"requester\":\"ice-ero\",\"purpose\":\"criminal-investigation\",\"assistance\":\"on-scene-support\"";
        t[4] = "\"jurisdiction\":\"us-fl\",\"receivedAt\":\"2023-07-04T08:30:00-04:00\",\"requester\":\"federal-criminal-agency\",\"purpose\":\"unknown\",\"assistance\":\"perimeter-or-crowd-control\"";
        for (i = 0; i < 5; i++) getline o[i] < outcomes;
        printf "{\"scenarios\":[\n";
        for (i = 0; i < n; i++) printf "%s{\"name\":\"scenario %d\",\"request\":{%s},\"expect\":{\"outcome\":\"%s\"}}\n", (i ? "," : ""), i, t[i % 5], o[i % 5];
        printf "]}\n";
    }'
}

requests 1 >"$work/one.json"
if [ "${ROWS:-all}" = test ]; then
    tool="${AOT:-$JIT}"
    requests 5 >"$work/five.jsonl"
    "$tool" decide "$work/five.jsonl" --output-format jsonl | sed -n 's/.*"outcome":"\([a-z-]*\)".*/\1/p' >"$work/outcomes"
    scenarios 100000 "$work/outcomes" >"$work/100k-scenarios.json"
    scenarios 1000000 "$work/outcomes" >"$work/1m-scenarios.json"
    timed_test() { # label, then the command: a table row with wall time, peak memory and the run's summary
        local label="$1"; shift
        /usr/bin/time -v -o "$work/time.txt" "$@" 2>"$work/err" | tail -c 300 >"$work/out" || { cat "$work/err" >&2; echo "measure: $label failed" >&2; exit 1; }
        local wall peak cpu
        wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
        peak="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt" | awk '{ printf "%.0f", $1 / 1024 }')"
        cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time.txt")"
        printf '| %s | %s s | %s s | %s MB | %s |\n' "$label" "$wall" "$cpu" "$peak" "$(tail -1 "$work/out" | tr -d '\n' | sed 's/.*"passed":\([0-9]*\),"failed":\([0-9]*\)}/\1 passed, \2 failed/')"
    }
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
    echo "Scenario files: $(( $(stat -c %s "$work/100k-scenarios.json") / 1048576 )) MB and $(( $(stat -c %s "$work/1m-scenarios.json") / 1048576 )) MB"
    echo
    echo "| run | wall | CPU (user + system) | peak memory | summary |"
    echo "|---|---|---|---|---|"
    timed_test "test, 100,000 scenarios, table" "$tool" test "$work/100k-scenarios.json"
    timed_test "test, 1,000,000 scenarios, table" "$tool" test "$work/1m-scenarios.json"
    timed_test "test, 100,000 scenarios, --format json" "$tool" test "$work/100k-scenarios.json" --format json
    timed_test "test, 1,000,000 scenarios, --format json" "$tool" test "$work/1m-scenarios.json" --format json
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
requests 100000 >"$work/100k.jsonl"
requests 1000000 >"$work/1m.jsonl"
"$AOT" decide "$work/one.json" --json >/dev/null || { echo "measure: the AOT tool cannot decide" >&2; exit 1; }

median_ms() { # tool: the median wall time of $runs single decides, in milliseconds
    local tool="$1" times=() i start end
    "$tool" decide "$work/one.json" >/dev/null # warm the file cache
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        "$tool" decide "$work/one.json" >/dev/null
        end=$(date +%s%N)
        times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

timed() { # label, then the command: a table row with wall time and peak memory
    local label="$1"; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; echo "measure: $label failed" >&2; exit 1; }
    local wall peak lines cpu
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
    peak="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt" | awk '{ printf "%.0f", $1 / 1024 }')"
    cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time.txt")"
    lines="$(grep -o '"requestId"' "$work/out" | wc -l)"
    printf '| %s | %s s | %s s | %s MB | %s decisions written, %s MB of output |\n' "$label" "$wall" "$cpu" "$peak" "$lines" "$(( $(stat -c %s "$work/out") / 1048576 ))"
}

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
echo
echo "| single decide (median of $runs runs) | wall |"
echo "|---|---|"
echo "| Native AOT | $(median_ms "$AOT") ms |"
echo "| JIT (framework-dependent) | $(median_ms "$JIT") ms |"
echo
echo "| run | wall | CPU (user + system) | peak memory | output |"
echo "|---|---|---|---|---|"
timed "AOT, 100,000 requests, JSON Lines" "$AOT" decide "$work/100k.jsonl" --output-format jsonl
timed "AOT, 1,000,000 requests, JSON Lines" "$AOT" decide "$work/1m.jsonl" --output-format jsonl
timed "AOT, 1,000,000 requests, --json" "$AOT" decide "$work/1m.jsonl" --json
timed "JIT, 1,000,000 requests, JSON Lines" "$JIT" decide "$work/1m.jsonl" --output-format jsonl
