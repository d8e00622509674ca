#!/bin/sh
# summary.sh [BUILDDIR...] — after `make check` in each build folder (default
# "."): prints every test log under BUILDDIR/tests (Check's output and the
# script tests' PASS/FAIL lines), then, as its very last line,
# "N passed, N failed" over all the folders. A Check binary counts its
# checks (C - F - E passed, F + E failed, from "NN%: Checks: C, Failures: F,
# Errors: E"); every other test counts once, by the result in its .trs file.
# Exits 1 when anything failed or no result was found.
set -eu
[ $# -gt 0 ] || set -- .
passed=0
failed=0
skipped=0
found=0

# count_trs TRS — adds one test's results to the totals.
count_trs() {
    trs=$1
    log=${trs%.trs}.log
    found=$((found + 1))
    result=$(sed -n 's/^:test-result: *\([A-Z]*\).*/\1/p' "$trs" | tail -n 1)
    line=""
    if [ -f "$log" ]; then
        line=$(grep -E '^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" |
            tail -n 1 || true)
    fi
    if [ -n "$line" ]; then
        c=$(echo "$line" | sed 's/.*Checks: \([0-9]*\).*/\1/')
        f=$(echo "$line" | sed 's/.*Failures: \([0-9]*\).*/\1/')
        e=$(echo "$line" | sed 's/.*Errors: \([0-9]*\).*/\1/')
        passed=$((passed + c - f - e))
        failed=$((failed + f + e))
        # the binary failed although its checks passed (e.g. a leak report)
        case $result in
        FAIL | ERROR | XPASS) if [ $((f + e)) -eq 0 ]; then failed=$((failed + 1)); fi ;;
        esac
        return 0
    fi
    case $result in
    PASS | XFAIL) passed=$((passed + 1)) ;;
    SKIP) skipped=$((skipped + 1)) ;;
    *) failed=$((failed + 1)) ;; # FAIL, ERROR, XPASS, or no result at all
    esac
}

for build in "$@"; do
    for log in $(find "$build/tests" -name '*.log' 2>/dev/null | sort); do
        echo "======== $log"
        cat "$log"
        echo
    done
done
for build in "$@"; do
    for trs in $(find "$build/tests" -name '*.trs' 2>/dev/null | sort); do
        count_trs "$trs"
    done
done

if [ "$skipped" -gt 0 ]; then
    echo "($skipped skipped)"
fi
echo "$passed passed, $failed failed"
[ "$found" -gt 0 ] && [ "$failed" -eq 0 ]
