#!/usr/bin/env bash
# Cold start: how long `second-opinion chat --json` takes from launch to its greeting on standard
# output, over many launches, next to `second-opinion --help` (the same binary starting and
# exiting without loading any dialogs). Prints a table and one JSON line per measurement.
#
#   Benchmarks/cold-start/run.sh                 # release build, 40 launches each
#   RUNS=100 SKIP_BUILD=1 Benchmarks/cold-start/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration=${CONFIGURATION:-release}
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c "$configuration" --product second-opinion >&2; fi
binary="$PWD/.build/$configuration/second-opinion"

python3 - "$binary" "${RUNS:-40}" "$configuration" <<'PY'
import json, statistics, subprocess, sys, time

binary, runs, configuration = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def greeting():
    started = time.perf_counter()
    chat = subprocess.Popen([binary, "chat", "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = chat.stdout.readline()
    elapsed = time.perf_counter() - started
    chat.stdin.close()
    chat.wait()
    if not line.startswith(b"{"):
        sys.exit(f"chat --json did not greet with a JSON turn: {line[:80]!r}")
    return elapsed

def help_text():
    started = time.perf_counter()
    subprocess.run([binary, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started

rows = []
for name, measure in (("chat --json to greeting", greeting), ("--help (start and exit)", help_text)):
    measure()  # the first launch reads the binary from disk
    times = sorted(measure() * 1000 for _ in range(runs))
    row = {"build": configuration, "case": name, "runs": runs, "p50_ms": round(statistics.median(times), 1),
           "p90_ms": round(times[int(0.9 * (runs - 1))], 1), "min_ms": round(times[0], 1)}
    print(json.dumps(row))
    rows.append(row)

print()
print(f"{'case':<26} {'p50 ms':>8} {'p90 ms':>8} {'min ms':>8}")
for row in rows:
    print(f"{row['case']:<26} {row['p50_ms']:>8} {row['p90_ms']:>8} {row['min_ms']:>8}")
PY
