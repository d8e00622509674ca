#!/bin/sh
# Cài đặt → Thôn (Ctrl-T): rename a village, a village with children cannot
# be deleted, renaming to another village's name merges the two (the child
# keeps its code), add and delete an empty one. Cài đặt → Ngày lễ (Ctrl-O):
# add a day off (a case's plan deadline moves), delete it, a year without
# holidays is flagged. Cài đặt → Đổi xã (Ctrl-N): with records it asks, then
# the title shows the new commune and the codes carry it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db
"$TREEM_BIN" --db "$E2E_DB" village add "xóm mới lập" >/dev/null || fail "village add"
CHILD=$("$TREEM_BIN" --db "$E2E_DB" child add --name "Đinh Văn Mới" --dob 01/02/2019 --sex nam \
    --village "xóm mới lập") || fail "child add"
"$TREEM_BIN" --db "$E2E_DB" case add --source phone --kind violence --level intervention \
    --date 13/03/2026 --time 08:00 --place "Chợ Mới" >/dev/null || fail "case add"
CASE=$("$TREEM_BIN" --db "$E2E_DB" case list --search "cho moi" | cut -f1 | head -1)
# plan_due DATE — the case's support plan is due on DATE (its deadline in
# working days, the holidays counted).
plan_due() {
    TREEM_LANG=en "$TREEM_BIN" --db "$E2E_DB" case show "$CASE" | grep -q "$1  Support plan" ||
        fail "the plan is not due on $1"
}
plan_due 20/03/2026

# rename_village OLD NEW — F4 on the village OLD (of 12 characters), NEW typed, F2.
rename_village() {
    keys F4
    wait_for "Đổi tên thôn '$1'"
    erase 12
    type_text "$2"
    keys F2
}

start
wait_for "Trang chủ"
keys 9
wait_for "Sửa giá trị rồi bấm F2"
keys C-t
wait_for "Thôn, tổ dân phố"
wait_for "xóm mới lập"
ok "Ctrl-T in Cài đặt opens the villages with their children"

# --- rename: capitals and marks put right
keys PgDn
rename_village "xóm mới lập" "Xóm Mới Lập"
wait_for "Đã đổi tên thôn 'xóm mới lập' thành 'Xóm Mới Lập'."
wait_for "Xóm Mới Lập"
ok "F4 renames a village"

# --- a village with a child cannot be deleted; renaming it to another village's name merges
keys F8
wait_for "1 trẻ đang ở 'Xóm Mới Lập'"
ok "F8 refuses a village where children live"
rename_village "Xóm Mới Lập" "khom xuan hoa"
wait_for "Đã có thôn tên 'Khóm Xuân Hòa'"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã gộp 'Xóm Mới Lập' vào 'Khóm Xuân Hòa': chuyển 1 trẻ."
"$TREEM_BIN" --db "$E2E_DB" village list | grep -q "Xóm Mới Lập" && fail "the merged village is still listed"
ok "renaming to another village's name merges the two"
"$TREEM_BIN" --db "$E2E_DB" child list --village "Khóm Xuân Hòa" | grep -q "^$CHILD	Đinh Văn Mới" ||
    fail "the child did not move with its code"
ok "the child moved and kept its code $CHILD"

# --- add and delete an empty village
keys F3
wait_for "Thêm thôn"
type_text "Thôn Trống"
keys F2
wait_for "Đã thêm thôn 'Thôn Trống'."
keys PgDn
keys F8
wait_for "Xóa thôn 'Thôn Trống'?"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã xóa."
"$TREEM_BIN" --db "$E2E_DB" village list | grep -q "Thôn Trống" && fail "the empty village is still listed"
ok "F3 adds a village, F8 deletes an empty one"

# --- holidays
keys Escape
wait_for "Sửa giá trị rồi bấm F2"
keys C-o
wait_for "Ngày lễ năm 2026"
wait_for "Tết Nguyên đán"
keys F3
wait_for "Thêm vào bảng ngày lễ"
type_text "16/03/2026"
keys Tab
type_text "Nghỉ bù"
keys F2
wait_for "Đã thêm 16/03/2026; các thời hạn được tính lại."
wait_for "16/03/2026"
plan_due 23/03/2026
ok "a day off added in Ngày lễ moves a case's plan deadline"
to_line "$("$TREEM_BIN" --db "$E2E_DB" holiday list --year 2026 | grep -n "Nghỉ bù" | cut -d: -f1)"
keys F8
wait_for "Xóa 16/03/2026 (Nghỉ bù) khỏi bảng ngày lễ?"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã xóa."
plan_due 20/03/2026
ok "deleting it brings the deadline back"
keys '>' '>' '>' '>' '>'
wait_for "Ngày lễ năm 2031"
wait_for "Năm 2031 chưa có ngày lễ"
ok "a year without holidays is flagged"

# --- change of commune: asks (the demo has records), then re-stamps
keys Escape
wait_for "Sửa giá trị rồi bấm F2"
keys C-n
wait_for "Hiện tại: Phường Thới Sơn"
type_text "an nhon dong"
wait_for "21934"
keys Enter
wait_for "xác nhận để tiếp tục"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã đổi xã thành Phường An Nhơn Đông; đã cập nhật mã; đã giữ bản sao lưu."
wait_for "Phường An Nhơn Đông, Tỉnh Gia Lai"
ok "Ctrl-N changes the commune after asking; the title follows"
"$TREEM_BIN" --db "$E2E_DB" info | grep -q "21934" || fail "the commune is not stored"
if command -v sqlite3 >/dev/null 2>&1; then
    n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM child WHERE uid NOT LIKE '21934-%'")
    [ "$n" = 0 ] || fail "$n children still carry the old commune"
    ok "every child's code carries the new commune"
fi

done_testing
