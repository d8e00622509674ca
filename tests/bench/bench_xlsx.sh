#!/bin/sh
# Benchmark (not a test): `treem import children` of the same register as
# an .xlsx workbook and as CSV, next to sqlite3 doing the same work on the
# CSV, with peak resident memory. Run from a built tree:
#     BENCH_SIZES="100000" sh tests/bench/bench_xlsx.sh
# The rows are generated (gen_children.py), imported once, and exported by
# treem both ways (the workbook: inline strings, dates as dates, numbers as
# numbers, Vietnamese headers and labels; the CSV: codes), so both files
# hold the same children. Lines printed for each size:
#   unzip the sheet       only inflating the workbook's sheet XML (unzip -p)
#   treem import xlsx     the workbook into a fresh register: zip, XML,
#                         every cell parsed and validated, the same work as
#                         for CSV after that
#   treem import csv      the CSV into a fresh register
#   sqlite3 .import csv   sqlite3 copying the CSV into a bare table: no
#                         checks, no indexes
#   treem export xlsx     the register written as a workbook
#   treem export csv      the register written as CSV
. "$(dirname "$0")/lib_bench.sh"
fresh() { rm -rf "$1"*; "$TREEM" --db "$1" init --commune 00004 >/dev/null; }
for n in $SIZES; do
    python3 "$GEN" "$n" -o "$dir/gen.csv"
    fresh "$dir/src.db"
    "$TREEM" --db "$dir/src.db" import children "$dir/gen.csv" >/dev/null
    run "treem export xlsx" "$TREEM" --db "$dir/src.db" export children "$dir/children.xlsx"
    run "treem export csv" "$TREEM" --db "$dir/src.db" export children "$dir/children.csv"
    echo "$n children (xlsx $(wc -c <"$dir/children.xlsx") bytes, csv $(wc -c <"$dir/children.csv") bytes)"
    if command -v unzip >/dev/null; then
        run "unzip the sheet" sh -c "unzip -p '$dir/children.xlsx' xl/worksheets/sheet1.xml | wc -c"
    fi
    fresh "$dir/x.db"
    run "treem import xlsx" "$TREEM" --db "$dir/x.db" import children "$dir/children.xlsx"
    fresh "$dir/c.db"
    run "treem import csv" "$TREEM" --db "$dir/c.db" import children "$dir/children.csv"
    rm -f "$dir/s.db"
    run "sqlite3 .import csv" sqlite3 "$dir/s.db" ".mode csv" ".import $dir/children.csv c"
    a=$(sqlite3 "$dir/x.db" "SELECT count(*) FROM child")
    b=$(sqlite3 "$dir/c.db" "SELECT count(*) FROM child")
    echo "  rows: xlsx $a, csv $b"
    rm -rf "$dir"/*.db* "$dir/backups" "$dir"/children.*
done
