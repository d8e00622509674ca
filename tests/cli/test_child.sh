#!/bin/sh
# test_child — `treem child add|list|show|edit|delete|group|measure|check`
# on a temporary database: the search is diacritic-insensitive and ignores
# word order, duplicates are refused unless forced, bad input names the
# option or field and saves nothing, edits survive a restart.
. "$(dirname "$0")/../lib.sh"
need_treem
today 2025-06-30
DB=$T/t.db
tc() { "$TREEM" --db "$DB" child "$@"; }
count_children() { "$TREEM" --db "$DB" child list --all | wc -l | tr -d ' '; }
expect_lines() { # count what
    n=$(wc -l <"$OUT" | tr -d ' ')
    if [ "$n" = "$1" ]; then pass "$2: $n lines"; else fail "$2: $n lines, want $1"; show "$OUT"; fi
}
TAB=$(printf '\t')

expect_rc 0 "$TREEM" --db "$DB" init --commune 21934 --village "Khu phố Lý Tây" --village "Khu phố An Lộc"

# --- add, list, show
expect_rc 0 tc add --name "Nguyễn Thị Đào" --dob 15/03/2018 --sex nu --village "ly tay" \
    --guardian "Trần Thị Hoa" --phone 0912345678 --id 052318001234 --group a.1 --group-from 01/01/2025
expect_grep "^TE-0001$" "$OUT"
expect_rc 0 tc add --name "Trần Văn Bình" --age 6 --sex nam --village "Khu phố An Lộc"
expect_grep "^TE-0002$" "$OUT"

NFD=$(printf 'Nguye\314\202\314\203n Thi\314\243 \304\220a\314\200o')
for q in "nguyen thi dao" "DAO nguyen thi" "Nguyễn Thị Đào" "$NFD" "te-0001" "052318001234" "tran thi hoa" "0912345678"; do
    expect_rc 0 tc list --search "$q"
    expect_lines 1 "list --search '$q'"
    expect_grep "^TE-0001${TAB}Nguyễn Thị Đào${TAB}15/03/2018${TAB}Female${TAB}Khu phố Lý Tây$" "$OUT"
done
expect_rc 0 tc list --search "an loc"
expect_grep "^TE-0002${TAB}Trần Văn Bình${TAB}~6 years${TAB}Male${TAB}Khu phố An Lộc$" "$OUT"
expect_rc 0 tc list --search "xyz"
expect_lines 0 "no match"
expect_rc 0 tc list --village "Khu phố An Lộc"
expect_lines 1 "--village"
expect_rc 0 tc list --sex nu
expect_lines 1 "--sex"
expect_rc 0 tc list --age-from 7 --age-to 7
expect_grep "^TE-0001" "$OUT"
expect_lines 1 "--age-from/--age-to"
expect_rc 0 tc list --group a
expect_grep "^TE-0001" "$OUT"
expect_lines 1 "--group letter"
expect_rc 0 tc list --group a.1 --on 31/12/2024
expect_lines 0 "--group before the period"
expect_rc 0 tc list --limit 1
expect_lines 1 "--limit"

expect_rc 0 tc show TE-0001
expect_grep "Nguyễn Thị Đào" "$OUT"
expect_grep "Trần Thị Hoa" "$OUT"
expect_grep "a\.1 +01/01/2025" "$OUT"
expect_grep "052318001234" "$OUT"

# --- edit; a new process sees it
expect_rc 0 tc edit te-1 --phone "0987 654 321" --notes "Đã thăm nhà"
expect_rc 0 tc show TE-0001
expect_grep "0987 654 321" "$OUT"
expect_grep "Đã thăm nhà" "$OUT"

# --- duplicates
expect_rc 1 tc add --name "nguyen thi dao" --dob 15/03/2018 --village "Khu phố Lý Tây"
expect_grep "TE-0001" "$ERR"
expect_grep "--force" "$ERR"
check "duplicate: nothing saved" test "$(count_children)" = 2
expect_rc 0 tc add --name "nguyen thi dao" --dob 15/03/2018 --village "Khu phố Lý Tây" --force
expect_grep "^TE-0003$" "$OUT"

# --- bad input: the option or field named, exit 1 (2 for usage), nothing saved
before=$(count_children)
bad() { # status pattern args...
    want=$1 pattern=$2
    shift 2
    expect_rc "$want" tc add "$@"
    expect_grep "$pattern" "$ERR"
}
bad 1 "--dob: " --name "Lê Văn A" --dob 31/02/2020
bad 1 "date of birth: 01/07/2025 is in the future" --name "Lê Văn A" --dob 01/07/2025
bad 1 "date of birth: this person is 17" --name "Lê Văn A" --dob 01/01/2008
bad 1 "estimated age: must be between 0 and 15" --name "Lê Văn A" --age 17
bad 1 "personal ID number: must have exactly 12 digits" --name "Lê Văn A" --dob 01/01/2020 --id 123
bad 1 "full name: must not be empty" --name "" --dob 01/01/2020
bad 1 "full name: at most 100 characters" --name "$(printf 'Đ%.0s' $(seq 1 101))" --dob 01/01/2020
bad 1 "carer's phone: " --name "Lê Văn A" --dob 01/01/2020 --phone 12ab
bad 1 "village: no village called" --name "Lê Văn A" --dob 01/01/2020 --village "Thôn 9"
bad 1 "--sex: " --name "Lê Văn A" --dob 01/01/2020 --sex robot
bad 1 "group: 'z\.1'" --name "Lê Văn A" --dob 01/01/2020 --group z.1
bad 2 "--dob or --age" --name "Lê Văn A" --dob 01/01/2020 --age 5
bad 2 "unknown option" --name "Lê Văn A" --dob 01/01/2020 --colour blue
check "bad input saved nothing" test "$(count_children)" = "$before"
expect_rc 1 tc edit TE-0001 --dob 30/02/2018
expect_rc 0 tc show TE-0001
expect_grep "15/03/2018" "$OUT"

# --- health facts
expect_rc 0 tc measure TE-0002 --date 01/06/2025 --weight 20,5 --height 112
expect_rc 1 tc measure TE-0002 --weight 900
expect_grep "weight:" "$ERR"
expect_rc 0 tc check TE-0002 --date 02/03/2025
# --from, --to, --date are the options every action shares (cmd_child_dates)
expect_rc 1 tc check TE-0002 --date 31/02/2025
expect_grep "^treem: --date: 31/02/2025" "$ERR"
expect_rc 2 tc risk TE-0002 add --reason "Bỏ học" --from 31/02/2025
expect_grep "^treem child: --from: 31/02/2025" "$ERR"
expect_rc 0 tc show TE-0002
expect_grep "20\.5 kg" "$OUT"
expect_grep "02/03/2025" "$OUT"

# --- delete
expect_rc 1 tc delete TE-0003
expect_grep "--yes" "$ERR"
expect_rc 0 tc delete TE-0003 --yes
expect_rc 1 tc show TE-0003
check "deleted" test "$(count_children)" = 2
