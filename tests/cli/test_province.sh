#!/bin/sh
# test_province — the level above: `treem init --province`, `treem receive`
# of two communes' packages whose villages have the same names (kept apart),
# a package from another province refused, a commune database refusing
# another commune's package, a newer package updating, an older one refused,
# `treem communes` (late and missing communes stand out) and the consolidated
# report summed over the communes, with one column per commune in its CSV.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_cli.sh"
need_treem
today "2026-06-20 09:00"
t() { db=$1; shift; "$TREEM" --db "$db" "$@"; }

mk() {   # db commune n-children
    t "$1" init --commune "$2" --village "Thôn 1" --village "Thôn 2" >/dev/null || fail "init $2"
    i=0
    while [ "$i" -lt "$3" ]; do
        v=$(( i % 2 + 1 ))
        t "$1" child add --name "Trẻ $2 số $i" --dob "0$(( i % 9 + 1 ))/03/2019" --sex nam --village "Thôn $v" >/dev/null ||
            fail "child $2 $i"
        i=$((i + 1))
    done
}
mk "$T/a.db" 00004 3
mk "$T/b.db" 00008 4
mk "$T/x.db" 30502 1
expect_rc 0 t "$T/a.db" handoff --out "$T/pa"
expect_rc 0 t "$T/b.db" handoff --out "$T/pb"
expect_rc 0 t "$T/x.db" handoff --out "$T/px"

expect_rc 0 t "$T/p.db" init --province 01
expect_grep "level-above database for Thành phố Hà Nội \(01\)" "$OUT"
expect_rc 2 t "$T/q.db" init --province 01 --commune 00004
expect_rc 1 t "$T/q.db" init --province 77
expect_grep "'77' is not a province code" "$ERR"
expect_rc 1 t "$T/a.db" init --province 01
expect_grep "cannot become the level above" "$ERR"

expect_rc 0 t "$T/p.db" receive "$T/pa" "$T/pb"
expect_grep "Phường Ba Đình \(00004\).*first package" "$OUT"
expect_grep "added: 3" "$OUT"
expect_grep "added: 4" "$OUT"
# every commune keeps its own "Thôn 1"
expect_rc 0 t "$T/p.db.communes/00004.db" child list --village "Thôn 1"
expect_grep "Trẻ 00004 số 0" "$OUT"
expect_no_grep "Trẻ 00008" "$OUT"
expect_rc 0 t "$T/p.db.communes/00008.db" village list
expect_grep "^Thôn 1$" "$OUT"

expect_rc 1 t "$T/p.db" receive "$T/px"
expect_grep "outside Thành phố Hà Nội: not received" "$ERR"
[ -e "$T/p.db.communes/30502.db" ] && fail "a database was made for the refused package"
expect_rc 1 t "$T/b.db" import "$T/pa"
expect_grep "the package is from Phường Ba Đình \(00004\), but this database belongs to" "$ERR"
expect_rc 1 t "$T/p.db" import "$T/pa"
expect_grep "level above's database: receive packages with treem receive" "$ERR"

# a newer package updates, the older one is then refused
TREEM_TODAY="2026-06-21 10:00" expect_rc 0 t "$T/a.db" child edit TE-0001 --name "Tên Mới Sửa"
TREEM_TODAY="2026-06-21 10:05" expect_rc 0 t "$T/a.db" handoff --out "$T/pa2"
TREEM_TODAY="2026-06-22 08:00" expect_rc 0 t "$T/p.db" receive "$T/pa2"
expect_grep "changed: 1" "$OUT"
expect_rc 0 t "$T/p.db.communes/00004.db" child list
expect_grep "Tên Mới Sửa" "$OUT"
expect_rc 1 t "$T/p.db" receive "$T/pa"
expect_grep "before the one already received" "$ERR"

expect_rc 0 t "$T/p.db" communes
expect_grep "^00004 +Phường Ba Đình .* 3 " "$OUT"
expect_grep "^00008 +Phường Ngọc Hà .* 4 " "$OUT"
expect_grep "no package" "$OUT"
expect_grep "2 sent a package \(0 late\)" "$OUT"
TREEM_TODAY="2026-12-20 09:00" expect_rc 0 t "$T/p.db" communes
expect_grep "2 sent a package \(2 late\)" "$OUT"
expect_grep "late$" "$OUT"

# the consolidated report: summed over the communes, one column per commune
expect_rc 0 t "$T/p.db" report --year 2026 --csv "$T/sum.csv"
expect_grep "consolidated over the communes" "$OUT"
expect_grep "Children under 16 on 20/06/2026 +7 \(boys 7, girls 0, not known 0\)" "$OUT"
expect_grep "^00004 Phường Ba Đình +3 " "$OUT"
expect_grep "^.?code,label,value,male,female,sex_unknown,of_total,helped,00004,00008" "$T/sum.csv"
expect_grep "^TE01,Children under 16 on 20/06/2026,7,7,0,0,,,3,4" "$T/sum.csv"
expect_no_grep "Trẻ 0000" "$T/sum.csv"
expect_report_numbers "$T/sum.csv"
expect_rc 0 t "$T/p.db" info
expect_grep "Level above for: +Thành phố Hà Nội \(01\)" "$OUT"

# --- accounts at the level above: a viewer receives nothing (the role's
# guard holds on the communes' files too), the officer still does
unset TREEM_USER TREEM_PASSWORD TREEM_NEW_PASSWORD || true
TREEM_PASSWORD='mật khẩu tỉnh 1' expect_rc 0 t "$T/p.db" user add tinh --role officer
TREEM_PASSWORD='mật khẩu tỉnh 1' TREEM_NEW_PASSWORD='mật khẩu xem 1' \
    expect_rc 0 t "$T/p.db" --user tinh user add xem --role viewer
sqlite3 "$T/p.db.communes/00004.db" .dump >"$T/c-before.sql"
TREEM_TODAY="2026-06-23 08:00" TREEM_PASSWORD='mật khẩu xem 1' \
    expect_rc 1 t "$T/p.db" --user xem receive "$T/pa2" --prefer-newer
expect_grep 'not allowed for the role Viewer' "$ERR"
sqlite3 "$T/p.db.communes/00004.db" .dump >"$T/c-after.sql"
check "a viewer's receive changes no commune's file" cmp -s "$T/c-before.sql" "$T/c-after.sql"
