#!/bin/sh
# test_places — `treem village rename|merge|delete|show`, `treem holiday
# list|add|delete` and `treem commune set` on a temporary database: a merge
# moves every child and keeps the codes, refusals name the argument and save
# nothing, holiday changes move a case's deadline, a change of commune with
# records needs --yes and keeps a backup; every change in the audit log.
. "$(dirname "$0")/../lib.sh"
need_treem
TREEM_TODAY="2026-03-16 09:00"
export TREEM_TODAY
DB=$T/t.db
tt() { "$TREEM" --db "$DB" "$@"; }

expect_rc 0 tt init --commune 21934 --village "Thôn Hòa Bình" --village "Xóm Cũ" --village "Thôn Hai"
expect_rc 0 tt child add --name "Nguyễn Thị Đào" --dob 15/03/2018 --sex nu --village "Xóm Cũ"
expect_rc 0 tt child add --name "Trần Văn An" --dob 15/03/2019 --sex nam --village "Xóm Cũ"
expect_rc 0 tt child add --name "Lê Thị Cúc" --dob 15/03/2017 --sex nu --village "Thôn Hai"

# --- villages
expect_rc 1 tt village rename "Thôn Hai" "thon hoa binh"
expect_grep "new name: a village called 'thon hoa binh' exists already; merge" "$ERR"
expect_rc 1 tt village rename "Thôn Nào" "Thôn Ba"
expect_grep "village: there is no village called 'Thôn Nào'" "$ERR"
expect_rc 2 tt village rename "Thôn Hai"
expect_rc 0 tt village rename "Thôn Hai" "Thôn Ba"
expect_rc 0 tt child list --search "thon ba"
expect_grep "Lê Thị Cúc" "$OUT"
expect_rc 0 tt village merge "xom cu" "Thôn Hòa Bình"
expect_grep "2 children moved" "$OUT"
expect_rc 0 tt child list --village "Thôn Hòa Bình"
expect_grep "^TE-0001${TAB:-	}Nguyễn Thị Đào" "$OUT"
expect_grep "^TE-0002" "$OUT"
expect_rc 0 tt village show "thon hoa binh"
expect_grep "Children: +2" "$OUT"
expect_rc 1 tt village delete "Thôn Hòa Bình"
expect_grep "village: 2 children of the register live in 'Thôn Hòa Bình'" "$ERR"
expect_rc 0 tt village add "Thôn Trống"
expect_rc 0 tt village delete "thon trong"
expect_rc 0 tt village list
expect_no_grep "Xóm Cũ|Thôn Trống|Thôn Hai" "$OUT"

# --- holidays: a day off and a make-up working Saturday move the plan deadline
expect_rc 0 tt case add --source phone --kind violence --level intervention --date 13/03/2026 --time 08:00
expect_rc 0 tt case show VV-0001
expect_grep "20/03/2026  Support plan" "$OUT"
expect_rc 0 tt holiday add 16/03/2026 "Nghỉ bù"
expect_rc 0 tt case show VV-0001
expect_grep "23/03/2026  Support plan" "$OUT"
expect_rc 0 tt holiday add 14/03/2026 "Làm bù" --workday
expect_rc 0 tt holiday list --year 2026
expect_grep "^14/03/2026	working day	Làm bù$" "$OUT"
expect_grep "^16/03/2026	day off	Nghỉ bù$" "$OUT"
expect_rc 0 tt case show VV-0001
expect_grep "20/03/2026  Support plan" "$OUT"
expect_rc 0 tt holiday delete 16/03/2026
expect_rc 0 tt case show VV-0001
expect_grep "19/03/2026  Support plan" "$OUT"
expect_rc 1 tt holiday add 17/03/2026 "Làm bù" --workday
expect_grep "date: 17/03/2026 is not a Saturday or Sunday" "$ERR"
expect_rc 1 tt holiday add 30/02/2026 "X"
expect_grep "date: " "$ERR"
expect_rc 1 tt holiday add 18/03/2026 ""
expect_grep "name: please fill in" "$ERR"
expect_rc 1 tt holiday delete 16/03/2026
expect_grep "date: 16/03/2026 is not in the holiday table" "$ERR"
expect_rc 1 tt holiday list --year 20x6
expect_rc 0 tt holiday list --year 2031
expect_grep "no holiday in 2031" "$ERR"

# --- the commune: with records only with --yes, a backup first, codes re-stamped
expect_rc 1 tt commune set 99999
expect_grep "99999" "$ERR"
expect_rc 1 tt commune set 00004
expect_grep "3 children, 1 cases.*--yes" "$ERR"
expect_rc 0 tt info
expect_grep "21934" "$OUT"
expect_rc 0 tt commune set 00004 --yes
expect_grep "re-stamped 3 children, 1 cases" "$OUT"
expect_grep "backup: " "$OUT"
n=$(ls "$T"/backups/*commune* 2>/dev/null | wc -l | tr -d ' ')
if [ "$n" -ge 1 ]; then pass "a backup was kept"; else fail "no backup"; fi
expect_rc 0 tt commune set 00004
expect_grep "already belongs" "$OUT"

if command -v sqlite3 >/dev/null 2>&1; then
    n=$(sqlite3 "$DB" "SELECT count(*) FROM child WHERE uid LIKE '00004-%'")
    if [ "$n" = 3 ]; then pass "the children's codes carry the new commune"; else fail "uids: $n"; fi
    n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'village' AND old_value = 'Thôn Hai' AND new_value = 'Thôn Ba'")
    if [ "$n" = 1 ]; then pass "the rename is audited with the old name"; else fail "rename audit: $n"; fi
    n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'child' AND field = 'village' AND old_value = 'Xóm Cũ'")
    if [ "$n" = 2 ]; then pass "each moved child is audited"; else fail "merge audit: $n"; fi
    n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'holiday' AND action = 'delete' AND old_value = 'Nghỉ bù'")
    if [ "$n" = 1 ]; then pass "the deleted holiday is audited"; else fail "holiday audit: $n"; fi
fi

# --- a deadline in a year the table does not cover is flagged
TREEM_TODAY="2031-03-16 09:00" expect_rc 0 tt case add --source phone --kind violence --level intervention --date 13/03/2031 --time 08:00
TREEM_TODAY="2031-03-16 09:00" expect_rc 0 tt case show VV-0002
expect_grep "Warning: deadlines in 2031 skip only weekends" "$OUT"
expect_rc 0 tt case show VV-0001
expect_no_grep "Warning:" "$OUT"

# --- a likely duplicate without a village: the same folded name and date of birth ask
expect_rc 0 tt child add --name "Phạm Thị Én" --dob 02/02/2020 --sex nu
expect_rc 1 tt child add --name "pham thi en" --dob 02/02/2020 --sex nu
expect_grep "TE-0004" "$ERR"
expect_rc 0 tt child add --name "pham thi en" --dob 02/02/2020 --sex nu --force
