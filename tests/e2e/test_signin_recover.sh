#!/bin/sh
# The officer's account from the first run: the set-up form takes a login
# and password, shows the one-time recovery code, and the next start asks to
# sign in. Five wrong passwords lock the account (the right one is refused
# too); F5 at the sign-in takes the recovery code and a new password, shows
# a new code, and signs in; the old code no longer works.
. "$(dirname "$0")/lib.sh"

start
wait_for "Đây là xã/phường nào?"
type_text "an nhon dong"
wait_for "tìm thấy 1"
keys Enter
wait_for "Tên đăng nhập của cán bộ"
type_text "Nguyễn Thị Hồng"
keys Tab Tab
type_text "Khu phố Lý Tây"
keys Tab
type_text "hong"
keys Tab
type_text "ngắn"
keys F2
wait_for "mật khẩu: ít nhất 8 ký tự"
keys BSpace BSpace BSpace BSpace
type_text "mật khẩu đầu tiên"
keys F2
wait_for "Mã khôi phục của bạn là"
code=$(screen | grep -oE '[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' | head -1)
[ -n "$code" ] || fail "no recovery code on the screen"
ok "the first run creates the officer's account and shows the recovery code once"
keys Enter
wait_for "Đã lưu. Chào mừng!"
keys F10
wait_for "[treem exited] 0"
n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM app_user WHERE login = 'hong' AND role = 'officer'")
[ "$n" = 1 ] || fail "no officer account in the database"

start
wait_for "Đăng nhập: gõ tên đăng nhập và mật khẩu"
type_text "hong"
keys Tab
for i in 1 2 3 4; do
    type_text "sai $i"
    keys Enter
    wait_for "còn $((5 - i)) lần thử"
done
type_text "sai 5"
keys Enter
wait_for "sai mật khẩu: tài khoản hong bị khóa 15 phút"
type_text "mật khẩu đầu tiên"
keys Enter
wait_for "tài khoản hong bị khóa đến"
expect_no "Trẻ em dưới 16 tuổi"
ok "five wrong passwords lock the account; the right one is refused while locked"

keys F5
wait_for "Quên mật khẩu: mã khôi phục của cán bộ"
type_text "hong"
keys Tab
type_text "AAAA-BBBB-CCCC-DDDD"
keys Tab
type_text "mật khẩu thứ hai"
keys Enter
wait_for "sai mã khôi phục"
keys Up
i=0
while [ $i -lt 19 ]; do keys BSpace; i=$((i + 1)); done
type_text "$code"
keys F2
wait_for "Mã khôi phục của bạn là"
new=$(screen | grep -oE '[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' | head -1)
[ -n "$new" ] && [ "$new" != "$code" ] || fail "no new recovery code"
keys Enter
wait_for "Đã đăng nhập: hong."
ok "the recovery code sets a new password, unlocks, signs in and gives a new code"
keys F10
wait_for "[treem exited] 0"
TREEM_RECOVERY_CODE=$code TREEM_NEW_PASSWORD='mật khẩu thứ ba' "$TREEM_BIN" --db "$E2E_DB" user recover hong \
    >/dev/null 2>&1 && fail "the old recovery code worked twice"
TREEM_USER=hong TREEM_PASSWORD='mật khẩu thứ hai' "$TREEM_BIN" --db "$E2E_DB" info >/dev/null ||
    fail "the new password does not sign in"
ok "the old code is used up; the new password works"
done_testing
