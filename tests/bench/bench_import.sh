#!/bin/sh
# bench_import — treem import/export of registers of 100k and 1M children
# (gen_children.py) next to sqlite3's own `.import` and `sqlite3 -csv` of
# the same file in the same run, with peak memory. Prints figures; never
# fails on time. Run by `make bench`; sizes: BENCH_SIZES="100000 1000000".
set -eu
TREEM=${TREEM_BIN:-./treem}
SRC=${TREEM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
GEN=$SRC/tests/bench/gen_children.py
SIZES=${BENCH_SIZES:-100000 1000000}
W=$(mktemp -d "${TMPDIR:-/tmp}/treem-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export TREEM_TODAY=2025-01-01 TREEM_LANG=en
command -v sqlite3 >/dev/null || { echo "bench_import: sqlite3 not installed, skipped"; exit 0; }
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

# measure NAME cmd... — prints "NAME  seconds  peak-MB"
measure() {
    name=$1
    shift
    if [ -n "$TIME" ]; then
        "$TIME" -f '%e %M' -o "$W/t" "$@" >/dev/null 2>"$W/err" || { echo "$name failed:"; tail -3 "$W/err"; return 0; }
        read -r secs kb <"$W/t"
        printf '  %-34s %8.2f s  %7.1f MB\n' "$name" "$secs" "$(echo "$kb / 1024" | bc -l)"
    else
        start=$(date +%s.%N)
        "$@" >/dev/null 2>"$W/err" || true
        printf '  %-34s %8.2f s\n' "$name" "$(echo "$(date +%s.%N) - $start" | bc -l)"
    fi
}

for n in $SIZES; do
    f=$W/gen_$n.csv
    python3 "$GEN" "$n" --seed 1 -o "$f"
    echo "bench_import: $n children ($(du -h "$f" | cut -f1) CSV)"
    rm -f "$W/t.db" "$W/s.db"
    "$TREEM" --db "$W/t.db" init --commune 00004 >/dev/null
    measure "treem import (validated, audited)" "$TREEM" --db "$W/t.db" import children "$f"
    measure "sqlite3 .import (no validation)" sqlite3 "$W/s.db" ".mode csv" ".import '$f' children"
    measure "treem export children" "$TREEM" --db "$W/t.db" export children "$W/out.csv"
    measure "sqlite3 -csv SELECT *" sh -c "sqlite3 -csv -header '$W/s.db' 'SELECT * FROM children' >'$W/out2.csv'"
    measure "treem import again (all unchanged)" "$TREEM" --db "$W/t.db" import children "$W/out.csv" --dry-run
    rm -f "$W"/t.db* "$W"/s.db* "$W"/backups/* "$f"
done
