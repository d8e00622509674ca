#!/bin/sh
# test_privacy — anonymised hand-off packages (the default): for the demo
# and for a register with one child in each protected group of Luật Trẻ em
# Điều 10 and each protected case kind, no file of the package holds their
# names, ID numbers, phones, addresses, parents, notes, uids or codes, nor
# any free text of a case or step (tests/cli/privacy_check.py greps every
# file); pseudonyms are stable from one package to the next and differ from
# another database's; --with-names says so in the manifest and on screen.
. "$(dirname "$0")/../lib.sh"
need_treem
today 2025-06-30
CHECK="python3 $TREEM_SRCDIR/tests/cli/privacy_check.py"
tr_() { db=$1; shift; "$TREEM" --db "$db" "$@"; }

# --- 1. the demo
expect_rc 0 tr_ "$T/demo.db" demo
expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/demo.pkg"
expect_grep '^anonymised=1$' "$T/demo.pkg/manifest.txt"
expect_grep 'anonymised: children whose identity the law protects appear under pseudonyms' "$OUT"
expect_rc 0 $CHECK "$T/demo.db" "$T/demo.pkg"
expect_grep ' 0 found$' "$OUT"
# the children the issue named: TE-0087 (group e.1) and TE-0164 (g.1)
for code in TE-0087 TE-0164; do
    name=$(sqlite3 "$T/demo.db" "SELECT full_name FROM child WHERE code = '$code'")
    check "the demo has $code" test -n "$name"
    check "$code is in no file of the package" sh -c "! grep -rq -e '$code' -e '$name' '$T/demo.pkg'"
done
expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/named.pkg" --with-names
expect_grep '^anonymised=0$' "$T/named.pkg/manifest.txt"
expect_grep '^# WITH NAMES' "$T/named.pkg/manifest.txt"
expect_grep 'WITH NAMES' "$OUT"
expect_rc 1 $CHECK "$T/demo.db" "$T/named.pkg"
# a named and an anonymised package cannot be joined on a protected child's uid
uid87=$(sqlite3 "$T/demo.db" "SELECT uid FROM child WHERE code = 'TE-0087'")
expect_grep "^$uid87," "$T/named.pkg/children.csv"
expect_no_grep "$uid87" "$T/demo.pkg/children.csv"
expect_no_grep "$uid87" "$T/demo.pkg/periods.csv"

# --- 2. stable pseudonyms; another database's are different
expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/demo2.pkg"
check "pseudonyms are stable from one package to the next" \
    cmp -s "$T/demo.pkg/periods.csv" "$T/demo2.pkg/periods.csv"
check "cases keep their pseudonyms too" cmp -s "$T/demo.pkg/cases.csv" "$T/demo2.pkg/cases.csv"
expect_rc 0 tr_ "$T/copy.db" init --commune 30502
expect_rc 0 tr_ "$T/copy.db" import "$T/named.pkg"
expect_rc 0 tr_ "$T/copy.db" handoff --out "$T/copy.pkg"
cut -d, -f1 "$T/demo.pkg/periods.csv" | sort -u >"$T/p1"
cut -d, -f1 "$T/copy.pkg/periods.csv" | sort -u >"$T/p2"
check "another database gives other pseudonyms" test "$(grep -c '^[0-9]' "$T/p1")" -gt \
    "$(comm -12 "$T/p1" "$T/p2" | grep -c '^[0-9]' || true)"
# the level above can import an anonymised package and update it later
expect_rc 0 tr_ "$T/up.db" init --commune 30502
expect_rc 0 tr_ "$T/up.db" import "$T/demo.pkg"
expect_rc 0 tr_ "$T/up.db" import "$T/demo2.pkg"
expect_grep '^added: 0$' "$OUT"

# --- 3. one child in each protected group and each protected case kind
expect_rc 0 tr_ "$T/p.db" init --commune 00004
expect_rc 0 tr_ "$T/p.db" village add "Thôn Kín"
n=10
for g in b.1 đ.0 e.1 g.1 i.0 k.1 l.1 m.1 n.1 o.1 \
         case:sexual_abuse case:violence case:exploitation case:neglect case:trafficking \
         case:abandonment case:law_violation case:drugs case:illegal_labour case:at_risk; do
    n=$((n + 1))
    if [ "${g#case:}" = "$g" ]; then grp="--group $g"; else grp=; fi
    expect_rc 0 tr_ "$T/p.db" child add --name "Bí Mật Thị Số$n" --dob 01/02/2015 --sex nu \
        --village "Thôn Kín" --id "0010100000$n" --guardian "Người Giữ Số$n" --phone "09120000$n" $grp
    code=$(sqlite3 "$T/p.db" "SELECT code FROM child WHERE full_name = 'Bí Mật Thị Số$n'")
    expect_rc 0 tr_ "$T/p.db" child edit "$code" --father-name "Cha Kín Số$n" --father-phone "09130000$n" \
        --mother-name "Mẹ Kín Số$n" --mother-phone "09140000$n" --address "Nhà kín số $n" \
        --notes "ghi-chu-kin-$n" --bhyt-number "GD40000000$n"
    if [ -z "$grp" ]; then
        expect_rc 0 tr_ "$T/p.db" case add --source phone --kind "${g#case:}" \
            --date 01/06/2025 --time 08:00 --child "$code" --place "Nơi kín $n" --state "Tình trạng kín $n" \
            --consequence "Hậu quả kín $n" --parents "Cha mẹ kín $n" --carer "Người chăm kín $n" \
            --actions "Đã làm kín $n"
        case=$(sqlite3 "$T/p.db" "SELECT code FROM case_file ORDER BY id DESC LIMIT 1")
        expect_rc 0 tr_ "$T/p.db" case step "$case" initial --date 01/06/2025 --time 09:00 --emergency no \
            --who "Người làm kín $n" --notes "Bước kín $n: gặp em Bí Mật Thị Số$n"
    fi
done
expect_rc 0 tr_ "$T/p.db" child add --name "Công Khai Văn An" --dob 01/02/2016 --sex nam --village "Thôn Kín" \
    --group d.1
expect_rc 0 tr_ "$T/p.db" handoff --out "$T/p.pkg"
expect_rc 0 $CHECK "$T/p.db" "$T/p.pkg"
expect_grep 'for [0-9]+ protected texts: 0 found$' "$OUT"
check "no protected name in any file" sh -c "! grep -rq 'Bí Mật' '$T/p.pkg'"
check "no ID number, phone or note in any file" sh -c "! grep -rqE '00101000|0912000|0913000|0914000|kín' '$T/p.pkg'"
expect_grep 'Công Khai Văn An' "$T/p.pkg/children.csv"
check "20 protected children (10 groups, 10 case kinds) under pseudonyms" test "$(grep -c ',Ẩn danh AD-' "$T/p.pkg/children.csv")" -eq 20
expect_rc 0 tr_ "$T/p.db" handoff --out "$T/p.named" --with-names
expect_grep 'Bí Mật Thị Số11' "$T/p.named/children.csv"
# an anonymised CSV export obeys the same rule
expect_rc 0 tr_ "$T/p.db" export periods "$T/periods.csv" --anonymise
expect_rc 0 tr_ "$T/p.db" export cases "$T/cases.csv" --anonymise
expect_rc 0 $CHECK "$T/p.db" "$T/periods.csv" "$T/cases.csv"
