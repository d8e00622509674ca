#!/bin/sh
# Benchmark (not a test): the level above receiving many communes' packages
# and summing them. BENCH_COMMUNES communes of Gia Lai (52; at most 135), each
# with a register of BENCH_CHILDREN generated children (gen_children.py, a
# different seed per commune; rows aged 16 or more are skipped by the
# import), hand a package up; then the time and peak memory of:
#   receive all      `treem receive` of every package (one process)
#   communes         the Tổng hợp (`treem communes`: every commune's counts)
#   report           the consolidated report, summed over the communes, as CSV
#   report --xlsx    the same as a workbook with charts
# Making the communes' databases and packages is set-up, timed apart.
# Run from a built tree:
#     BENCH_COMMUNES=100 BENCH_CHILDREN=5000 sh tests/bench/bench_province.sh
BENCH_TODAY="2026-06-20 09:00" BENCH_WIDTH=18
. "$(dirname "$0")/lib_bench.sh"
N=${BENCH_COMMUNES:-100}
K=${BENCH_CHILDREN:-5000}
codes=$(awk -F, '$1 == "52" { print $3 }' "$SRCDIR/assets/admin_units_2025.csv" | head -n "$N")
echo "set-up: $N communes x $K generated children each"
start=$(date +%s)
mkdir -p "$dir/pkg"
i=0
for code in $codes; do
    i=$((i + 1))
    python3 "$GEN" "$K" --seed "$i" -o "$dir/c.csv"
    "$TREEM" --db "$dir/c$code.db" init --commune "$code" >/dev/null
    "$TREEM" --db "$dir/c$code.db" import children "$dir/c.csv" --skip-bad-rows >/dev/null
    "$TREEM" --db "$dir/c$code.db" handoff --out "$dir/pkg/$code" >/dev/null
    rm -rf "$dir/c$code.db" "$dir/c$code.db-wal" "$dir/c$code.db-shm" "$dir/backups"
done
echo "  made in $(( $(date +%s) - start )) s; packages: $(du -sh "$dir/pkg" | cut -f1)"
"$TREEM" --db "$dir/p.db" init --province 52 >/dev/null
echo "level above:"
# shellcheck disable=SC2046
run "receive all" "$TREEM" --db "$dir/p.db" receive $(for c in $codes; do echo "$dir/pkg/$c"; done)
run "communes" "$TREEM" --db "$dir/p.db" communes
tail -n 1 "$dir/out" | sed 's/^/    /'
run "report (CSV)" "$TREEM" --db "$dir/p.db" report --csv "$dir/sum.csv"
grep '^TE01,' "$dir/sum.csv" | cut -d, -f1-3 | sed 's/^/    /'
run "report --xlsx" "$TREEM" --db "$dir/p.db" report --xlsx "$dir/sum.xlsx"
echo "  databases: $(du -sh "$dir/p.db.communes" | cut -f1)"
