#!/bin/sh
# test_transfer — `treem export`, `treem import` and `treem handoff` with
# dirty files: BOM, CRLF, semicolons, Windows-1258 bytes, NFD names, quotes
# and newlines in notes, an unbalanced quote, extra and missing columns, a
# bad date on line 5000 of 10000 (database unchanged), duplicate
# identifiers, a formula-like name; round trips that must give byte-identical
# files, the register generator's files, conflicts, hand-off packages.
. "$(dirname "$0")/../lib.sh"
need_treem
today 2025-06-30
GEN=$TREEM_SRCDIR/tests/bench/gen_children.py

new_db() { rm -f "$1"; "$TREEM" --db "$1" init --commune "${2:-00004}" >/dev/null; }
tr_() { db=$1; shift; "$TREEM" --db "$db" "$@"; }
count() { "$TREEM" --db "$1" child list --all 2>/dev/null | wc -l | tr -d ' '; }
dump() { sqlite3 "$1" .dump | grep -v '^INSERT INTO audit_log' ; }
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1"; diff "$2" "$3" | head -5; fi; }

HDR='full_name,birth_date,sex,village,carer_name,notes'

# --- 1. round trip of the demo: export → import into an empty database → export
expect_rc 0 tr_ "$T/demo.db" demo
expect_rc 0 tr_ "$T/demo.db" score set --year 2025 --indicator 1.1 --value 1 --evidence 'QĐ 12, "phân công"'
expect_rc 0 tr_ "$T/demo.db" score refresh --year 2025
KINDS='children periods plans targets tasks cases case_steps assessments'
for k in $KINDS; do
    expect_rc 0 tr_ "$T/demo.db" export $k "$T/$k.1.csv"
done
check "cases are exported" test "$(wc -l <"$T/cases.1.csv")" -gt 1
check "assessments are exported" test "$(wc -l <"$T/assessments.1.csv")" -gt 1
expect_no_grep 'reporter|consent' "$T/cases.1.csv"
expect_grep '^.?.?.?uid,code,full_name,birth_date' "$T/children.1.csv"
check "export starts with a BOM" sh -c "head -c 3 '$T/children.1.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "export ends records with CRLF" grep -q "$(printf '\r')\$" "$T/children.1.csv"
new_db "$T/rt.db" 21934
for k in $KINDS; do
    expect_rc 0 tr_ "$T/rt.db" import $k "$T/$k.1.csv"
    expect_rc 0 tr_ "$T/rt.db" export $k "$T/$k.2.csv"
    same "round trip of $k is byte-identical" "$T/$k.1.csv" "$T/$k.2.csv"
done
expect_rc 0 tr_ "$T/rt.db" import children "$T/children.1.csv"
expect_grep '^added: 0$' "$OUT"
expect_grep '^unchanged: 400$' "$OUT"
for k in cases case_steps assessments; do
    expect_rc 0 tr_ "$T/rt.db" import $k "$T/$k.1.csv"
    expect_grep '^added: 0$' "$OUT"
done
expect_rc 0 tr_ "$T/rt.db" export children "$T/plain.csv" --plain
check "--plain has no BOM and no CR" sh -c "! grep -q \"\$(printf '\r')\" '$T/plain.csv' && head -c 3 '$T/plain.csv' | grep -q uid"

# --- 2. BOM, CRLF and semicolons; NFD names; quotes and newlines in notes
new_db "$T/d.db"
printf '\357\273\277Họ và tên;Ngày sinh;Giới tính;Thôn;Người chăm sóc;Ghi chú\r\n' >"$T/semi.csv"
printf 'Lò Thị Ơn;01/02/2015;Nữ;Bản Nà;Lò Văn Ún;"nói ""xin chào""; rồi\r\nxuống dòng"\r\n' >>"$T/semi.csv"
expect_rc 0 tr_ "$T/d.db" import children "$T/semi.csv"
expect_grep "separator ';', with BOM" "$OUT"
expect_rc 0 tr_ "$T/d.db" child list --all
expect_grep 'Lò Thị Ơn' "$OUT"
python3 -c 'import unicodedata,sys; sys.stdout.write(unicodedata.normalize("NFD", "full_name,birth_date,village\nNguyễn Văn Đức,03/04/2016,Thôn Một\n"))' >"$T/nfd.csv"
check "the NFD file really is NFD" sh -c "! grep -q 'Nguyễn' '$T/nfd.csv'"
expect_rc 0 tr_ "$T/d.db" import children "$T/nfd.csv"
expect_rc 0 tr_ "$T/d.db" export children "$T/d.csv" --plain
expect_grep 'Nguyễn Văn Đức' "$T/d.csv"
expect_grep 'nói ""xin chào""; rồi' "$T/d.csv"

# --- 3. Windows-1258 bytes (what Excel writes as "CSV" on Vietnamese Windows)
printf '%s\r\n%s\r\n' "$HDR" 'Trần Thị Hồng Nhung,05/06/2014,nu,Thôn Hai,Trần Văn Bình,ghi chú' |
    iconv -f UTF-8 -t CP1258 >"$T/cp1258.csv"
check "the CP1258 file is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$T/cp1258.csv' >/dev/null 2>&1"
expect_rc 0 tr_ "$T/d.db" import children "$T/cp1258.csv"
expect_grep 'Windows-1258' "$OUT"
expect_rc 0 tr_ "$T/d.db" child list --all
expect_grep 'Trần Thị Hồng Nhung' "$OUT"

# --- 4. broken files change nothing
dump "$T/d.db" >"$T/before.sql"
printf '%s\n%s\n%s\n' "$HDR" 'An,01/01/2015,nam,Thôn Một,,"never closed' 'Bình,01/01/2016,nam,Thôn Một,,x' >"$T/quote.csv"
expect_rc 1 tr_ "$T/d.db" import children "$T/quote.csv"
expect_grep 'line 2' "$ERR"
printf 'birth_date,sex\n01/01/2015,nam\n' >"$T/missing.csv"
expect_rc 1 tr_ "$T/d.db" import children "$T/missing.csv"
expect_grep 'full_name' "$ERR"
printf 'full_name,birth_date,favourite_colour\nCầm Văn Khăm,01/01/2015,xanh\n' >"$T/extra.csv"
expect_rc 0 tr_ "$T/d.db" import children "$T/extra.csv" --dry-run
expect_grep '^added: 1$' "$OUT"
printf 'full_name,birth_date\nLê A,01/01/2015,,oops\n' >"$T/long.csv"
expect_rc 1 tr_ "$T/d.db" import children "$T/long.csv"
dump "$T/d.db" >"$T/after.sql"
same "failed imports left the database unchanged" "$T/before.sql" "$T/after.sql"

# --- 5. a bad date on line 5000 of 10000: all or nothing
awk 'BEGIN { print "full_name,birth_date,sex,village";
             for (i = 2; i <= 10000; i++)
                 printf "Trẻ Số %d,%s,nam,Thôn Một\n", i, (i == 5000 ? "31/02/2015" : sprintf("%02d/03/2015", i % 28 + 1)) }' >"$T/big.csv"
expect_rc 1 tr_ "$T/d.db" import children "$T/big.csv" --errors "$T/err.csv"
expect_grep 'line 5000' "$ERR"
expect_grep 'nothing was imported' "$ERR"
expect_grep '^.?.?.?line,column,value,rule,message' "$T/err.csv"
expect_grep '^5000,birth_date,31/02/2015,format,' "$T/err.csv"
dump "$T/d.db" >"$T/after.sql"
same "the bad line 5000 left the database unchanged" "$T/before.sql" "$T/after.sql"
expect_rc 0 tr_ "$T/d.db" import children "$T/big.csv" --dry-run --skip-bad-rows
expect_grep '^added: 9998$' "$OUT"
expect_grep '^bad rows: 1$' "$OUT"
dump "$T/d.db" >"$T/after.sql"
same "--dry-run left the database unchanged" "$T/before.sql" "$T/after.sql"
expect_rc 0 tr_ "$T/d.db" import children "$T/big.csv" --skip-bad-rows
expect_grep '^added: 9998$' "$OUT"

# --- 6. duplicate identifiers within a file
head -2 "$T/children.1.csv" >"$T/dup.csv"
sed -n 2p "$T/children.1.csv" >>"$T/dup.csv"
new_db "$T/e.db" 21934
expect_rc 1 tr_ "$T/e.db" import children "$T/dup.csv" --errors "$T/err.csv"
expect_grep 'already exists \(add --force to replace it\)' "$ERR"
expect_rc 1 tr_ "$T/e.db" import children "$T/dup.csv" --errors "$T/err.csv" --force
expect_grep 'duplicate_id' "$T/err.csv"
expect_grep 'line 3' "$ERR"
printf 'child_id,full_name,date_of_birth\nX1,Hà Văn A,01/01/2015\nX1,Hà Văn B,01/01/2016\n' >"$T/dup2.csv"
expect_rc 1 tr_ "$T/e.db" import children "$T/dup2.csv"
expect_grep 'source_id' "$ERR"

# --- 7. a formula-like name survives the round trip
printf 'full_name,birth_date,notes\n"=HYPERLINK(""http://x"",""Bấm"")",01/01/2015,+1 gọi lại\n' >"$T/formula.csv"
new_db "$T/f.db"
expect_rc 0 tr_ "$T/f.db" import children "$T/formula.csv"
expect_rc 0 tr_ "$T/f.db" export children "$T/f1.csv"
expect_grep "\"'=HYPERLINK" "$T/f1.csv"
expect_grep ",'\\+1 gọi lại," "$T/f1.csv"
new_db "$T/f2.db"
expect_rc 0 tr_ "$T/f2.db" import children "$T/f1.csv"
expect_rc 0 tr_ "$T/f2.db" export children "$T/f2.csv"
same "formula-like cells round trip" "$T/f1.csv" "$T/f2.csv"
expect_rc 0 tr_ "$T/f2.db" child list --all
expect_grep '=HYPERLINK\("http://x","Bấm"\)' "$OUT"

# --- 8. the register generator's files (English headers, its own child_id)
python3 "$GEN" 300 --seed 7 --bom --crlf --sep ';' -o "$T/gen.csv"
new_db "$T/g.db"
expect_rc 0 env TREEM_TODAY=2025-01-01 "$TREEM" --db "$T/g.db" import children "$T/gen.csv"
expect_grep '^added: 300$' "$OUT"
expect_rc 0 env TREEM_TODAY=2025-01-01 "$TREEM" --db "$T/g.db" import children "$T/gen.csv"
expect_grep '^added: 0$' "$OUT"
expect_grep '^unchanged: 300$' "$OUT"

# --- 9. conflicts: changed here and in the file since the export
new_db "$T/c.db" 21934
expect_rc 0 tr_ "$T/c.db" import children "$T/children.1.csv"
code=$(sed -n 2p "$T/children.1.csv" | cut -d, -f2)
expect_rc 0 env TREEM_TODAY='2025-07-01 09:00' "$TREEM" --db "$T/c.db" child edit "$code" --notes "ghi ở xã"
sed '2s/,Tổ 10,/,Tổ 11,/' "$T/children.1.csv" >"$T/edited.csv"
expect_rc 1 tr_ "$T/c.db" import children "$T/edited.csv"
expect_grep 'changed here and in the file' "$ERR"
expect_grep "here '', in the file|here 'Tổ 10', in the file 'Tổ 11'" "$ERR"
expect_rc 0 tr_ "$T/c.db" import children "$T/edited.csv" --prefer-newer
expect_grep '^kept ours \(newer here\): 1$' "$OUT"
sed '3s/,Tổ [0-9]*,/,Tổ 99,/' "$T/children.1.csv" >"$T/edited2.csv"
expect_rc 0 tr_ "$T/c.db" import children "$T/edited2.csv"
expect_grep '^changed: 1$' "$OUT"

# --- 10. hand-off packages: manifest, damage detected, communes kept apart upstream
expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/pkg"
expect_grep '^commune_code=30502$' "$T/pkg/manifest.txt"
expect_grep '^file=children.csv,children,400,[0-9a-f]{64}$' "$T/pkg/manifest.txt"
new_db "$T/up.db" 00008
expect_rc 1 tr_ "$T/up.db" import "$T/pkg" --dry-run
expect_grep 'the package is from Phường Thới Sơn \(30502\), but this database belongs to' "$ERR"
# the level above (An Giang) receives it, into the commune's own database
rm -f "$T/up.db"
expect_rc 0 tr_ "$T/up.db" init --province 91
expect_rc 0 tr_ "$T/up.db" receive "$T/pkg" --dry-run
expect_grep 'added: ' "$OUT"
cp -r "$T/pkg" "$T/bad"
printf 'x' >>"$T/bad/periods.csv"
expect_rc 1 tr_ "$T/up.db" receive "$T/bad"
expect_grep 'periods.csv' "$ERR"
rm "$T/bad/plans.csv"
expect_rc 1 tr_ "$T/up.db" receive "$T/bad"
expect_grep 'plans.csv' "$ERR"
check "a damaged package imports nothing" test ! -e "$T/up.db.communes/30502.db"
expect_rc 0 tr_ "$T/up.db" receive "$T/pkg"
new_db "$T/other.db" 30292
expect_rc 0 tr_ "$T/other.db" import children "$T/nfd.csv"
expect_rc 0 tr_ "$T/other.db" handoff --out "$T/pkg2"
expect_rc 0 tr_ "$T/up.db" receive "$T/pkg2"
check "packages of two communes stay apart" test "$(count "$T/up.db.communes/30502.db")" -eq 400
check "packages of two communes stay apart" test "$(count "$T/up.db.communes/30292.db")" -eq 1
expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/anon" --anonymise
expect_grep '^anonymised=1$' "$T/anon/manifest.txt"
# only protected children (demo: TE-0004 sexual abuse) lose their name, code and uid
sensitive=$(sqlite3 "$T/demo.db" "SELECT c.code || '|' || c.full_name FROM child c JOIN case_file k ON k.child_id = c.id WHERE k.kind = 'sexual_abuse' LIMIT 1")
check "the demo has a child in a sexual abuse case" test -n "$sensitive"
expect_no_grep ",${sensitive%%|*}," "$T/anon/children.csv"
expect_grep "^[0-9]{5}-[0-9A-Z]{10},AD-[0-9A-Z]{8},Ẩn danh AD-[0-9A-Z]{8}," "$T/anon/children.csv"
expect_grep 'Nguyễn Thị Đào' "$T/anon/children.csv"
expect_grep '^file=cases.csv,cases,[0-9]+,[0-9a-f]{64}$' "$T/anon/manifest.txt"
expect_grep '^file=assessments.csv,assessments,[0-9]+,[0-9a-f]{64}$' "$T/anon/manifest.txt"

# --- 11. templates and the column reference
expect_rc 0 "$TREEM" columns --templates "$T"
same "children template is the export header" "$T/children.csv" "$TREEM_SRCDIR/assets/templates/children.csv"
expect_rc 0 "$TREEM" columns children
expect_grep 'guardian_name' "$OUT"
