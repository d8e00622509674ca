#!/bin/sh
# Nhập/Xuất offers sealed packages both ways: the hand-off form with a
# passphrase (shown as stars) writes one .treem file holding no plaintext
# name; another commune's treem lists it as a sealed package, asks the
# passphrase, refuses a wrong one (nothing imported) and imports with the
# right one.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" >/dev/null
printf 'full_name,birth_date,sex,village\nHà Thị Mỹ Duyên,03/04/2016,nu,Khu phố Lý Tây\n' >"$E2E_DIR/a.csv"
"$TREEM_BIN" --db "$E2E_DB" import children "$E2E_DIR/a.csv" >/dev/null
rm "$E2E_DIR/a.csv"
cd "$E2E_DIR"

start
wait_for "Trẻ em dưới 16 tuổi"
keys 8
wait_for "Nhập tệp CSV, sổ tính .xlsx hoặc gói bàn giao"
keys Down Down Enter
wait_for "Niêm phong bằng mật khẩu"
type_text "goi"
keys Tab Tab
type_text "ngắn"
keys F2
wait_for "mật khẩu: ít nhất 8 ký tự"
keys BSpace BSpace BSpace BSpace
type_text "mật khẩu dài"
wait_for "************"
expect_no "mật khẩu dài"
ok "the passphrase shows as stars; a short one is refused at the field"
keys F2
wait_for "Đã niêm phong gói bàn giao bằng mật khẩu vào"  # then the full path, cut at the edge
[ -f "$E2E_DIR/goi.treem" ] || fail "no sealed file"
if grep -aq "Duyên" "$E2E_DIR/goi.treem"; then fail "a plaintext name in the sealed file"; fi
ok "the sealed package is one file without plaintext names"
keys F10
wait_for "[treem exited] 0"

E2E_DB="$E2E_DIR/tren.db"
"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Trần Văn Trên" --village "Thôn 1"  # the same commune's other PC >/dev/null
start
wait_for "Trẻ em dưới 16 tuổi"
keys 8
wait_for "Nhập tệp CSV, sổ tính .xlsx hoặc gói bàn giao"
keys Enter
wait_for "goi.treem  [gói bàn giao niêm phong]"
keys Down Down Enter # .., backups/, goi.treem
wait_for "gõ mật khẩu, Enter"
type_text "mật khẩu sai"
keys Enter
wait_for "sai mật khẩu hoặc tệp bị hỏng"
ok "a wrong passphrase is refused"
keys Escape
wait_for "goi.treem  [gói bàn giao niêm phong]"
keys Enter
wait_for "gõ mật khẩu, Enter"
type_text "mật khẩu dài"
keys Enter
wait_for "1 dòng: thêm 1"
keys F2
wait_for "Nhập tệp này vào sổ?"
keys Right Enter
wait_for "Đã nhập: thêm 1"
keys 2
wait_for "Hà Thị Mỹ Duyên"
ok "the right passphrase imports the package"
done_testing
