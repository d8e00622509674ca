#!/bin/sh
# Nhập/Xuất: browse to a CSV file, see the dry-run summary, confirm, find
# the children in Trẻ em; a bad file shows its first error and imports
# nothing; export a list to a typed file name; make a hand-off package.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" >/dev/null
mkdir -p "$E2E_DIR/tep"
printf '\357\273\277Họ và tên,Ngày sinh,Giới tính,Thôn\r\nHà Thị Mỹ Duyên,03/04/2016,Nữ,Khu phố Lý Tây\r\nLò Văn Páo,05/06/2017,Nam,Khu phố Lý Tây\r\n' \
    >"$E2E_DIR/tep/tre-em.csv"
printf 'full_name,birth_date\nVũ Văn Lỗi,31/02/2015\n' >"$E2E_DIR/tep/loi.csv"
cd "$E2E_DIR"

start
wait_for "Trẻ em dưới 16 tuổi"
keys 8
wait_for "Nhập tệp CSV hoặc gói bàn giao"
ok "the Nhập/Xuất tab lists import, export and hand-off"
keys Enter
wait_for "tep/"
keys Down Enter
wait_for "tre-em.csv"
wait_for "loi.csv"
ok "the browser shows the folder's .csv files"
keys Down
keys Enter
wait_for "ngày sinh"
expect_no "Không có lỗi"
ok "a bad file shows its first error"
keys Escape
wait_for "tre-em.csv"
keys Down Enter
wait_for "2 dòng: thêm 2"
wait_for "Không có lỗi: F2 để nhập tệp"
ok "the dry run summary says what would be added"
keys F2
wait_for "Nhập tệp này vào sổ?"
keys Right Enter
wait_for "Đã nhập: thêm 2"
ok "confirming imports the file"
keys 2
wait_for "Hà Thị Mỹ Duyên"
wait_for "Lò Văn Páo"
ok "the imported children are in Trẻ em"

keys 8
wait_for "Nhập tệp CSV hoặc gói bàn giao"
keys Down Enter
wait_for "Tên tệp"
type_text "xuat.csv"
keys F2
wait_for "Đã ghi 2 dòng vào xuat.csv"
[ -f "$E2E_DIR/xuat.csv" ] || fail "no exported file"
grep -q "Lò Văn Páo" "$E2E_DIR/xuat.csv" || fail "the export lacks a child"
ok "export writes the typed file"
keys Down Enter
wait_for "Thư mục"
type_text "goi"
keys F2
wait_for "Đã ghi gói bàn giao vào goi"
[ -f "$E2E_DIR/goi/manifest.txt" ] || fail "no manifest"
ok "the hand-off package is written"
done_testing
