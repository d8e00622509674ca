#!/bin/sh
# test_reindex — a large import leaves its children for the trigram search
# index (db/child_bulk.h): `treem import` and `treem info` say how many
# wait, searches find them meanwhile, `treem reindex` catches up; a small
# import is indexed at once. The index is checked by SQLite's own
# integrity check, and by searching for a rare word (the trigram path).
. "$(dirname "$0")/../lib.sh"
need_treem
today 2025-01-01
GEN=$TREEM_SRCDIR/tests/bench/gen_children.py
DB=$T/t.db

fts_ok() { sqlite3 "$DB" "INSERT INTO child_fts(child_fts) VALUES ('integrity-check')"; }
waiting() { sqlite3 "$DB" "SELECT count(*) FROM child_fts_pending"; }

expect_rc 0 "$TREEM" --db "$DB" init --commune 00004

# --- a small import: indexed at once
python3 "$GEN" 300 --seed 7 -o "$T/small.csv"
expect_rc 0 "$TREEM" --db "$DB" import children "$T/small.csv"
expect_no_grep 'search index' "$OUT"
check "small import: nothing waits" test "$(waiting)" -eq 0
check "small import: the index is sound" fts_ok

# --- a large one (over 20000 new children): they wait
python3 "$GEN" 23000 --seed 8 -o "$T/large.csv"
expect_rc 0 "$TREEM" --db "$DB" import children "$T/large.csv"
expect_grep 'search index: [0-9]+ children wait' "$OUT"
n=$(waiting)
check "large import: its children wait ($n)" test "$n" -gt 20000
expect_rc 0 "$TREEM" --db "$DB" info
expect_grep "Waiting for the search index: +$n children" "$OUT"

# a child of the large file, found by its full name while it waits
code=$(sqlite3 "$DB" "SELECT code FROM child ORDER BY id DESC LIMIT 1")
name=$(sqlite3 "$DB" "SELECT full_name FROM child ORDER BY id DESC LIMIT 1")
expect_rc 0 "$TREEM" --db "$DB" child list --search "$name"
expect_grep "^$code	" "$OUT"
expect_rc 0 "$TREEM" --db "$DB" child list --search "$code"
expect_grep "^$code	" "$OUT"

# an edit and a delete of waiting children keep the index sound
victim=$(sqlite3 "$DB" "SELECT code FROM child ORDER BY id DESC LIMIT 1 OFFSET 1")
expect_rc 0 "$TREEM" --db "$DB" child edit "$victim" --carer-phone 0912345678
expect_rc 0 "$TREEM" --db "$DB" child delete "$victim" --yes
check "the deleted child no longer waits" test "$(waiting)" -eq $((n - 1))

# --- reindex: nothing waits, the index is sound, the same search works
expect_rc 0 "$TREEM" --db "$DB" reindex
expect_grep "search index: $((n - 1)) children indexed, none waiting" "$OUT"
check "after reindex: nothing waits" test "$(waiting)" -eq 0
check "after reindex: the index is sound" fts_ok
expect_rc 0 "$TREEM" --db "$DB" info
expect_no_grep 'Waiting for the search index' "$OUT"
expect_rc 0 "$TREEM" --db "$DB" child list --search "$code"
expect_grep "^$code	" "$OUT"
expect_rc 0 "$TREEM" --db "$DB" reindex
expect_grep "0 children indexed" "$OUT"
expect_rc 2 "$TREEM" --db "$DB" reindex now
