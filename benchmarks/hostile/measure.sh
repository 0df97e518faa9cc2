#!/usr/bin/env bash
# Runs the hostile-input catalogue as whole processes of the policymodel tool, each under a time limit, and prints
# wall time, peak memory (maximum resident set) and exit code per case, with the budget it must keep.
# Usage: benchmarks/hostile/measure.sh [work folder] [text]     (Linux, GNU time at /usr/bin/time)
#   text: run only the cases whose name contains it (e.g. "dates").
# The many-dates case runs with the .NET heap capped at 1 GiB (DOTNET_GCHeapHardLimit), as a 1 GB container limit
# would cap it; MEMORY_CGROUP=<a writable cgroup folder> runs it inside that cgroup too (its memory limit set to 1 GiB).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
only="${2:-}"
python3 "$root/benchmarks/hostile/generate.py" "$work"
dotnet build -c Release "$root/src/PolicyModel.Cli" -o "$work/tool" -v quiet -nologo >/dev/null
tool="$work/tool/PolicyModel.Cli"
[ -x "$tool" ] || tool="dotnet $work/tool/PolicyModel.Cli.dll"

printf '%-44s %9s %9s %5s  %s\n' case seconds 'peak MB' exit budget
run() { # name, seconds allowed, megabytes allowed, command...
  local name="$1" seconds="$2" mb="$3"; shift 3
  [[ -z "$only" || "$name" == *"$only"* ]] || return 0
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time.txt" timeout "$((seconds * 2))" "$@" >"$work/out.txt" 2>"$work/err.txt" || status=$?
  read -r elapsed kb < <(tail -1 "$work/time.txt")
  printf '%-44s %9s %9d %5s  %ss, %sMB\n' "$name" "$elapsed" "$((kb / 1024))" "$status" "$seconds" "$mb"
  if grep -qP '[\x00-\x08\x0B-\x1F\x7F]' "$work/out.txt" "$work/err.txt"; then echo "  control characters in the output"; fi
}

run "decide: 5,000 x 5,000 conflicting rules"      30 1536 $tool decide "$work/conflicts-request.json" --json --no-builtins --policies "$work/conflicts"
run "decide: 38 rules preempting 9,962 each"        30 1536 $tool decide "$work/preempt-request.json" --json --no-builtins --policies "$work/preempt"
run "decide: 300 police-action rules, long cites"   30 1536 $tool decide "$work/police-request.json" --json --no-builtins --policies "$work/police"
run "analyze: 69,206,016 request classes"           90 2048 $tool analyze --no-builtins --policies "$work/split"
run "diff: 69,206,016 request classes"              90 2048 $tool diff --no-builtins --policies "$work/split" --from 2020-01-01 --to 2025-01-01
run "validate: /dev/zero"                           10  512 $tool validate /dev/zero
mkfifo "$work/fifo.json" 2>/dev/null || true
mkdir -p "$work/loop" && cp "$work/police/zz.json" "$work/loop/" && ln -sfn . "$work/loop/a" && ln -sfn . "$work/loop/b"
run "validate: a folder with a -> . and b -> ."     10  512 $tool validate --no-builtins "$work/loop"
run "validate: a FIFO named x.json"                 10  512 $tool validate "$work/fifo.json"

# 601 periods of 540,672 request classes, one request a day for 600 days (a new period each day), under a 1 GiB heap.
in_cgroup=()
if [ -n "${MEMORY_CGROUP:-}" ]; then
  if [ -w "$MEMORY_CGROUP/memory.max" ]; then echo 1073741824 >"$MEMORY_CGROUP/memory.max"; else echo 1073741824 >"$MEMORY_CGROUP/memory.limit_in_bytes"; fi
  in_cgroup=(sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$MEMORY_CGROUP")
fi
run "decide: 600 dates x 540,672 classes, 1 GiB"     30 1024 "${in_cgroup[@]}" env DOTNET_GCHeapHardLimit=0x40000000 $tool decide "$work/dates-requests.jsonl" --output-format jsonl --no-builtins --policies "$work/dates"
if [[ -z "$only" || "decide: 600 dates" == *"$only"* ]]; then echo "  $(grep -c '"requestId"' "$work/out.txt") of 600 decisions written"; fi
