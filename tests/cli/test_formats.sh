#!/bin/sh
# test_formats — the files spreadsheets save and the sheets people lay out
# import the same rows as a plain CSV: UTF-8 with and without BOM, CRLF,
# Windows-1258 (iconv), "Unicode Text" (UTF-16 with BOM, tabs), Excel's
# sep= line, mixed line ends, title lines, an STT column, empty rows and
# columns, headers with punctuation and case, dates 5/3/2015 and ISO; names
# typed in the legacy fonts TCVN3 and VNI (raw bytes, and wrapped in a
# UTF-8 file), written here with their own conversion tables; a file that
# reads as none of them is refused with nothing imported.
. "$(dirname "$0")/../lib.sh"
need_treem
command -v python3 >/dev/null || skip_all "python3 is not installed"
today 2025-06-30

new_db() { rm -f "$1"; "$TREEM" --db "$1" init --commune 00004 >/dev/null; }

python3 - "$T" <<'PY'
import sys, unicodedata
T = sys.argv[1]
HEAD = ["Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Thôn/Tổ dân phố",
        "Người chăm sóc", "Điện thoại người chăm sóc"]
ROWS = [
    ["Nguyễn Thị Đào", "22/11/2013", "Nữ", "052313769592", "Thôn Một", "Phạm Văn Hùng", "0912345678"],
    ["Trần Văn Đức", "05/03/2015", "Nam", "", "Thôn Một", "Trần Thị Hường", "0987654321"],
    ["Lê Hoàng Yến", "14/09/2020", "Nữ", "", "Thôn Hai", "Lê Quốc Việt", ""],
    ["Phạm Minh Tuấn", "01/01/2018", "Nam", "036015001234", "Thôn Hai", "Phạm Thị Nguyệt", "0356789012"],
    ["Đỗ Thị Ngọc Trâm", "30/06/2012", "Nữ", "", "Thôn Ba", "Đỗ Văn Thắng", "0868123456"],
    ["Hoàng Gia Bảo", "28/02/2016", "Nam", "", "Thôn Ba", "Hoàng Thị Xuân", ""],
    ["Vương Thị Ưng", "09/12/2019", "Nữ", "", "Thôn Ba", "Vương Đình Tưởng", ""],
]
def text(sep=",", eol="\n", head=HEAD, rows=ROWS):
    return "".join(sep.join(r) + eol for r in [head] + rows)
def put(name, data):
    with open(f"{T}/{name}", "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

put("base.csv", text())
put("bom_crlf.csv", "\ufeff" + text(eol="\r\n"))
put("semi_sep.csv", "sep=;\r\n" + text(sep=";", eol="\r\n"))
put("utf16.txt", ("\ufeff" + text(sep="\t", eol="\r\n")).encode("utf-16-le"))
mixed = text().split("\n")
put("mixed_eol.csv", mixed[0] + "\r\n" + mixed[1] + "\n" + mixed[2] + "\r" + "\r\n".join(mixed[3:]))
put("nfd.csv", unicodedata.normalize("NFD", text()))
# a sheet as a person lays it out
lay = ["DANH SÁCH TRẺ EM DƯỚI 16 TUỔI,,,,,,,,", "Xã An Nhơn Đông - năm 2025,,,,,,,,", ",,,,,,,,",
       "STT,HỌ VÀ TÊN (*),,Ngày sinh (dd/mm/yyyy),giới-tính,Số định danh cá nhân:,THÔN,"
       "người chăm sóc,Điện thoại  người chăm sóc.",
       "(1),(2),,(3),(4),(5),(6),(7),(8)"]
for i, r in enumerate(ROWS):
    d, m, y = r[1].split("/")
    date = [r[1], f"{int(d)}/{int(m)}/{y}", f"{y}-{m}-{d}"][i % 3]
    lay.append(",".join([str(i + 1), r[0], "", date] + r[2:]))
    if i == 2:
        lay.append(",,,,,,,,")
put("layout.csv", "\r\n".join(lay) + "\r\n")

# TCVN3 (ABC, .VnTime): one byte a letter
TCVN3 = dict(zip("ĂÂÊÔƠƯĐăâêôơưđ", range(0xA1, 0xAF)))
TCVN3.update(zip("àảãáạ", range(0xB5, 0xBA)))
TCVN3.update(zip("ằẳẵắ", range(0xBB, 0xBF)))
TCVN3.update(zip("ặầẩẫấậèẻẽéẹềểễếệìỉ", [0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1,
                                          0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8]))
TCVN3.update(zip("ĩíịòỏõóọồổỗốộờởỡớợù", [0xDC, 0xDD, 0xDE, 0xDF] + list(range(0xE1, 0xF0))))
TCVN3.update(zip("ủũúụừửữứựỳỷỹýỵ", range(0xF1, 0x100)))
def tcvn3(s):
    # TCVN3 has no capitals with a tone: people typed the small letter
    return bytes(TCVN3[c] if c in TCVN3 else TCVN3.get(c.lower(), ord(c)) for c in s)

# VNI Windows: a base letter and a byte for its marks
TONE = {"\u0300": 0xF8, "\u0301": 0xF9, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
CIRC = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
BREVE = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}
OWN = {"ơ": 0xF4, "ư": 0xF6, "đ": 0xF1, "í": 0xED, "ì": 0xEC, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2, "ỵ": 0xEE}
def vni_char(c):
    if ord(c) < 0x80:
        return bytes([ord(c)])
    up = c != c.lower()
    low = c.lower()
    sub = 0x20 if up else 0
    if low in OWN:
        return bytes([OWN[low] - sub])
    parts = unicodedata.normalize("NFD", low)
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in TONE), None)
    if "\u031b" in marks:           # horn: ơ ư, then the tone
        out = [OWN["ơ" if base == "o" else "ư"] - sub]
        return bytes(out + ([TONE[tone] - sub] if tone else []))
    out = [ord(base.upper() if up else base)]
    if "\u0302" in marks:
        out.append(CIRC[tone] - sub)
    elif "\u0306" in marks:
        out.append(BREVE[tone] - sub)
    elif tone:
        out.append(TONE[tone] - sub)
    return bytes(out)
def vni(s):
    return b"".join(vni_char(c) for c in s)

plain = text()
put("tcvn3.csv", tcvn3(plain))
put("tcvn3_in_utf8.csv", "\ufeff" + tcvn3(plain).decode("cp1252"))
put("vni.csv", vni(plain))
put("vni_in_utf8.csv", vni(plain).decode("cp1252"))
# the names a TCVN3 file gives back: small letters where a capital had a tone
def untoned_capitals(s):
    return "".join(c.lower() if c not in TCVN3 and c.lower() in TCVN3 else c for c in s)
put("tcvn3_want.csv", untoned_capitals(plain))
# reads as nothing: ÿ is no Vietnamese letter; in TCVN3 "NgỐỵý"
put("garbage.csv", b"full_name,birth_date\nNg\xff\xfe\xfdn,01/01/2015\nL\xff\xfe,02/02/2016\n")
PY

# the rows of a database, as exported, without identifiers and stamps
rows_of() {
    "$TREEM" --db "$1" export children "$T/out.csv" --force >/dev/null
    python3 - "$T/out.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    keep = ["full_name", "birth_date", "sex", "personal_id", "village", "carer_name", "carer_phone"]
    for r in sorted(csv.DictReader(f), key=lambda r: r["full_name"]):
        print("|".join(r[k] for k in keep))
PY
}

new_db "$T/base.db"
expect_rc 0 "$TREEM" --db "$T/base.db" import children "$T/base.csv"
expect_grep '^added: 7$' "$OUT"
rows_of "$T/base.db" >"$T/base.rows"
check "the plain file gives 7 rows" test "$(wc -l <"$T/base.rows")" -eq 7

same_rows() { # FILE WANT-ROWS [import options]
    sr_file=$1 sr_want=$2
    shift 2
    new_db "$T/f.db"
    expect_rc 0 "$TREEM" --db "$T/f.db" import children "$T/$sr_file" "$@"
    if [ -s "$ERR" ]; then show "$ERR"; fi
    rows_of "$T/f.db" >"$T/f.rows"
    if cmp -s "$sr_want" "$T/f.rows"; then pass "$sr_file imports the same rows"; else
        fail "$sr_file imports the same rows"; diff "$sr_want" "$T/f.rows" | head -6; fi
}

same_rows bom_crlf.csv "$T/base.rows"
same_rows semi_sep.csv "$T/base.rows"
expect_grep "separator ';'" "$OUT"
same_rows utf16.txt "$T/base.rows"
expect_grep "UTF-16LE, separator '\\\\t'" "$OUT"
same_rows mixed_eol.csv "$T/base.rows"
same_rows nfd.csv "$T/base.rows"
same_rows layout.csv "$T/base.rows"
expect_grep '^notes: ' "$OUT"
iconv -f UTF-8 -t CP1258 "$T/base.csv" >"$T/cp1258.csv"
same_rows cp1258.csv "$T/base.rows"
expect_grep 'Windows-1258' "$OUT"

new_db "$T/w.db"
expect_rc 0 "$TREEM" --db "$T/w.db" import children "$T/tcvn3_want.csv"
rows_of "$T/w.db" >"$T/tcvn3.rows"
same_rows tcvn3.csv "$T/tcvn3.rows"
expect_grep 'TCVN3' "$OUT"
same_rows tcvn3_in_utf8.csv "$T/tcvn3.rows"
expect_grep 'TCVN3' "$OUT"
same_rows tcvn3.csv "$T/tcvn3.rows" --encoding tcvn3
same_rows vni.csv "$T/base.rows"
expect_grep 'VNI' "$OUT"
same_rows vni_in_utf8.csv "$T/base.rows"
expect_grep 'VNI' "$OUT"

# undecidable: refused, naming what was tried, nothing imported
new_db "$T/g.db"
expect_rc 1 "$TREEM" --db "$T/g.db" import children "$T/garbage.csv"
expect_grep 'TCVN3 and VNI' "$ERR"
check "nothing imported from the undecidable file" test "$("$TREEM" --db "$T/g.db" child list --all | wc -l)" -eq 0
expect_rc 2 "$TREEM" --db "$T/g.db" import children "$T/base.csv" --encoding latin9
expect_grep 'tcvn3, vni, cp1258, utf-8' "$ERR"
# forcing UTF-8 on a file that is not
expect_rc 1 "$TREEM" --db "$T/g.db" import children "$T/cp1258.csv" --encoding utf-8

# workbooks and files for people: every kind exported to .xlsx (Vietnamese
# headers, labels, dates as dates) and as a CSV for people imports back
# into the same register with nothing changed; into a fresh one, the same
# rows as the CSV for machines
expect_rc 0 "$TREEM" --db "$T/demo.db" demo
for k in children periods plans targets tasks cases case_steps assessments; do
    expect_rc 0 "$TREEM" --db "$T/demo.db" export $k "$T/$k.xlsx"
    check "$k.xlsx is 0600" test "$(stat -c %a "$T/$k.xlsx")" = 600
    expect_rc 0 "$TREEM" --db "$T/demo.db" import $k "$T/$k.xlsx"
    expect_grep '^added: 0$' "$OUT"
    expect_grep '^changed: 0$' "$OUT"
done
python3 - "$T/children.xlsx" >"$T/xlsx.cells" <<'PY'
import re, sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
rows = re.findall(r"<row .*?</row>", s)
print(" ".join(re.findall(r"<t>([^<]*)</t>", rows[0])[2:4]))
print(sum(1 for r in rows[1:] if re.search(r'<c r="D\d+" s="\d+"><v>\d+</v>', r)))
print(" ".join(sorted(set(re.findall(r"<t>(Nữ|Nam|Tiểu học)</t>", s)))))
PY
expect_grep '^Họ và tên Ngày sinh$' "$T/xlsx.cells"
check "birth dates are dates in the workbook" test "$(sed -n 2p "$T/xlsx.cells")" -gt 300
expect_grep '^Nam Nữ Tiểu học$' "$T/xlsx.cells"
expect_rc 0 "$TREEM" --db "$T/demo.db" export children "$T/people.csv" --people
expect_grep '^.?.?.?Mã định danh,Mã trẻ,Họ và tên' "$T/people.csv"
expect_grep ',Nữ,' "$T/people.csv"
expect_rc 0 "$TREEM" --db "$T/demo.db" import children "$T/people.csv"
expect_grep '^unchanged: 400$' "$OUT"
expect_rc 0 "$TREEM" --db "$T/demo.db" export children "$T/codes.xlsx" --codes
expect_rc 0 "$TREEM" --db "$T/demo.db" export children "$T/codes.csv"
rm -f "$T/x1.db" "$T/x2.db"
"$TREEM" --db "$T/x1.db" init --commune 21934 >/dev/null
"$TREEM" --db "$T/x2.db" init --commune 21934 >/dev/null
expect_rc 0 "$TREEM" --db "$T/x1.db" import children "$T/children.xlsx"
expect_grep 'workbook, sheet "' "$OUT"
expect_rc 0 "$TREEM" --db "$T/x2.db" import children "$T/codes.csv"
rows_of "$T/x1.db" >"$T/x1.rows"
rows_of "$T/x2.db" >"$T/x2.rows"
check "the workbook for people imports the same rows as the CSV for machines" cmp -s "$T/x1.rows" "$T/x2.rows"
check "the rows are all there" test "$(wc -l <"$T/x1.rows")" -eq 400
expect_rc 1 "$TREEM" --db "$T/x1.db" import children "$T/children.xlsx" --sheet nope
expect_grep 'no sheet "nope"' "$ERR"
printf 'not a zip' >"$T/fake.xlsx"
expect_rc 1 "$TREEM" --db "$T/x1.db" import children "$T/fake.xlsx"
expect_grep 'not an .xlsx workbook' "$ERR"

# aged 16 and over in a file: recorded apart, a note per row, not an error
rm -f "$T/o.db"
"$TREEM" --db "$T/o.db" init --commune 00004 >/dev/null
printf 'Họ và tên,Ngày sinh\nNguyễn Văn Lớn,01/01/2008\nTrần Thị Nhỏ,01/01/2015\n' >"$T/old.csv"
expect_rc 0 "$TREEM" --db "$T/o.db" import children "$T/old.csv" --errors "$T/old.err"
expect_grep '^added: 2$' "$OUT"
expect_grep 'aged 17: recorded apart' "$T/old.err"
expect_rc 0 "$TREEM" --db "$T/o.db" child list
expect_no_grep 'Nguyễn Văn Lớn' "$OUT"
expect_rc 0 "$TREEM" --db "$T/o.db" child list --over16
expect_grep 'Nguyễn Văn Lớn' "$OUT"

# refusals name the line and the column as the file named it: in a laid-out
# sheet (title lines counted), in UTF-16 and in a workbook (its row number)
sed 's|^3,Lê Hoàng Yến,,2020-09-14|3,Lê Hoàng Yến,,31/02/2020|' "$T/layout.csv" >"$T/layout_bad.csv"
new_db "$T/r.db"
expect_rc 1 "$TREEM" --db "$T/r.db" import children "$T/layout_bad.csv"
expect_grep '^  line 8, Ngày sinh \(dd/mm/yyyy\): ' "$ERR"
check "nothing imported from the bad layout" test "$("$TREEM" --db "$T/r.db" child list --all | wc -l)" -eq 0
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read().replace("14/09/2020", "31/09/2020")
open(sys.argv[2], "wb").write(("\ufeff" + t.replace(",", "\t")).encode("utf-16-le"))' "$T/base.csv" "$T/bad16.txt"
expect_rc 1 "$TREEM" --db "$T/r.db" import children "$T/bad16.txt"
expect_grep '^  line 4, Ngày sinh: ' "$ERR"
# a minimal hand-made workbook (no shared strings, no styles, a prefixed
# namespace, rows 1, 3 and 4 of the sheet): row 4 has a bad date
python3 - "$T/bad.xlsx" <<'PY'
import sys, zipfile
ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
def row(n, cells):
    return f'<x:row r="{n}">' + "".join(
        f'<x:c r="{chr(65 + i)}{n}" t="inlineStr"><x:is><x:t>{v}</x:t></x:is></x:c>' for i, v in enumerate(cells)) + "</x:row>"
sheet = (f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet {ns}><x:sheetData>'
         + row(1, ["Họ và tên", "Ngày sinh"]) + row(3, ["An", "01/01/2015"]) + row(4, ["Bình", "31/02/2015"])
         + '<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>Chi</x:t></x:is></x:c>'
         + '<x:c r="B5" t="d"><x:v>2016-04-03T00:00:00</x:v></x:c></x:row>'
         + "</x:sheetData></x:worksheet>")
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><x:workbook {ns} {rel}><x:sheets>'
               '<x:sheet name="Danh sách" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
               'openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="x" '
               'Target="/xl/worksheets/trang.xml"/></Relationships>')
    z.writestr("xl/worksheets/trang.xml", sheet)
PY
expect_rc 1 "$TREEM" --db "$T/r.db" import children "$T/bad.xlsx"
expect_grep '^  line 4, Ngày sinh: ' "$ERR"
expect_rc 0 "$TREEM" --db "$T/r.db" import children "$T/bad.xlsx" --skip-bad-rows
expect_grep '^added: 2$' "$OUT"
expect_grep 'sheet "Danh sách"' "$OUT"
expect_rc 0 "$TREEM" --db "$T/r.db" child list --all
expect_grep 'Chi.*03/04/2016' "$OUT"
