#!/bin/sh
# Correcting a case in the Vụ việc screens: F4 on the intake corrects it
# (the old value stays in the audit log); the step form offers only the
# steps that can come next (NĐ 56 order); F4 on a step corrects it, a date
# that would put it out of order is refused with the reason; F8 on a step
# deletes it after saying what goes with it, and its deadline comes back;
# Ctrl-Y shows the case's history, the deleted steps included.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db
"$TREEM_BIN" --db "$E2E_DB" case add --source phone --kind violence --level intervention \
    --date 14/03/2026 --time 08:00 --place "Thôn Cũ" >/dev/null || fail "case add"
CODE=$("$TREEM_BIN" --db "$E2E_DB" case list --search "thon cu" | cut -f1 | head -1)
[ -n "$CODE" ] || fail "no case code"
"$TREEM_BIN" --db "$E2E_DB" case step "$CODE" initial --date 14/03/2026 --time 10:00 \
    --emergency yes >/dev/null || fail "initial"

# set_when DATE TIME — on the step form's Step field: its date and hour
# replaced by DATE and TIME.
set_when() {
    keys Tab
    erase 10
    type_text "$1"
    keys Tab
    erase 5
    type_text "$2"
}

start
wait_for "Trang chủ"
keys 3
wait_for "$CODE"
to_line "$("$TREEM_BIN" --db "$E2E_DB" case list | cut -f1 | grep -n "^$CODE$" | cut -d: -f1)"
keys Enter
wait_for "Vụ việc $CODE"
wait_for "Nơi xảy ra: Thôn Cũ"

# --- F4 on the intake: correct the place
keys F4
wait_for "Sửa vụ việc $CODE (Mẫu 01) — F2 lưu"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
erase 8
type_text "Thôn Mới"
keys F2
wait_for "Đã lưu vụ việc $CODE."
wait_for "Nơi xảy ra: Thôn Mới"
ok "F4 on the intake corrects it"
keys C-y
wait_for "Lịch sử của vụ việc $CODE (mới nhất trước)"
wait_for "sửa Nơi xảy ra: Thôn Cũ → Thôn Mới"
keys Escape
wait_for "Vụ việc $CODE"
ok "Ctrl-Y shows the case's history with the old value"
"$TREEM_BIN" --db "$E2E_DB" case show "$CODE" | grep -q "Thôn Mới" || fail "not stored"

# --- F3: only the steps that can come next
keys F3
wait_for "Ghi bước xử lý — F2 lưu"
wait_for "Đánh giá cụ thể"
keys Right
wait_for "Cung cấp dịch vụ"     # the emergency action the assessment called for
keys Right
wait_for "Đóng hồ sơ"
keys Right
wait_for "Cách ly tạm thời"
keys Right
wait_for "Đánh giá cụ thể"
ok "after the initial assessment the form offers detailed assessment, the emergency action, closure, separation"
set_when 15/03/2026 09:00
keys F2
wait_for "Đã ghi bước xử lý."
wait_for "15/03/2026 09:00  #"
ok "F3 records a detailed assessment"

# --- F4 on the step: a date before the initial assessment is refused
keys PgDn
keys F4
wait_for "Sửa bước #"
set_when 14/03/2026 09:00
keys F2
wait_for "phải có Đánh giá ban đầu"
ok "a step moved before the initial assessment is refused with the reason"
keys Tab                            # the message is at the Step field: on to the date
erase 10
type_text "16/03/2026"
keys Tab Tab Tab Tab
type_text "Họp gia đình"
keys F2
wait_for "Đã lưu bước."
wait_for "16/03/2026 09:00  #"
wait_for "Họp gia đình"
ok "F4 on a step corrects its date and notes"

# --- F8 on the first step: refused (the detailed assessment needs it)
keys PgDn                           # the last line: the notes of the detailed assessment
keys Up Up                          # the initial assessment
keys F8
wait_for "Xóa bước #"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "sẽ sai trình tự"
ok "deleting the initial assessment under a detailed assessment is refused"

# --- F8 on the detailed assessment, then on the initial one: the 12-hour deadline is back
keys PgDn
keys F8
wait_for "đánh giá rủi ro và 0 mục kế hoạch"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã xóa bước #"
# the initial assessment found danger: the emergency action, due 12 hours
# after the intake, is awaited again (overdue)
wait_for "14/03/2026 20:00  Biện pháp khẩn cấp hoặc cách ly tạm thời"
wait_for "QUÁ HẠN"
keys PgDn
keys F8
wait_for "Xóa bước #"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã xóa bước #"
wait_for "Giai đoạn: Tiếp nhận"
expect_no "Biện pháp khẩn cấp"
ok "deleting the steps brings their deadlines back: the 12-hour one while the assessment stays"
keys C-y
wait_for "xóa: case "
ok "the history lists the deleted steps"
keys Escape
if command -v sqlite3 >/dev/null 2>&1; then
    n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM audit_log WHERE old_value = 'Thôn Cũ' AND new_value = 'Thôn Mới'")
    [ "$n" = 1 ] || fail "the old place is not in the audit log ($n)"
    n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM audit_log WHERE entity = 'case_step' AND action = 'delete'")
    [ "$n" = 2 ] || fail "the deleted steps are not in the audit log ($n)"
    ok "the audit log holds the old values"
fi

done_testing
