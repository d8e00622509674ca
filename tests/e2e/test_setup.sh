#!/bin/sh
# First run: pick the ward by typing its name without diacritics, fill in
# the officer, the level above and the villages; the home screen follows and
# the choice survives a restart.
. "$(dirname "$0")/lib.sh"

start
on_screen "First-time set-up"
wait_for "Đây là xã/phường nào?"
ok "first run opens the set-up screen in Vietnamese"

type_text "an nhon dong"
wait_for "Phường An Nhơn Đông"
wait_for "tìm thấy 1"
ok "typing without diacritics finds Phường An Nhơn Đông"

keys Enter
wait_for "Tên cán bộ"
keys F2
wait_for "Tên cán bộ: cần điền"
ok "saving without the officer's name shows a message at the field"

keys F9
on_screen "First-time set-up"
wait_for "Tên cán bộ: cần điền"
type_text "x"
keys Escape
on_screen "Unsaved input"
type_text "y"
on_screen "Unsaved input"
keys Enter
on_screen "First-time set-up"
wait_for "Tên cán bộ"
keys BSpace
ok "the menu waits for set-up; leaving typed details asks, a letter does not answer"

type_text "Nguyễn Thị Hồng"
keys Tab
keys Tab
type_text "Khu phố Lý Tây; Khu phố Liêm Định"
keys F2
on_screen "Home"
wait_for "Đã lưu. Chào mừng!"
wait_for "Phường An Nhơn Đông (21934)"
wait_for "Nguyễn Thị Hồng"
wait_for "Sở Y tế tỉnh Gia Lai"
ok "home screen shows the ward, officer and level above"

keys F10
wait_for "[treem exited] 0"
"$TREEM_BIN" --db "$E2E_DB" village list > "$E2E_DIR/villages.txt"
grep -qx "Khu phố Lý Tây" "$E2E_DIR/villages.txt" || fail "village not saved: $(cat "$E2E_DIR/villages.txt")"
grep -qx "Khu phố Liêm Định" "$E2E_DIR/villages.txt" || fail "second village not saved"
ok "villages were saved in NFC as typed"

start
on_screen "Home"
wait_for "Phường An Nhơn Đông (21934)"
expect_no "Đây là xã/phường nào?"
ok "a restart goes straight to the home screen"
done_testing
