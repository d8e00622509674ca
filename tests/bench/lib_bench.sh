# tests/bench/lib_bench.sh — the prologue the shell benchmarks share.
# Source it from a benchmark:  . "$(dirname "$0")/lib_bench.sh"
# Before sourcing, a benchmark may set BENCH_TODAY (the default TREEM_TODAY,
# 2025-01-01), BENCH_DIR (the temporary folder's prefix, treem-bench),
# BENCH_WIDTH (the label's width in run's lines, 22) and BENCH_ROWS=1 (run
# also prints how many lines the command wrote).
# It sets TREEM (the program), SRCDIR, GEN (the register generator), SIZES
# (BENCH_SIZES, 100000 by default) and dir, a temporary folder removed on exit.
set -eu
TREEM=${TREEM_BIN:-${TREEM:-./treem}}
SRCDIR=${TREEM_SRCDIR:-.}
GEN=${GEN:-$SRCDIR/tests/bench/gen_children.py}
SIZES=${BENCH_SIZES:-100000}
export TREEM_TODAY=${TREEM_TODAY:-${BENCH_TODAY:-2025-01-01}}
dir=$(mktemp -d "${TMPDIR:-/tmp}/${BENCH_DIR:-treem-bench}.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# run LABEL COMMAND... — runs COMMAND (its output in $dir/out), prints the
# seconds and the peak resident memory it took (and its lines, BENCH_ROWS).
run() {
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >"$dir/out" 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
    read -r secs kb <"$dir/time"
    printf '  %-*s %8.2f s  %7.1f MB' "${BENCH_WIDTH:-22}" "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
    if [ -n "${BENCH_ROWS:-}" ]; then printf '  %7d rows' "$(wc -l <"$dir/out")"; fi
    echo
}
