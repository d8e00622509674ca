#!/bin/sh
# test_libreoffice — a real client test: an exported register opened by
# LibreOffice Calc (headless soffice: CSV → xlsx → CSV) keeps every
# Vietnamese name intact. SKIPs (77) when soffice is not installed
# (apt-get install libreoffice-calc-nogui).
. "$(dirname "$0")/../lib.sh"
need_treem
SOFFICE=$(command -v soffice || command -v libreoffice || true)
[ -n "$SOFFICE" ] || skip_all "soffice (LibreOffice) is not installed"
TREEM_TODAY=2025-06-30
export TREEM_TODAY
expect_rc 0 "$TREEM" --db "$T/demo.db" demo
expect_rc 0 "$TREEM" --db "$T/demo.db" export children "$T/tre-em.csv"
export HOME="$T"   # a private LibreOffice profile
# 44 = ',', 34 = '"', 76 = UTF-8, 1 = first line
expect_rc 0 timeout 180 "$SOFFICE" --headless --norestore --infilter=CSV:44,34,76,1 \
    --convert-to xlsx --outdir "$T/x" "$T/tre-em.csv"
check "LibreOffice wrote an xlsx" test -s "$T/x/tre-em.xlsx"
expect_rc 0 timeout 180 "$SOFFICE" --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$T/back" "$T/x/tre-em.xlsx"
check "LibreOffice wrote the CSV back" test -s "$T/back/tre-em.csv"
python3 - "$T/tre-em.csv" "$T/back/tre-em.csv" >"$T/diff" <<'PY'
import csv, sys
def names(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r["full_name"] for r in csv.DictReader(f)]
a, b = names(sys.argv[1]), names(sys.argv[2])
missing = [n for n in a if n not in set(b)]
print(len(a), len(b), len(missing))
for n in missing[:5]:
    print("missing:", n)
PY
read -r n_out n_back n_missing <"$T/diff"
check "all $n_out names came back ($n_back rows, $n_missing missing)" test "$n_missing" -eq 0 -a "$n_out" -eq 400
