#!/bin/sh
# Departments in the interface (issue 13): on Nhiệm vụ, in the departments
# view, F3 adds a department, F4 edits it, F8 deletes it after asking (a
# deliberate choice, never a letter); a department that tasks use is not
# deleted: F8 says what uses it and to mark it no longer active instead.
# Each change is in the department's history (Ctrl-Y, and treem history).
. "$(dirname "$0")/lib.sh"

make_demo_db
NAME="Đội thanh niên tình nguyện"

start
wait_for "Trang chủ"
keys 5
on_screen "Tasks"
wait_for "Xem: ban ngành"
keys F3
on_screen "Department form"
wait_for "Ban ngành mới"
type_text "$NAME"
keys Tab
type_text "Lê Văn Bình"
keys F2
on_screen "Tasks"
wait_for "Đã lưu ban ngành $NAME."
wait_for "$NAME"
ok "F3 in the departments view adds a department"

type_text "tinh nguyen"
wait_for "tìm thấy 1"
keys F4
on_screen "Department form"
wait_for "Ban ngành: $NAME"
keys Tab Tab
type_text "0905 111 222"
keys F2
on_screen "Tasks"
wait_for "Đã lưu ban ngành $NAME."
keys C-y
on_screen "History"
wait_for "tạo: $NAME"
wait_for "sửa Điện thoại: — → 0905 111 222"
ok "F4 edits it, and Ctrl-Y shows its creation and the change"
keys Escape
on_screen "Tasks"

keys F8
on_screen "Confirm"
wait_for "Xóa ban ngành \"$NAME\"?"
type_text "c"                       # a letter never answers
on_screen "Confirm"
keys Escape                         # No
on_screen "Tasks"
wait_for "$NAME"
ok "F8 asks first; a letter does not answer, Esc keeps it"
keys F8
on_screen "Confirm"
keys Right Enter                    # Yes: a deliberate choice
on_screen "Tasks"
wait_for "Đã xóa ban ngành $NAME."
expect_no "tìm thấy 1"
ok "F8 then Yes deletes the department"
"$TREEM_BIN" --db "$E2E_DB" history dept 16 >"$E2E_DIR/h.txt"
grep -q "xóa: $NAME" "$E2E_DIR/h.txt" || fail "the delete is not in the department's history"
ok "the delete is in the history"

keys C-u
type_text "cong an"
wait_for "tìm thấy 1"
keys F8
on_screen "Tasks"
wait_for "đang được dùng"
wait_for "Công an phường"
ok "a department that tasks use is not deleted: F8 says what uses it and what to do instead"
keys F10
wait_for "[treem exited] 0"
done_testing
