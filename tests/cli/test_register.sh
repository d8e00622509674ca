#!/bin/sh
# test_register — `treem child risk|help`: children at risk of special
# circumstances with their dates, the help a child received (what, when, by
# whom), bad input naming the field and saving nothing, and the help counted
# by criterion 6.1 in `treem score`.
. "$(dirname "$0")/../lib.sh"
need_treem
today "2026-06-30 09:00"
DB=$T/t.db
t() { "$TREEM" --db "$DB" "$@"; }

expect_rc 0 t init --commune 30502 --village "Khóm Xuân Hòa"
expect_rc 0 t child add --name "Nguyễn Văn Tí" --dob 01/01/2018 --sex nam
expect_rc 0 t child add --name "Lê Thị Mai" --dob 01/01/2019 --sex nu
expect_rc 0 t child group TE-0001 add a.1 --from 01/01/2026
expect_rc 0 t child group TE-0002 add a.1 --from 01/01/2026

# --- at risk, with dates
expect_rc 0 t child risk TE-0002 add --reason "Cha mẹ đi làm ăn xa, ở với bà" --from 01/02/2026
expect_rc 1 t child risk TE-0002 add --from 01/02/2026
expect_grep "risk reason: " "$ERR"
expect_rc 1 t child risk TE-0002 end 1 --to 01/01/2026
expect_grep "risk to: the end is before the start" "$ERR"
expect_rc 0 t child risk TE-0002 end 1 --to 30/04/2026
expect_rc 0 t child show TE-0002
expect_grep "#1 01/02/2026–30/04/2026 Cha mẹ đi làm ăn xa, ở với bà" "$OUT"

# --- help: what, when, by whom; never in the future
expect_rc 1 t child help TE-0001 add --what "Học bổng" --by "Hội LHPN" --date 01/07/2026
expect_grep "help date: 01/07/2026 is in the future" "$ERR"
expect_rc 1 t child help TE-0001 add --what "Học bổng"
expect_grep "help given by: " "$ERR"
expect_rc 1 t child help TE-0001 add --what "Học bổng" --by "Hội LHPN" --kind "bay"
expect_grep "help kind: " "$ERR"
expect_rc 0 t child show TE-0001
expect_grep "Help received: none" "$OUT"
expect_rc 0 t child help TE-0001 add --kind "vãng gia" --what "Vãng gia, tư vấn" --by "Cán bộ BVTE" --date 10/03/2026
expect_rc 0 t child show TE-0001
expect_grep "#1 10/03/2026  Home visit, counselling: Vãng gia, tư vấn — Cán bộ BVTE" "$OUT"

# --- criterion 6.1: one of the two children in special circumstances helped
expect_rc 0 t score --year 2026
expect_grep "6\.1 .*50" "$OUT"
expect_grep "1 / 2" "$OUT"

expect_rc 0 t child help TE-0001 delete 1
expect_rc 0 t child show TE-0001
expect_grep "Help received: none" "$OUT"

# --- ethnicity from the QĐ 121 catalogue, stored as listed
expect_rc 0 t child add --name "Chau Sóc Kha" --dob 01/01/2017 --ethnicity "khmer"
expect_rc 0 t child show TE-0003
expect_grep "Khơ-me" "$OUT"
expect_rc 1 t child add --name "Néang Sa Rết" --dob 01/01/2017 --ethnicity "Khơ mú lạ"
expect_grep "ethnicity: 'Khơ mú lạ' is not in the list" "$ERR"

# --- a deadline counted over a year the holiday table does not cover warns
expect_rc 0 env TREEM_TODAY="2028-01-03 09:00" "$TREEM" --db "$DB" case add --source phone \
    --kind injury --injury other --date 03/01/2028 --time 08:00
expect_rc 0 env TREEM_TODAY="2028-01-03 09:00" "$TREEM" --db "$DB" case show VV-0001
expect_grep "10/01/2028  Support plan" "$OUT"
expect_grep "warning: the holiday table does not cover this year" "$OUT"
expect_rc 0 env TREEM_TODAY="2028-01-03 09:00" "$TREEM" --db "$DB" case due
expect_grep "VV-0001: warning: the holiday table does not cover this year" "$ERR"
