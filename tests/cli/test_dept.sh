#!/bin/sh
# test_dept — departments can be corrected and deleted from the command line
# (issue 13): `dept add|edit|delete`; delete needs --yes, refuses a department
# that tasks, case plans or criteria use (saying what uses it and to mark it
# no longer active instead) and leaves it untouched; every add, edit and
# delete is in its history (`treem history dept KEY`, also by the number of
# a deleted one).
. "$(dirname "$0")/../lib.sh"
need_treem
TREEM_TODAY='2026-03-16 09:00'
export TREEM_TODAY
DB=$T/d.db
t() { "$TREEM" --db "$DB" "$@"; }
count() { sqlite3 "$DB" "SELECT count(*) FROM department WHERE name = '$1'"; }

expect_rc 0 t demo
expect_rc 0 t dept add --name 'Đội thanh niên tình nguyện' --contact 'Lê Văn Bình'
id=$(sed -n 's/.* \([0-9][0-9]*\): .*/\1/p' "$OUT")
check "the new department has a number" test -n "$id"
expect_rc 0 t dept edit "$id" --phone '0905 111 222'
expect_rc 0 t history dept "$id"
expect_grep '0905 111 222' "$OUT"

# --- delete asks for --yes, and deletes nothing without it
expect_rc 1 t dept delete "$id"
expect_grep 'add --yes to confirm' "$ERR"
check "still there without --yes" test "$(count 'Đội thanh niên tình nguyện')" -eq 1
expect_rc 0 t dept delete "$id" --yes
expect_grep "Deleted department $id: Đội thanh niên tình nguyện." "$OUT"
check "gone with --yes" test "$(count 'Đội thanh niên tình nguyện')" -eq 0
expect_rc 0 t history dept "$id"
expect_grep 'deleted: Đội thanh niên tình nguyện' "$OUT"
expect_grep 'created: Đội thanh niên tình nguyện' "$OUT"

# --- one in use is refused, whatever --yes says, with what uses it
before=$(sqlite3 "$DB" "SELECT count(*) FROM department")
expect_rc 1 t dept delete congan --yes
expect_grep 'department Công an phường is in use .6 tasks' "$ERR"
expect_grep 'mark it no longer active instead' "$ERR"
check "nothing deleted" test "$(sqlite3 "$DB" "SELECT count(*) FROM department")" -eq "$before"
expect_rc 1 t dept delete congan
expect_grep 'is in use' "$ERR"

# --- bad arguments are named
expect_rc 1 t dept delete 'không có ban ngành này' --yes
expect_grep "no department matches 'không có ban ngành này'" "$ERR"
expect_rc 2 t dept delete
expect_grep 'expected one department' "$ERR"

# --- a viewer may not delete
TREEM_PASSWORD='mật khẩu cán bộ' expect_rc 0 t user add lan --role officer
TREEM_USER=lan TREEM_PASSWORD='mật khẩu cán bộ' TREEM_NEW_PASSWORD='mật khẩu xem 1' expect_rc 0 t user add xem --role viewer
expect_rc 0 env TREEM_USER=lan TREEM_PASSWORD='mật khẩu cán bộ' "$TREEM" --db "$DB" dept add --name 'Tạm'
TREEM_USER=xem TREEM_PASSWORD='mật khẩu xem 1' expect_rc 1 t dept delete 'Tạm' --yes
expect_grep 'not allowed for the role Viewer' "$ERR"
check "the viewer deleted nothing" test "$(count 'Tạm')" -eq 1
