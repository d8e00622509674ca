#!/bin/sh
# Correcting the records of the plans in the screens: F4 on a department in
# Nhiệm vụ edits it (Ctrl-Y shows its history); Enter on a target corrects
# its text and value with the measured value; in a plan's calendar (F12) F3 adds an event, F4 corrects
# it, F8 deletes it after asking; deleting a child says what goes with it.
# Every change keeps the old value in the audit log (treem history).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db

start
wait_for "Trang chủ"

# --- a department
keys 5
wait_for "Xem: ban ngành"
type_text "cong an"
wait_for "tìm thấy 1"
keys F4
wait_for "Ban ngành: Công an phường"
keys Tab Tab
type_text "0905 123 456"
keys F2
wait_for "Đã lưu ban ngành Công an phường."
ok "F4 on a department in Nhiệm vụ edits it"
"$TREEM_BIN" --db "$E2E_DB" history dept congan >"$E2E_DIR/h.txt"
grep -q "sửa Điện thoại: — → 0905 123 456" "$E2E_DIR/h.txt" || fail "the department's change is not in its history"
ok "the change is in the department's history"
keys C-y
wait_for "Lịch sử của Công an phường (mới nhất trước)"
wait_for "sửa Điện thoại: — → 0905 123 456"
keys Escape
ok "Ctrl-Y on a department shows its history"

# --- a target of the 2026 plan
keys M-4
wait_for "05/KH-UBND"
keys Enter
wait_for "Cơ quan ban hành"
keys Enter
wait_for "Số liệu của chỉ tiêu:"
keys Tab Tab Tab
type_text " (đã sửa)"
keys F2
wait_for "Đã bỏ số liệu nhập tay."
"$TREEM_BIN" --db "$E2E_DB" plan show 2 >"$E2E_DIR/plan.txt"
TID=$(sed -n 's/^ *\[\([0-9]*\)\] .*(đã sửa)$/\1/p' "$E2E_DIR/plan.txt" | head -1)
[ -n "$TID" ] || fail "the target's new text is not stored"
ok "Enter on a target corrects its text"
"$TREEM_BIN" --db "$E2E_DB" history target "$TID" | grep -q "sửa Chỉ tiêu: .* → .*(đã sửa)" ||
    fail "the target's old text is not in its history"
ok "the target's old text is in its history"

# --- events of the plan's calendar
keys F12
wait_for "Lịch năm 2026: kế hoạch 05/KH-UBND"
keys F3
wait_for "Sự kiện mới"
type_text "Ngày hội đọc sách cho trẻ em"
keys Tab
type_text "21/04/2026"
keys F2
wait_for "Đã lưu sự kiện: Ngày hội đọc sách cho trẻ em."
wait_for "21/04/2026"
ok "F3 in a plan's calendar adds an event"
keys Down                           # from the first day from today (31/03) to the new event
keys F4
wait_for "Sự kiện trong lịch"
keys Tab
erase 10
type_text "22/04/2026"
keys F2
wait_for "Đã lưu sự kiện: Ngày hội đọc sách cho trẻ em."
wait_for "22/04/2026"
ok "F4 corrects the event's date"
keys F8
wait_for "Xóa sự kiện 'Ngày hội đọc sách cho trẻ em'"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã xóa."
expect_no "Ngày hội đọc sách"
ok "F8 deletes the event after asking"
if command -v sqlite3 >/dev/null 2>&1; then
    n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM audit_log WHERE entity = 'plan_event' AND action = 'delete' AND old_value = 'Ngày hội đọc sách cho trẻ em'")
    [ "$n" = 1 ] || fail "the deleted event is not in the audit log ($n)"
    ok "the deleted event is in the audit log"
fi

# --- deleting a child says what goes with it (answered No here)
keys Escape
keys M-2
wait_for "2 Trẻ em"
keys F8
wait_for "khỏi sổ, cùng"
keys n
wait_for "2 Trẻ em"
ok "F8 on a child says what goes with it before asking"

done_testing
