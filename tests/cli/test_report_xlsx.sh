#!/bin/sh
# test_report_xlsx — `treem report --xlsx`: the workbook is a sound zip
# (unzip -t), written 0600, holds four native charts, and its cells read back
# (the sheet XML through its shared strings) give the same numbers as the
# CSV, row by row; LibreOffice, when installed, converts it back to CSV with
# the same figures. At the level above, the consolidated workbook has one
# column per commune.
. "$(dirname "$0")/../lib.sh"
need_treem
command -v unzip >/dev/null || skip_all "unzip is not installed"
today "2026-03-16 09:00"
expect_rc 0 "$TREEM" --db "$T/demo.db" demo
expect_rc 0 "$TREEM" --db "$T/demo.db" report --half 2026 --csv "$T/r.csv" --xlsx "$T/r.xlsx"
expect_grep "written to $T/r.xlsx" "$OUT"
expect_rc 0 unzip -t "$T/r.xlsx"
expect_grep "No errors detected" "$OUT"
check "the workbook is private (0600)" test "$(file_mode "$T/r.xlsx")" = 600
expect_rc 0 unzip -l "$T/r.xlsx"
check "four native charts" test "$(grep -c 'xl/charts/chart[0-9]*.xml' "$OUT")" -eq 4

# Read the first sheet's cells back and compare every numeric cell with the CSV.
cat >"$T/read.py" <<'PY'
import csv, re, sys, zipfile
from xml.etree import ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
strings = [si.findtext(".//m:t", "", NS) if si.find("m:t", NS) is not None
           else "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
rows = {}
for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter("{%s}c" % NS["m"]):
    ref = c.get("r"); col = ord(re.match(r"[A-Z]+", ref).group()) - 65
    row = int(re.search(r"\d+", ref).group())
    v = c.findtext("m:v", None, NS)
    if v is None:
        continue
    rows.setdefault(row, {})[col] = strings[int(v)] if c.get("t") == "s" else v
by_code = {r[0]: r for r in rows.values() if r.get(0)}
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    lines = list(csv.reader(f))
bad = checked = 0
for line in lines[1:]:
    if not line[0] or line[0] not in by_code:
        continue
    got = by_code[line[0]]
    for k in range(2, 8):
        if line[k]:
            checked += 1
            want = float(line[k]); have = float(got.get(k, "nan"))
            if want != have:
                bad += 1
                print("differs:", line[0], k, line[k], got.get(k))
print("checked", checked, "bad", bad)
sys.exit(1 if bad or checked < 100 else 0)
PY
expect_rc 0 python3 "$T/read.py" "$T/r.xlsx" "$T/r.csv"
expect_grep "checked [0-9]+ bad 0" "$OUT"
expect_rc 0 unzip -p "$T/r.xlsx" xl/sharedStrings.xml
expect_grep "Children under 16 on 16/03/2026" "$OUT"
expect_no_grep "Trần Văn|0905" "$OUT"

SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -n "$SOFFICE" ]; then
    export HOME="$T"   # a private LibreOffice profile
    expect_rc 0 timeout 180 "$SOFFICE" --headless --norestore \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$T/lo" "$T/r.xlsx"
    te01=$(grep '^TE01,' "$T/r.csv" | cut -d, -f3)
    expect_grep "^\"?TE01\"?,\"?Children under 16 on 16/03/2026\"?,$te01," "$T/lo/r.csv"
else
    pass "LibreOffice is not installed: the XML read-back above stands"
fi

# the level above: one more column per commune
expect_rc 0 "$TREEM" --db "$T/demo.db" handoff --out "$T/pkg"
expect_rc 0 "$TREEM" --db "$T/p.db" init --province 91
expect_rc 0 "$TREEM" --db "$T/p.db" receive "$T/pkg"
expect_rc 0 "$TREEM" --db "$T/p.db" report --half 2026 --xlsx "$T/sum.xlsx"
expect_rc 0 unzip -t "$T/sum.xlsx"
expect_rc 0 unzip -p "$T/sum.xlsx" xl/sharedStrings.xml
expect_grep "Phường Thới Sơn" "$OUT"
expect_grep "consolidated over the communes" "$OUT"
