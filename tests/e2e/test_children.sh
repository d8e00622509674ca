#!/bin/sh
# The register of children: add a child typed in Vietnamese, find it without
# diacritics, edit it, find it again after a restart; bad input is refused
# at the field; the same child entered twice brings the duplicate warning.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" --village "Khu phố Liêm Định" >/dev/null

start
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
keys 2
on_screen "Children"
wait_for "Sổ chưa có trẻ nào"
ok "an empty register says how to add a child"

# --- bad input first: nothing is saved until it is right
keys F3
on_screen "Child"
wait_for "Trẻ mới"
type_text "Hồ Thị Ngọc Ánh"
keys Tab
type_text "31/02/2015"
keys F2
wait_for "tháng 2 năm 2015 chỉ có 28 ngày"
ok "31/02 is refused with a message at the date"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "02/09/2008"
keys F2
wait_for "người này đã 17 tuổi; sổ chỉ ghi trẻ em dưới 16 tuổi"
expect_no "Đã lưu"
ok "a 17-year-old is refused"
keys BSpace BSpace BSpace BSpace
type_text "2016"
keys Down Down Down Down Down
type_text "12345"
keys F2
wait_for "phải có đúng 12 chữ số (đang có 5)"
expect_no "Đã lưu"
ok "a malformed ID number is refused"
keys BSpace BSpace BSpace BSpace BSpace
# sex: Nữ (two to the right of "Không biết"), village: Khu phố Liêm Định
keys Up Right Right Down Down Right Right
keys F2
on_screen "Children"
wait_for "Đã lưu TE-0001 — Hồ Thị Ngọc Ánh."
wait_for "Hồ Thị Ngọc Ánh"
ok "the child is saved and listed"

# --- search without diacritics, any word order
type_text "anh ngoc ho"
wait_for "tìm thấy 1"
wait_for "TE-0001 Hồ Thị Ngọc Ánh"
ok "found by typing 'anh ngoc ho' without diacritics"

# --- edit: the address
keys Enter
on_screen "Child"
wait_for "Trẻ TE-0001 — Hồ Thị Ngọc Ánh"
keys Down Down Down Down Down Down Down Down
type_text "Số 7 đường Trần Phú"
keys F2
on_screen "Children"
wait_for "Đã lưu TE-0001"
ok "edited and saved"

keys F10
on_screen ""
wait_for "[treem exited] 0"
start
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
keys 2
on_screen "Children"
wait_for "TE-0001"
type_text "ngoc anh"
wait_for "tìm thấy 1"
keys Enter
on_screen "Child"
wait_for "Số 7 đường Trần Phú"
wait_for "02/09/2016"
ok "after a restart the child and the edit are still there"

# --- a group of special circumstances and a measurement (Ctrl-G)
keys C-g
on_screen "Groups and health"
wait_for "Chưa ghi nhận gì"
keys F3
wait_for "Nhóm hoàn cảnh đặc biệt"
keys Down
type_text "a.3"
wait_for "Chọn: Nhóm"
keys Enter
keys Down
type_text "01/01/2024"
keys F2
wait_for "a.3"
wait_for "01/01/2024"
keys F3
keys Right Down Down
type_text "01/03/2026"
keys Down Down
type_text "x"
keys F2
wait_for "Cân nặng (kg): 'x' không phải là một số"
keys BSpace
type_text "20,5"
keys Down
type_text "120"
keys F2
wait_for "20,5 kg"
ok "a group period and a measurement are recorded from the form"
keys Escape
on_screen "Child"
wait_for "Trẻ TE-0001"
keys Escape
on_screen "Children"
wait_for "tìm thấy 1"
"$TREEM_BIN" --db "$E2E_DB" child list --group a > "$E2E_DIR/group.txt"
grep -q "Hồ Thị Ngọc Ánh" "$E2E_DIR/group.txt" || fail "group a list: $(cat "$E2E_DIR/group.txt")"
ok "the register lists her in group a"

# --- the same child again: the duplicate warning
keys F3
on_screen "Child"
wait_for "Trẻ mới"
type_text "Hồ Thị Ngọc Ánh"
keys Tab
type_text "02/09/2016"
keys Down Down Down Right Right Down Down Down Right Right
keys F2
on_screen "Likely duplicates"
wait_for "Trẻ này có thể đã có trong sổ"
wait_for "cùng họ tên"
ok "entering the same child twice shows the likely duplicate"
keys Escape
on_screen "Child"
wait_for "Trẻ mới"
keys Escape
on_screen "Unsaved input"
wait_for "Có dữ liệu chưa lưu"
keys Right Right Enter
on_screen "Children"
wait_for "tìm thấy 1"
ok "cancelling keeps one record"

"$TREEM_BIN" --db "$E2E_DB" child list --search "ho thi ngoc anh" > "$E2E_DIR/list.txt"
[ "$(wc -l < "$E2E_DIR/list.txt")" -eq 1 ] || fail "child list found: $(cat "$E2E_DIR/list.txt")"
grep -q "Hồ Thị Ngọc Ánh" "$E2E_DIR/list.txt" || fail "CLI search disagrees with the screen"
ok "treem child list --search finds the same child"
done_testing
