#!/bin/sh
# Sign-in and roles in the interface: a database with accounts opens on the
# sign-in screen, where no other screen can be reached; a wrong password is
# refused with the tries left; the right one opens the home screen; after
# the idle time the screen locks (keys do not reach what is behind) until the
# same person's password; a collaborator's Trẻ em lists only their village;
# a viewer's save is refused with a message naming the role.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" --village "Khu phố Liêm Định" >/dev/null
printf 'full_name,birth_date,sex,village\nHà Thị Mỹ Duyên,03/04/2016,nu,Khu phố Lý Tây\nLò Văn Páo,05/06/2017,nam,Khu phố Liêm Định\n' \
    >"$E2E_DIR/a.csv"
"$TREEM_BIN" --db "$E2E_DB" import children "$E2E_DIR/a.csv" >/dev/null
TREEM_PASSWORD='mật khẩu cán bộ' "$TREEM_BIN" --db "$E2E_DB" user add hong --role officer >/dev/null
export TREEM_USER=hong TREEM_PASSWORD='mật khẩu cán bộ'
TREEM_NEW_PASSWORD='mật khẩu ctv 1' "$TREEM_BIN" --db "$E2E_DB" user add ctv --role collaborator \
    --villages "Khu phố Lý Tây" >/dev/null
TREEM_NEW_PASSWORD='mật khẩu xem 1' "$TREEM_BIN" --db "$E2E_DB" user add xem --role viewer >/dev/null
unset TREEM_USER TREEM_PASSWORD
export TREEM_LOCK_SECONDS=3

start
wait_for "Đăng nhập: gõ tên đăng nhập và mật khẩu"
keys 2 F9
expect_no "Trẻ em dưới 16 tuổi"
ok "the sign-in screen comes first and the menu does not pass it"
keys BSpace
type_text "hong"
keys Tab
type_text "sai mật khẩu"
keys Enter
wait_for "sai tên đăng nhập hoặc mật khẩu (còn 4 lần thử"
expect_no "sai mật khẩu"
ok "a wrong password is refused, the tries left shown, the password never shown"
type_text "mật khẩu cán bộ"
keys Enter
wait_for "Đã đăng nhập: hong."
keys 2
wait_for "Lò Văn Páo"
ok "the right password opens the program"
wait_async "Đã khóa vì lâu không dùng. hong, hãy gõ mật khẩu"  # the lock comes by itself
expect_no "Lò Văn Páo"
keys 3
expect_no "Vụ việc đang mở"
type_text "x"
keys Enter
wait_for "sai tên đăng nhập hoặc mật khẩu"
type_text "mật khẩu cán bộ"
keys Enter
wait_for "Lò Văn Páo"
ok "the idle lock hides the screen until the same person's password"
keys F10
wait_for "[treem exited] 0"

unset TREEM_LOCK_SECONDS
start
wait_for "Đăng nhập: gõ tên đăng nhập và mật khẩu"
type_text "ctv"
keys Tab
type_text "mật khẩu ctv 1"
keys Enter
wait_for "Đã đăng nhập: ctv."
keys 2
wait_for "Hà Thị Mỹ Duyên"
expect_no "Lò Văn Páo"
ok "a collaborator's Trẻ em lists only their village"
keys F10
wait_for "[treem exited] 0"

start
wait_for "Đăng nhập: gõ tên đăng nhập và mật khẩu"
type_text "xem"
keys Tab
type_text "mật khẩu xem 1"
keys Enter
wait_for "Đã đăng nhập: xem."
keys 2
wait_for "Lò Văn Páo"
keys F3
wait_for "Trẻ mới"
type_text "Vũ Văn Xem"
keys Tab
type_text "02/09/2016"
keys F2
wait_for "vai trò Người xem không được làm việc này"
ok "a viewer's save is refused, naming the role"
done_testing
