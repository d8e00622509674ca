#!/bin/sh
# test_scope — a village collaborator sees only their villages, everywhere
# (issue 14): the commune-wide report and score sheet are the officer's work
# and are refused to a collaborator with a message naming the role (checked
# in the app layer, so the interface refuses them too); the officer and a
# viewer still get them.
. "$(dirname "$0")/../lib.sh"
need_treem
TREEM_TODAY='2025-06-30 10:00'
export TREEM_TODAY
unset TREEM_USER TREEM_PASSWORD TREEM_NEW_PASSWORD TREEM_RECOVERY_CODE || true
DB=$T/s.db
as() { who=$1 pass=$2; shift 2; TREEM_PASSWORD=$pass "$TREEM" --db "$DB" --user "$who" "$@"; }
officer() { as lan 'mật khẩu cán bộ' "$@"; }
ctv() { as ctv 'mật khẩu ctv 1' "$@"; }
viewer() { as xem 'mật khẩu xem 1' "$@"; }
MINE='Khóm Xuân Hòa'

expect_rc 0 "$TREEM" --db "$DB" demo
TREEM_PASSWORD='mật khẩu cán bộ' expect_rc 0 "$TREEM" --db "$DB" user add lan --role officer
TREEM_NEW_PASSWORD='mật khẩu ctv 1' expect_rc 0 officer user add ctv --role collaborator --villages "$MINE"
TREEM_NEW_PASSWORD='mật khẩu xem 1' expect_rc 0 officer user add xem --role viewer

# --- the officer and a viewer: the commune's report and score sheet
expect_rc 0 officer report --half 2025 --csv "$T/officer.csv"
check "the officer's report is written" test -s "$T/officer.csv"
expect_rc 0 officer score --year 2025
expect_rc 0 viewer report --half 2025
expect_rc 0 viewer score --year 2025

# --- a collaborator: refused, naming the role, and no file written
expect_rc 1 ctv report --half 2025 --csv "$T/ctv.csv"
expect_grep "the commune's report: not allowed for the role Village collaborator" "$ERR"
expect_grep 'a collaborator sees only their villages' "$ERR"
check "no report file for the collaborator" test ! -e "$T/ctv.csv"
expect_rc 1 ctv report --year 2025 --xlsx "$T/ctv.xlsx"
expect_grep "the commune's report: not allowed for the role Village collaborator" "$ERR"
check "no workbook for the collaborator" test ! -e "$T/ctv.xlsx"
expect_rc 1 ctv score --year 2025
expect_grep 'the criteria score sheet: not allowed for the role Village collaborator' "$ERR"
expect_rc 1 ctv score --year 2025 --csv "$T/ctv-score.csv"
check "no score sheet file for the collaborator" test ! -e "$T/ctv-score.csv"
expect_rc 1 ctv score refresh --year 2025
expect_grep 'not allowed for the role Village collaborator' "$ERR"

# --- in Vietnamese too
TREEM_LANG=vi expect_rc 1 ctv report --half 2025
expect_grep 'Cộng tác viên thôn' "$ERR"

# --- what a collaborator may still do: their own children
expect_rc 0 ctv child list --all
check "the collaborator's child list holds only $MINE" test "$(cut -f5 "$OUT" | sort -u)" = "$MINE"

# --- a plan's targets linked to measures: computed from the commune's
# register and case files for the officer, not for a collaborator
expect_rc 0 officer plan list
plan=$(cut -f1 "$OUT" | grep -E '^[0-9]+$' | tail -n 1)
check "the demo has a plan" test -n "$plan"
expect_rc 0 officer plan target-add "$plan" --text "vụ xâm hại" --value 0 --unit count \
    --direction at-most --measure abuse_cases
expect_rc 0 officer plan show "$plan"
expect_grep 'from the case files' "$OUT"
expect_rc 0 ctv plan show "$plan"
check "no figure computed from the commune's case files for the collaborator" \
    sh -c "! grep -q 'from the case files' '$OUT'"
check "nor from the commune's register" sh -c "! grep -q 'from the register' '$OUT'"
