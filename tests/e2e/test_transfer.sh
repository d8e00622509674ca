#!/bin/sh
# Nhập/Xuất: browse to a CSV file, see the dry-run summary with what each
# row would do, confirm, find the children in Trẻ em; a bad file shows its
# first error, the error file written beside it (full path) and imports
# nothing, or only its good rows when asked; export a list (all eight
# kinds offered) to a typed file name, "~/…" and .xlsx included, told in
# full where it went; make a hand-off package.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" >/dev/null
mkdir -p "$E2E_DIR/tep"
printf '\357\273\277Họ và tên,Ngày sinh,Giới tính,Thôn\r\nHà Thị Mỹ Duyên,03/04/2016,Nữ,Khu phố Lý Tây\r\nLò Văn Páo,05/06/2017,Nam,Khu phố Lý Tây\r\n' \
    >"$E2E_DIR/tep/tre-em.csv"
printf 'full_name,birth_date\nVũ Văn Lỗi,31/02/2015\n' >"$E2E_DIR/tep/loi.csv"
printf 'Họ và tên,Ngày sinh\nVũ Văn Tốt,01/02/2015\nVũ Văn Sai,31/02/2015\n' >"$E2E_DIR/tep/nua.csv"
# "Họ và tên,Ngày sinh / Nguyễn Văn Đức" typed in the TCVN3 font (ABC)
printf 'H\344 v\265 t\252n,Ng\265y sinh\r\nNguy\324n V\250n \247\370c,01/02/2015\r\n' >"$E2E_DIR/tep/z-tcvn3.csv"
cd "$E2E_DIR"

start
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
keys 8
on_screen "Import/Export"
wait_for "Nhập tệp CSV, sổ tính .xlsx hoặc gói bàn giao"
ok "the Nhập/Xuất tab lists import, export and hand-off"
keys Enter
on_screen "Import a file"
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
wait_for "Mọi lỗi được ghi trong $E2E_DIR/tep/loi-loi.csv"
[ -f "$E2E_DIR/tep/loi-loi.csv" ] || fail "no error file"
ok "the error file is written beside the file, its full path shown"
keys Escape
wait_for "nua.csv"
keys Down Enter
wait_for "dòng 3, Ngày sinh:"
ok "an error names the column as the file named it"
wait_for "F2 để chỉ nhập 1 dòng đúng"
keys F2
wait_for "Chỉ nhập 1 dòng đúng và bỏ qua 1 dòng lỗi?"
keys Right Enter
wait_for "Đã nhập: thêm 1, sửa 0, không đổi 0; bỏ qua 1 dòng lỗi."
ok "only the good rows can be imported"
keys Down Enter
wait_for "2 dòng: thêm 2"
wait_for "Không có lỗi: F2 để nhập tệp"
ok "the dry run summary says what would be added"
wait_for "dòng 2: trẻ mới: Hà Thị Mỹ Duyên"
wait_for "dòng 3: trẻ mới: Lò Văn Páo"
ok "the summary previews each row"
wait_for "Tệp: UTF-8, dấu phân cách ','"
ok "the summary says how the file was read"
keys F2
on_screen "Confirm"
wait_for "Nhập tệp này vào sổ?"
keys Right Enter
on_screen "Import a file"
wait_for "Đã nhập: thêm 2"
ok "confirming imports the file"
keys 2
on_screen "Children"
wait_for "Hà Thị Mỹ Duyên"
wait_for "Lò Văn Páo"
ok "the imported children are in Trẻ em"

keys 8
on_screen "Import/Export"
wait_for "Nhập tệp CSV, sổ tính .xlsx hoặc gói bàn giao"
keys Down Enter
wait_for "Tên tệp"
type_text "xuat.csv"
keys F2
wait_for "Đã ghi 3 dòng vào $E2E_DIR/xuat.csv."
[ -f "$E2E_DIR/xuat.csv" ] || fail "no exported file"
grep -q "Lò Văn Páo" "$E2E_DIR/xuat.csv" || fail "the export lacks a child"
ok "export writes the typed file and says where in full"
keys Enter
wait_for "Tên tệp"
keys Up Left
wait_for "giá trị tự đánh giá"
ok "all eight kinds can be exported"
keys Right Down
type_text "~/tre-em.xlsx"
keys F2
wait_for "Đã ghi 3 dòng vào $E2E_DIR/tre-em.xlsx."
[ -f "$E2E_DIR/tre-em.xlsx" ] || fail "no workbook in the home folder"
"$TREEM_BIN" --db "$E2E_DIR/x.db" init --commune 21934 >/dev/null
"$TREEM_BIN" --db "$E2E_DIR/x.db" import children "$E2E_DIR/tre-em.xlsx" | grep -q "^thêm: 3$" ||
    fail "the workbook does not import"
ok "export expands ~ and writes a workbook"
keys Down Enter
wait_for "Thư mục"
type_text "goi"
keys F2
wait_for "Đã ghi gói bàn giao vào $E2E_DIR/goi (đã ẩn danh)."
[ -f "$E2E_DIR/goi/manifest.txt" ] || fail "no manifest"
ok "the hand-off package is written"

keys Up Up Enter
wait_for "tep/"
keys Down Down Down Enter   # .. backups/ goi/ tep/
wait_for "z-tcvn3.csv"
keys PgDn Enter
wait_for "tên được chuyển từ bảng mã TCVN3"
wait_for "dòng 2: trẻ mới: Nguyễn Văn Đức"
ok "a file in the TCVN3 font is read as Vietnamese"
wait_for "Tên bị lỗi phông?"
type_text "v"
wait_for "tên được chuyển từ bảng mã VNI"
expect_no "Nguyễn Văn Đức"
type_text "t"
wait_for "dòng 2: trẻ mới: Nguyễn Văn Đức"
keys F2
wait_for "Nhập tệp này vào sổ?"
keys Right Enter
wait_for "Đã nhập: thêm 1"
ok "the officer can choose how the names are read"
done_testing
