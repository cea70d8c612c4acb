#!/usr/bin/env bash
# Builds the dialog engine's libFuzzer harnesses (AddressSanitizer on) and runs them.
#
#   Fuzz/run.sh [TARGET|all] [SECONDS]     TARGET: load, restore, reply, expression (default all, 60 s each)
#
# The engine's sources and Fuzz/Harness/*.swift are compiled into one binary in .build-fuzz/
# (never the normal .build); FUZZ_TARGET picks the harness. Each run starts from the committed
# seeds in Fuzz/TARGET/corpus and keeps what it finds in .build-fuzz/corpus/TARGET, so the repo
# stays clean. A crash, trap or stuck session stops the run, is written to
# .build-fuzz/crashes/TARGET/, and makes this script exit 1. Per target it prints one line:
#   fuzz TARGET: N runs in S s, E execs/s, no crash
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
seconds=${2:-60}
targets=(load restore reply expression)
if [ "$what" != all ]; then
    [[ " ${targets[*]} " == *" $what "* ]] || { echo "unknown target '$what'; use one of: ${targets[*]} or all" >&2; exit 64; }
    targets=("$what")
fi

out=.build-fuzz
binary=$out/fuzz-dialog-engine
mkdir -p "$out"
sources=$(find Sources/DialogEngine Fuzz/Harness -name '*.swift' | sort)
if [ ! -x "$binary" ] || [ -n "$(find Sources/DialogEngine Fuzz/Harness -name '*.swift' -newer "$binary")" ]; then
    echo "building $binary"
    # The engine's dependencies, swift-collections' DequeModule and HashTreeCollections and the
    # C target CHeapInfo, are built by SwiftPM as usual (debug, without sanitizers) and linked in:
    # their modules and objects, with the two modules the collections build on.
    for target in DequeModule HashTreeCollections CHeapInfo; do swift build --target "$target" >/dev/null; done
    # An array: some object files have spaces in their names.
    mapfile -t dependencies < <(find .build/debug/InternalCollectionsUtilities.build .build/debug/ContainersPreview.build \
        .build/debug/DequeModule.build .build/debug/HashTreeCollections.build .build/debug/CHeapInfo.build -name '*.o' | sort)
    # The gold linker warns once per AddressSanitizer helper symbol; nothing to act on.
    # shellcheck disable=SC2086  # one word per source file
    swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g -module-name DialogEngine -package-name second_opinion \
        -I .build/debug/Modules -Xcc -fmodule-map-file=.build/debug/CHeapInfo.build/module.modulemap -Xcc -ISources/CHeapInfo/include \
        $sources "${dependencies[@]}" -o "$binary" 2>&1 | grep -v "warning: Cannot export local symbol '__asan" || true
    [ -x "$binary" ] || { echo "the fuzz build failed" >&2; exit 1; }
fi

failed=()
for target in "${targets[@]}"; do
    corpus=$out/corpus/$target
    crashes=$out/crashes/$target
    log=$out/$target.log
    mkdir -p "$corpus" "$crashes"
    status=0
    # Leak checks are off: the Swift runtime keeps metadata caches for the life of the process.
    FUZZ_TARGET=$target FUZZ_BUNDLE=Tests/DialogEngineTests/Fixtures/demo ASAN_OPTIONS=detect_leaks=0 \
        "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" "Fuzz/$target/corpus" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        echo "fuzz $target: FAILED after ${runs:-?} runs (exit $status); input in $crashes/, log in $log"
        grep -E "Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer|SUMMARY" "$log" | head -5 || true
    else
        echo "fuzz $target: ${runs:-?} runs in $seconds s, ${rate:-?} execs/s, no crash"
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz targets that failed: ${failed[*]}" >&2; exit 1; }
