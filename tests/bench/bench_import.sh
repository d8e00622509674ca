#!/bin/sh
# Benchmark (not a test): `treem import children` and `treem export children`
# of generated registers, next to sqlite3's own .import and -csv of the same
# file in the same run, with peak resident memory. Run from a built tree:
#     BENCH_SIZES="100000 1000000" sh tests/bench/bench_import.sh
set -eu
TREEM=${TREEM:-./treem}
GEN=${GEN:-tests/bench/gen_children.py}
SIZES=${BENCH_SIZES:-100000}
export TREEM_TODAY=${TREEM_TODAY:-2025-01-01}
dir=$(mktemp -d "${TMPDIR:-/tmp}/treem-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
run() { # label command...: prints seconds and peak memory
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
    read -r secs kb <"$dir/time"
    printf '  %-22s %8.2f s  %7.1f MB\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
}
for n in $SIZES; do
    python3 "$GEN" "$n" -o "$dir/children.csv"
    rm -f "$dir/t.db"*
    "$TREEM" --db "$dir/t.db" init --commune 00004 >/dev/null
    echo "$n children ($(wc -c <"$dir/children.csv") bytes)"
    run "treem import" "$TREEM" --db "$dir/t.db" import children "$dir/children.csv"
    run "sqlite3 .import" sqlite3 "$dir/s.db" ".mode csv" ".import $dir/children.csv c"
    run "treem export" "$TREEM" --db "$dir/t.db" export children "$dir/out.csv"
    run "sqlite3 -csv" sh -c "sqlite3 -csv -header '$dir/t.db' 'SELECT * FROM child' >'$dir/out2.csv'"
    rm -f "$dir/s.db" "$dir/out.csv" "$dir/out2.csv" "$dir/t.db"* "$dir/backups" 2>/dev/null || true
    rm -rf "$dir/backups"
done
