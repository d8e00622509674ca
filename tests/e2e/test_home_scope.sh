#!/bin/sh
# A village collaborator sees only their villages, everywhere (issue 14):
# their home screen counts the children of their villages and the cases they
# recorded, and says so ("(thôn của bạn)"); the officer's counts the whole
# commune. The commune-wide Báo cáo and Tiêu chí are refused to the
# collaborator with a message naming the role.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" --village "Khu phố Liêm Định" >/dev/null
printf '%s\n' 'full_name,birth_date,sex,village' 'Hà Thị Mỹ Duyên,03/04/2016,nu,Khu phố Lý Tây' \
    'Lò Văn Páo,05/06/2017,nam,Khu phố Liêm Định' 'Lò Thị Mai,05/06/2018,nu,Khu phố Liêm Định' \
    'Vũ Văn Nam,01/02/2019,nam,Khu phố Liêm Định' >"$E2E_DIR/a.csv"
"$TREEM_BIN" --db "$E2E_DB" import children "$E2E_DIR/a.csv" >/dev/null
TREEM_PASSWORD='mật khẩu cán bộ' "$TREEM_BIN" --db "$E2E_DB" user add hong --role officer >/dev/null
TREEM_USER=hong TREEM_PASSWORD='mật khẩu cán bộ' TREEM_NEW_PASSWORD='mật khẩu ctv 1' \
    "$TREEM_BIN" --db "$E2E_DB" user add ctv --role collaborator --villages "Khu phố Lý Tây" >/dev/null

# figure LABEL VALUE [NOTE] — the home line LABEL shows VALUE (and NOTE).
figure() {
    screen | grep -qE -- "$1 +$2( +.*)?\$" || fail "home: '$1' is not $2 ${3:-}"
    if [ -n "${3:-}" ]; then screen | grep -E -- "$1 +$2 +" | grep -qF -- "$3" || fail "home: '$1' lacks '$3'"; fi
}

sign_in() {
    start
    wait_for "Đăng nhập: gõ tên đăng nhập và mật khẩu"
    type_text "$1"
    keys Tab
    type_text "$2"
    keys Enter
    wait_for "Đã đăng nhập: $1."
    on_screen Home
}

sign_in hong 'mật khẩu cán bộ'
figure 'Trẻ em dưới 16 tuổi' 4
figure 'Thôn/tổ dân phố' 2
expect_no "(thôn của bạn)"
ok "the officer's home counts the whole commune"
keys F10
wait_for "[treem exited] 0"

sign_in ctv 'mật khẩu ctv 1'
figure 'Trẻ em dưới 16 tuổi' 1 '(thôn của bạn)'
figure 'Thôn/tổ dân phố' 1 '(thôn của bạn)'
figure 'Vụ việc đang xử lý' 0 '(vụ việc bạn ghi nhận)'
figure 'Điểm tiêu chí năm nay' '—' '(cả xã: việc của cán bộ)'
ok "a collaborator's home counts only their village, and says so"
keys 7
on_screen Reports
wait_for "báo cáo của xã: vai trò Cộng tác viên thôn không được làm việc này"
ok "the commune's report is refused to the collaborator, naming the role"
keys 6
on_screen Criteria
wait_for "bảng chấm điểm tiêu chí: vai trò Cộng tác viên thôn không được"
ok "the score sheet is refused to the collaborator, naming the role"
keys F10
wait_for "[treem exited] 0"
done_testing
