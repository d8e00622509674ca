#!/bin/sh
# test_users — accounts and roles on the command line: a database without
# accounts needs no sign-in; the first `user add` must make an officer and
# prints a one-time recovery code; then every command needs --user and the
# password; a wrong password counts and five lock the account; the recovery
# code resets it once; a viewer is refused every change with a message
# naming the role; a collaborator's child list, export and hand-off hold only
# their villages, and their case list only their own cases; the audit log
# names who signed in.
. "$(dirname "$0")/../lib.sh"
need_treem
today '2025-06-30 10:00'
unset TREEM_USER TREEM_PASSWORD TREEM_NEW_PASSWORD TREEM_RECOVERY_CODE || true
DB=$T/u.db
tr_() { "$TREEM" --db "$DB" "$@"; }
as() { who=$1 pass=$2; shift 2; TREEM_PASSWORD=$pass "$TREEM" --db "$DB" --user "$who" "$@"; }
officer() { as lan 'mật khẩu cán bộ' "$@"; }
ctv() { as ctv 'mật khẩu ctv 1' "$@"; }
viewer() { as xem 'mật khẩu xem 1' "$@"; }
LYTAY='Khóm Xuân Hòa'

# --- without accounts: as before
expect_rc 0 tr_ demo
expect_rc 0 tr_ child list
expect_rc 1 tr_ user list
expect_grep 'no accounts yet' "$ERR"

# --- the first account
TREEM_PASSWORD='mật khẩu xem 1' expect_rc 1 tr_ user add xem --role viewer
expect_grep 'the first account must be the officer' "$ERR"
TREEM_PASSWORD=ngan expect_rc 1 tr_ user add lan --role officer
expect_grep 'password: at least 8 characters' "$ERR"
TREEM_PASSWORD='mật khẩu cán bộ' expect_rc 0 tr_ user add lan --role officer
expect_grep 'Recovery code of lan' "$OUT"
code=$(grep -E '^  [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$' "$OUT" | tr -d ' ')
check "a recovery code is printed once" test -n "$code"
check "no plaintext password in the database" sh -c "! sqlite3 '$DB' .dump | grep -q 'mật khẩu'"
expect_rc 1 tr_ child list
expect_grep 'this database has accounts: give --user LOGIN' "$ERR"
expect_rc 1 as lan 'sai mật khẩu' child list
expect_grep 'wrong login or password \(4 tries left' "$ERR"
expect_rc 0 officer child list
TREEM_NEW_PASSWORD='mật khẩu ctv 1' expect_rc 0 officer user add ctv --role collaborator --villages "$LYTAY"
TREEM_NEW_PASSWORD='mật khẩu xem 1' expect_rc 0 officer user add xem --role viewer
TREEM_NEW_PASSWORD='mật khẩu 2' expect_rc 1 officer user add ctv2 --role collaborator
expect_grep 'a collaborator needs at least one village' "$ERR"
expect_rc 0 officer user list
expect_grep "^ctv	collaborator	$LYTAY	active$" "$OUT"
expect_grep '^xem	viewer	-	active$' "$OUT"

# --- a viewer changes nothing; every refusal names the role
printf 'full_name,birth_date,village\nVũ Văn Nhập,01/02/2016,%s\n' "$LYTAY" >"$T/one.csv"
dump() { sqlite3 "$DB" .dump | grep -v '^INSERT INTO app_user'; }
dump >"$T/before.sql"
expect_rc 0 viewer child list
for cmd in "child add --name Thử --age 3" "child edit TE-0001 --notes x" \
           "child delete TE-0001 --yes" "child group TE-0001 add a.1" \
           "case add --source phone --kind violence --level intervention --child TE-0001" \
           "plan add --title Thử" "village add Thôn_Mới" "setting set officer_name X" \
           "score set --year 2025 --indicator 1.1 --value 1" "import children $T/one.csv" \
           "user add moi --role viewer"; do
    # shellcheck disable=SC2086
    TREEM_NEW_PASSWORD='mật khẩu mới 1' expect_rc 1 viewer $cmd
    expect_grep 'not allowed for the role Viewer' "$ERR"
done
dump >"$T/after.sql"
check "the viewer changed nothing" cmp -s "$T/before.sql" "$T/after.sql"
TREEM_NEW_PASSWORD='mật khẩu xem 2' expect_rc 0 viewer user passwd xem
TREEM_NEW_PASSWORD='mật khẩu xem 1' expect_rc 0 as xem 'mật khẩu xem 2' user passwd xem

# --- a collaborator: their villages, their cases
expect_rc 0 ctv child list --all
check "the collaborator's child list holds only $LYTAY" test "$(cut -f5 "$OUT" | sort -u)" = "$LYTAY"
check "and all of it" test "$(wc -l <"$OUT")" -eq \
    "$(sqlite3 "$DB" "SELECT count(*) FROM child c JOIN village v ON v.id = c.village_id WHERE v.name = '$LYTAY'")"
other=$(sqlite3 "$DB" "SELECT c.code FROM child c JOIN village v ON v.id = c.village_id WHERE v.name <> '$LYTAY' LIMIT 1")
mine=$(sqlite3 "$DB" "SELECT c.code FROM child c JOIN village v ON v.id = c.village_id WHERE v.name = '$LYTAY' LIMIT 1")
expect_rc 1 ctv child show "$other"
expect_grep 'not allowed for the role Village collaborator' "$ERR"
expect_rc 1 ctv child add --name 'Thử Khác' --age 3 --village 'Khóm Xuân Phú'
expect_grep 'not allowed for the role Village collaborator' "$ERR"
expect_rc 0 ctv child add --name 'Đinh Văn Mới' --age 3 --village "$LYTAY"
expect_rc 1 ctv plan add --title 'Thử'
expect_grep 'not allowed for the role Village collaborator' "$ERR"
expect_rc 0 ctv export children "$T/ctv.csv"
check "the collaborator's export holds only $LYTAY" \
    sh -c "tail -n +2 '$T/ctv.csv' | cut -d, -f10 | sort -u | tr -d '\r' | grep -qvx '$LYTAY' && exit 1 || exit 0"
expect_grep 'Đinh Văn Mới' "$T/ctv.csv"
expect_rc 0 ctv handoff --out "$T/ctv.pkg" --with-names
check "the collaborator's hand-off holds only $LYTAY" \
    sh -c "tail -n +2 '$T/ctv.pkg/children.csv' | cut -d, -f10 | sort -u | tr -d '\r' | grep -qvx '$LYTAY' && exit 1 || exit 0"
check "and none of the officer's cases" test "$(wc -l <"$T/ctv.pkg/cases.csv")" -eq 1
expect_rc 0 ctv case add --source phone --kind violence --level intervention --date 01/06/2025 --time 08:00 --child "$mine"
expect_rc 0 ctv case list
check "the collaborator's case list holds their one case" test "$(wc -l <"$OUT")" -eq 1
expect_rc 1 ctv case show VV-0001
expect_grep 'a case recorded by someone else: not allowed for the role Village collaborator' "$ERR"
check "the audit log names the collaborator" \
    test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE who = 'ctv' AND action = 'create'")" -ge 2

# --- five wrong passwords lock; the recovery code resets once
for i in 1 2 3 4; do expect_rc 1 as lan "sai $i" info; done
expect_rc 1 as lan 'sai 5' info
expect_grep 'locked for 15 minutes' "$ERR"
expect_rc 1 officer info
expect_grep 'locked until 10:15' "$ERR"
TREEM_RECOVERY_CODE=WRONG-CODE TREEM_NEW_PASSWORD='mật khẩu mới 2' expect_rc 1 tr_ user recover lan
expect_grep 'wrong recovery code' "$ERR"
TREEM_RECOVERY_CODE=$code TREEM_NEW_PASSWORD='mật khẩu mới 2' expect_rc 0 tr_ user recover lan
expect_grep 'unlocked' "$OUT"
expect_rc 0 as lan 'mật khẩu mới 2' info
TREEM_RECOVERY_CODE=$code TREEM_NEW_PASSWORD='mật khẩu mới 3' expect_rc 1 tr_ user recover lan
expect_grep 'wrong recovery code' "$ERR"

# --- disable, role, the last officer
expect_rc 0 as lan 'mật khẩu mới 2' user disable xem
expect_rc 1 viewer info
expect_grep 'the account xem is disabled' "$ERR"
expect_rc 0 as lan 'mật khẩu mới 2' user disable xem --enable
expect_rc 0 viewer info
expect_rc 1 as lan 'mật khẩu mới 2' user role lan --role viewer
expect_grep 'lan is the only officer' "$ERR"
expect_rc 0 as lan 'mật khẩu mới 2' user role xem --role collaborator --villages "$LYTAY"
expect_rc 0 viewer child list --all
check "the new role holds at once" test "$(cut -f5 "$OUT" | sort -u)" = "$LYTAY"
