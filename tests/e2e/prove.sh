#!/bin/sh
# tests/e2e/prove.sh — the proof that the end-to-end tests do not depend on
# timing: run every tests/e2e/test_*.sh ROUNDS times (default 20) against
# BUILD's treem (an --enable-sanitizers build for the real proof) while
# both cores are kept busy by a `yes` loop per core. Not part of make check.
#   sh tests/e2e/prove.sh _build-asan [ROUNDS]
# Prints one line per failed test (its log kept) and ends with
# "N passed, N failed" counting test runs; exit status 0 only when all passed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: prove.sh BUILD_DIR [ROUNDS]}" && pwd)
rounds=${2:-20}
[ -x "$build/treem" ] || { echo "no treem in $build"; exit 2; }
logs=$(mktemp -d "${TMPDIR:-/tmp}/treem-prove.XXXXXX")
busy=""
for _ in $(seq "$(nproc)"); do
    yes >/dev/null &
    busy="$busy $!"
done
trap 'kill $busy 2>/dev/null' EXIT INT TERM
export TREEM_BIN="$build/treem"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
passed=0 failed=0 start=$(date +%s)
r=1
while [ "$r" -le "$rounds" ]; do
    for t in "$here"/test_*.sh; do
        name=$(basename "$t" .sh)
        if sh "$t" >"$logs/$name.$r.log" 2>&1; then
            passed=$((passed + 1))
            rm -f "$logs/$name.$r.log"
        else
            failed=$((failed + 1))
            echo "round $r: $name FAILED (log: $logs/$name.$r.log)"
        fi
    done
    echo "round $r of $rounds done: $passed passed, $failed failed so far, $(( $(date +%s) - start )) s"
    r=$((r + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
