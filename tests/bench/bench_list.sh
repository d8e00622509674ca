#!/bin/sh
# bench_list.sh — listing every match of a search, next to sqlite3 running
# the FTS5 query for the same rows (issue 12: the time must follow the
# matches, not the register). Prints figures; never passes or fails on time.
#   BENCH_SIZES="100000 1000000" TREEM_BIN=./treem sh tests/bench/bench_list.sh
#   treem child list --all --search WORDS      the command, one pass over the matches
#   sqlite3 FTS5                               the same candidates from child_fts,
#                                              checked and sorted the same way
BENCH_DIR=treem-bench-list BENCH_WIDTH=34 BENCH_ROWS=1
. "$(dirname "$0")/lib_bench.sh"
fts_sql() { # the FTS5 query for the words "$@" (3+ characters each), list order
    m=""
    for w in "$@"; do m="${m:+$m AND }\"$w\""; done
    printf "SELECT c.code, c.full_name FROM child_fts JOIN child c ON c.id = child_fts.rowid \
WHERE child_fts MATCH '%s' ORDER BY c.sort_key, c.search;" "$m"
}
for n in $SIZES; do
    python3 "$GEN" "$n" -o "$dir/children.csv"
    "$TREEM" --db "$dir/t.db" init --commune 00004 >/dev/null
    "$TREEM" --db "$dir/t.db" import children "$dir/children.csv" --skip-bad-rows >/dev/null
    "$TREEM" --db "$dir/t.db" reindex >/dev/null
    echo "$n children"
    run "treem child list 'nguyen van'" "$TREEM" --db "$dir/t.db" child list --all --search "nguyen van"
    run "sqlite3 FTS5 'nguyen van'" sqlite3 "$dir/t.db" "$(fts_sql nguyen van)"
    run "treem child list 'quan'" "$TREEM" --db "$dir/t.db" child list --all --search quan
    run "sqlite3 FTS5 'quan'" sqlite3 "$dir/t.db" "$(fts_sql quan)"
    rm -rf "$dir/t.db"* "$dir/backups"
done
