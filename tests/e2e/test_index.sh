#!/bin/sh
# After a large import the search index catches up while the program waits
# for keys (db/child_bulk.h): the status line says so and ends with "up to
# date", keys still work meanwhile, and a waiting child is found by name
# before and after.
. "$(dirname "$0")/lib.sh"
GEN="$(dirname "$0")/../bench/gen_children.py"

"$TREEM_BIN" --db "$E2E_DB" init --commune 00004 >/dev/null
python3 "$GEN" 23000 --seed 8 -o "$E2E_DIR/large.csv"
TREEM_TODAY=2025-01-01 "$TREEM_BIN" --db "$E2E_DB" import children "$E2E_DIR/large.csv" >"$E2E_DIR/out"
grep -q "trẻ đang chờ" "$E2E_DIR/out" || fail "the import did not leave children for the index"
waiting() { sqlite3 "$E2E_DB" "SELECT count(*) FROM child_fts_pending"; }
[ "$(waiting)" -gt 20000 ] || fail "expected more than 20000 children waiting, got $(waiting)"
name=$(sqlite3 "$E2E_DB" "SELECT full_name FROM child ORDER BY id DESC LIMIT 1")
code=$(sqlite3 "$E2E_DB" "SELECT code FROM child ORDER BY id DESC LIMIT 1")
ok "the import left $(waiting) children waiting"

start
on_screen "Home"
keys 2                      # at once: keys are read between steps
wait_screen Children        # a frame of the indexing may come first
wait_async "Chỉ mục tìm kiếm đã được cập nhật."
[ "$(waiting)" -eq 0 ] || fail "$(waiting) children still wait"
ok "idle time indexed every waiting child, and said so"

keys /
type_text "$code"
wait_for "$name"
ok "the last child of the file is found by its code through the index"
keys F10
wait_for "[treem exited] 0"
done_testing
