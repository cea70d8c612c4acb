#!/usr/bin/env bash
# Server benchmark: turns per second and p50/p99 latency with wrk (50 connections, loopback) for
# the memory store (no storage: the framework's and the engine's share), SQLite and PostgreSQL
# with one and two server instances (two: sessions shared or split between them), and the
# server's memory with 10,000 idle sessions. Prints a table and one JSON line per measurement.
#
# Beside the timings, each row gives the servers' CPU time per turn (user and system, from
# /proc/PID/stat) and the share of the machine's CPU time the hypervisor took away (steal, from
# /proc/stat). CPU time per turn says what a turn costs the server apart from waiting, but on a
# shared virtual machine it moves too (by a fifth within an hour, with little steal): compare two
# builds by running them in turns, not against an older table.
#
#   Benchmarks/server/run.sh            # release build, 10 s per run
#   DURATION=5s SKIP_BUILD=1 Benchmarks/server/run.sh
#   WARMUP=0s ...                       # measure from a cold start (default: 2 s of turns first, not measured)
#   CONFIGURATION=debug SKIP_BUILD=1 Benchmarks/server/run.sh   # the debug binary (far slower; for a quick look)
#
# Needs wrk (apt-get install wrk) and, for the PostgreSQL rows, a server named by
# SECOND_OPINION_BENCH_POSTGRES_URL (a database it may reset; `source .ci/postgres.sh` starts one
# and the URL of its `appdb` database is used when the variable is unset and it answers). That
# server speaks TLS, so with its URL (sslmode prefer) the rows are encrypted; add
# ?sslmode=disable to the URL to measure without.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
duration=${DURATION:-10s}
warmup=${WARMUP:-2s}
configuration=${CONFIGURATION:-release}
base_port=${BASE_PORT:-18080}
bench=$(mktemp -d /tmp/so-bench.XXXXXX)
pids=()

cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$bench"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c "$configuration" --product second-opinion >&2; fi
binary="$root/.build/$configuration/second-opinion"
pg_url=${SECOND_OPINION_BENCH_POSTGRES_URL:-${SECOND_OPINION_TEST_POSTGRES_URL:-postgres://app:app@127.0.0.1:54329/appdb}}

start_server() { # port store -> pid appended to pids
    SECOND_OPINION_RATE_LIMIT_ADDRESS=1000000/s SECOND_OPINION_RATE_LIMIT_SESSION=1000000/s SECOND_OPINION_LOG_LEVEL=warning \
        "$binary" serve --port "$1" --store "$2" >"$bench/server-$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "server on port $1 did not become ready:" >&2
    cat "$bench/server-$1.log" >&2
    exit 1
}

stop_servers() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The machine's CPU time so far as "steal total" (clock ticks, all cores).
machine_ticks() { awk '/^cpu / {print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }

# wrk's "Requests/sec", its 50% and 99% latency in milliseconds, errors and completed requests.
parse_wrk() {
    python3 - "$@" <<'PY'
import re, sys
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rate, p50, p99, errors, requests = 0.0, 0.0, 0.0, 0, 0
for path in sys.argv[1:]:
    text = open(path).read()
    rate += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    requests += int(re.search(r"(\d+) requests in", text).group(1))
    p50 = max(p50, ms(re.search(r"\s50%\s+(\S+)", text).group(1)))
    p99 = max(p99, ms(re.search(r"\s99%\s+(\S+)", text).group(1)))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors += int(bad.group(1)) if bad else 0
    socket = re.search(r"Socket errors: (.*)", text)
    if socket: errors += sum(int(n) for n in re.findall(r"\d+", socket.group(1)))
print(f"{rate:.0f} {p50:.2f} {p99:.2f} {errors} {requests}")
PY
}

results=()
# With two instances, the sessions are either shared (both instances get turns for all 50 at once:
# each session has two writers racing, the worst case for compare-and-swap) or split (each
# instance gets turns for its own half, all created on the first instance: what a load balancer
# does with people who each wait for their answer before typing again).
# A row named "*-long" runs on sessions that are long conversations already (300 turns each
# before the run, and no restarts during it): each turn then writes about 120 KB of state.
run_case() { # name store instances [shared|split]
    local name=$1 store=$2 instances=$3 sessions=${4:-shared}
    local ports=() history=0 script_mode=short
    case $name in *-long) history=300 script_mode=long ;; esac
    for i in $(seq 1 "$instances"); do ports+=($((base_port + i))); start_server "$((base_port + i))" "$store"; done
    python3 Benchmarks/server/make_sessions.py "${ports[0]}" 50 nl "$history" >"$bench/sessions.txt"
    local outputs=() loads=()
    local connections=$((50 / instances))
    local index=0 port list
    local lists=()
    for port in "${ports[@]}"; do
        list=$bench/sessions.txt
        if [ "$sessions" = split ]; then
            list=$bench/sessions-$port.txt
            awk -v n="$instances" -v i="$index" 'NR % n == i' "$bench/sessions.txt" >"$list"
        fi
        lists+=("$list")
        index=$((index + 1))
    done
    # Warm-up, not measured: the first second of a fresh server opens its store connections
    # (for PostgreSQL 20 per instance, each a SCRAM login) and fills its caches; measured,
    # that start alone doubled the two-instance p99 (65 to 78 ms cold, 38 to 47 ms warm).
    if [ "$warmup" != 0s ]; then
        for index in "${!ports[@]}"; do
            wrk -t1 -c"$connections" -d"$warmup" -s Benchmarks/server/turns.lua "http://127.0.0.1:${ports[$index]}" -- "${lists[$index]}" "$script_mode" >/dev/null &
            loads+=($!)
        done
        for load in "${loads[@]}"; do wait "$load"; done
        loads=()
    fi
    local cpu_before=0 pid
    for pid in "${pids[@]}"; do cpu_before=$((cpu_before + $(cpu_ticks "$pid"))); done
    local machine_before
    machine_before=$(machine_ticks)
    for index in "${!ports[@]}"; do
        port=${ports[$index]}
        wrk -t1 -c"$connections" -d"$duration" --latency -s Benchmarks/server/turns.lua "http://127.0.0.1:$port" -- "${lists[$index]}" "$script_mode" \
            >"$bench/wrk-$port.txt" &
        loads+=($!)
        outputs+=("$bench/wrk-$port.txt")
    done
    for load in "${loads[@]}"; do wait "$load"; done
    local cpu_after=0
    for pid in "${pids[@]}"; do cpu_after=$((cpu_after + $(cpu_ticks "$pid"))); done
    local steal
    steal=$(echo "$machine_before $(machine_ticks)" | awk '{t = $4 - $2; printf "%.1f", (t > 0 ? 100 * ($3 - $1) / t : 0)}')
    read -r rate p50 p99 errors requests < <(parse_wrk "${outputs[@]}")
    local cpu_us
    cpu_us=$(awk -v ticks=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.0f", (n > 0 ? ticks / hz * 1e6 / n : 0)}')
    stop_servers
    results+=("$name|$instances|$sessions|$rate|$p50|$p99|$errors|$cpu_us|$steal")
    printf '{"build":"'"$configuration"'","case":"%s","instances":%d,"sessions":"%s","connections":50,"duration":"%s","turns_per_second":%s,"p50_ms":%s,"p99_ms":%s,"errors":%s,"server_cpu_us_per_turn":%s,"steal_percent":%s}\n' \
        "$name" "$instances" "$sessions" "$duration" "$rate" "$p50" "$p99" "$errors" "$cpu_us" "$steal"
}

run_case memory memory 1
run_case sqlite "sqlite:$bench/sessions.sqlite" 1
rm -f "$bench"/sessions.sqlite*
run_case sqlite-long "sqlite:$bench/sessions.sqlite" 1
rm -f "$bench"/sessions.sqlite*
run_case sqlite "sqlite:$bench/sessions.sqlite" 2
rm -f "$bench"/sessions.sqlite*
run_case sqlite "sqlite:$bench/sessions.sqlite" 2 split
if PGCONNECT_TIMEOUT=3 python3 -c 'import sys, socket, urllib.parse as u; p = u.urlparse(sys.argv[1]); socket.create_connection((p.hostname, p.port or 5432), 3)' "$pg_url" 2>/dev/null; then
    run_case postgres "$pg_url" 1
    run_case postgres "$pg_url" 2
    run_case postgres "$pg_url" 2 split
else
    echo "no PostgreSQL at $pg_url: PostgreSQL rows left out" >&2
fi

# Memory with 10,000 idle sessions (in-memory store: every session is in the process).
start_server $((base_port + 9)) memory
idle_pid=${pids[-1]}
before=$(awk '/VmRSS/ {print $2}' "/proc/$idle_pid/status")
python3 Benchmarks/server/make_sessions.py $((base_port + 9)) 10000 >/dev/null
after=$(awk '/VmRSS/ {print $2}' "/proc/$idle_pid/status")
stop_servers
printf '{"case":"idle-sessions","store":"memory","sessions":10000,"rss_before_kib":%s,"rss_after_kib":%s}\n' "$before" "$after"

echo
echo "server benchmark ($configuration build), $(date -u +%Y-%m-%d), $(nproc) cores, wrk 50 connections for $duration per row"
printf '%-12s %-9s %-8s %9s %8s %8s %7s %12s %7s\n' store instances sessions "turns/s" "p50 ms" "p99 ms" errors "CPU us/turn" "steal %"
for row in "${results[@]}"; do
    IFS='|' read -r name instances sessions rate p50 p99 errors cpu_us steal <<<"$row"
    printf '%-12s %-9s %-8s %9s %8s %8s %7s %12s %7s\n' "$name" "$instances" "$sessions" "$rate" "$p50" "$p99" "$errors" "$cpu_us" "$steal"
done
printf 'RSS of one server: %s MiB empty, %s MiB with 10,000 idle sessions (memory store)\n' $((before / 1024)) $((after / 1024))
