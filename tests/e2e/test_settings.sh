#!/bin/sh
# Cài đặt: change the officer and the level above, add a village, switch the
# language to English (saved for the next start), and an empty name refused.
. "$(dirname "$0")/lib.sh"
make_demo_db

start
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
keys 9
on_screen "Settings"
wait_for "Sửa giá trị rồi bấm F2"
# clear the officer's name character by character
for i in $(seq 1 20); do keys BSpace; done
keys F2
wait_for "Tên cán bộ: cần điền"
ok "an empty officer's name is refused at the field"
type_text "Trần Văn Bình"
keys Down Down Down Down
type_text "Khu phố Mới"
keys F2
wait_for "Đã lưu cài đặt."
wait_for "Khu phố Mới"
ok "officer saved and a village added"
keys Escape
on_screen "Home"
wait_for "Trần Văn Bình"
ok "the home screen shows the new officer"

keys 9
on_screen "Settings"
wait_for "Ngôn ngữ"
keys Down Down Right
keys F2
wait_for "Settings saved."
ok "switching to English applies at once"
keys F10
wait_for "[treem exited] 0"

start
on_screen "Home"
wait_for "Children under 16"
ok "the saved language is used at the next start"
"$TREEM_BIN" --db "$E2E_DB" setting get lang | grep -qx en || fail "lang setting not saved"
"$TREEM_BIN" --db "$E2E_DB" village list | grep -qx "Khu phố Mới" || fail "village not saved"
ok "the CLI sees the same settings"
done_testing
