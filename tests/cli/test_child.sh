#!/bin/sh
# test_child — `treem child add|list|show|edit|delete|group|measure|check`
# on a temporary database: the search is diacritic-insensitive, duplicates
# are refused unless forced, bad input names the option and saves nothing.
# Self-contained (runs without tests/lib.sh).
set -u
TREEM=${TREEM_BIN:-./treem}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/treem-child.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/t.db"
export TREEM_TODAY=2025-06-30 TREEM_LANG=en
unset TREEM_DB
fails=0 passes=0

t() { "$TREEM" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"; echo $? >"$TMP/rc"; }
rc() { cat "$TMP/rc"; }
ok() { passes=$((passes + 1)); }
bad() { fails=$((fails + 1)); echo "FAIL: $*"; echo "  stdout: $(head -c 600 "$TMP/out")"; echo "  stderr: $(head -c 600 "$TMP/err")"; }
expect_rc() { # expected-status description
    if [ "$(rc)" = "$1" ]; then ok; else bad "$2: exit $(rc), expected $1"; fi
}
expect_out() { # text description
    if grep -qF -- "$1" "$TMP/out"; then ok; else bad "$2: stdout lacks '$1'"; fi
}
expect_err() {
    if grep -qF -- "$1" "$TMP/err"; then ok; else bad "$2: stderr lacks '$1'"; fi
}
expect_lines() { # count description
    n=$(wc -l <"$TMP/out" | tr -d ' ')
    if [ "$n" = "$1" ]; then ok; else bad "$2: $n lines, expected $1"; fi
}
count_children() { "$TREEM" --db "$DB" child list --all | wc -l | tr -d ' '; }

t init --commune 21934 --village "Khu phố Lý Tây" --village "Khu phố An Lộc"
expect_rc 0 "init"

# --- add, list, show
t child add --name "Nguyễn Thị Đào" --dob 15/03/2018 --sex nu --village "ly tay" \
    --guardian "Trần Thị Hoa" --phone 0912345678 --id 052318001234 --group a.1 --group-from 01/01/2025
expect_rc 0 "add"
expect_out "TE-0001" "add prints the code"
t child add --name "Trần Văn Bình" --age 6 --sex nam --village "Khu phố An Lộc"
expect_rc 0 "add with an estimated age"
expect_out "TE-0002" "second code"

for q in "nguyen thi dao" "DAO nguyen thi" "Nguyễn Thị Đào" "$(printf 'Nguye\314\202\314\203n Thi\314\243 \304\220a\314\200o')" "te-0001" "052318001234" "tran thi hoa" "0912345678"; do
    t child list --search "$q"
    expect_rc 0 "list --search '$q'"
    expect_lines 1 "list --search '$q'"
    expect_out "TE-0001	Nguyễn Thị Đào	15/03/2018	Female	Khu phố Lý Tây" "list --search '$q'"
done
t child list --search "an loc"
expect_out "TE-0002	Trần Văn Bình	~6 years	Male	Khu phố An Lộc" "estimated age shown with ~"
t child list --search "xyz"
expect_rc 0 "no match"
expect_lines 0 "no match"
t child list --village "Khu phố An Lộc"
expect_lines 1 "--village"
t child list --sex nu
expect_lines 1 "--sex"
t child list --age-from 7 --age-to 7
expect_out "TE-0001" "--age-from/--age-to"
expect_lines 1 "--age-from/--age-to"
t child list --group a
expect_out "TE-0001" "--group letter"
expect_lines 1 "--group letter"
t child list --group a.1 --on 31/12/2024
expect_lines 0 "--group before the period"
t child list --limit 1
expect_lines 1 "--limit"

t child show TE-0001
expect_rc 0 "show"
expect_out "Nguyễn Thị Đào" "show name"
expect_out "Trần Thị Hoa" "show carer"
expect_out "a.1" "show group"
expect_out "052318001234" "show ID"

# --- edit; a new process sees it
t child edit te-1 --phone "0987 654 321" --notes "Đã thăm nhà"
expect_rc 0 "edit"
t child show TE-0001
expect_out "0987 654 321" "edit saved"
expect_out "Đã thăm nhà" "edit notes saved"

# --- duplicates
t child add --name "nguyen thi dao" --dob 15/03/2018 --village "Khu phố Lý Tây"
expect_rc 1 "duplicate refused"
expect_err "TE-0001" "duplicate lists the match"
expect_err "--force" "duplicate says how to save anyway"
[ "$(count_children)" = 2 ] && ok || bad "duplicate: nothing saved"
t child add --name "nguyen thi dao" --dob 15/03/2018 --village "Khu phố Lý Tây" --force
expect_rc 0 "duplicate forced"
expect_out "TE-0003" "forced code"

# --- bad input: the option named, exit 1 (2 for usage), nothing saved
before=$(count_children)
check_bad() { # status text args...
    want=$1 text=$2
    shift 2
    t child add "$@"
    expect_rc "$want" "bad input $*"
    expect_err "$text" "bad input $*"
}
check_bad 1 "--dob: " --name "Lê Văn A" --dob 31/02/2020
check_bad 1 "date of birth: " --name "Lê Văn A" --dob 01/07/2025
check_bad 1 "date of birth: this person is 17" --name "Lê Văn A" --dob 01/01/2008
check_bad 1 "estimated age: must be between 0 and 15" --name "Lê Văn A" --age 17
check_bad 1 "personal ID number: " --name "Lê Văn A" --dob 01/01/2020 --id 123
check_bad 1 "full name: must not be empty" --name "" --dob 01/01/2020
check_bad 1 "full name: at most 100 characters" --name "$(printf 'Đ%.0s' $(seq 1 101))" --dob 01/01/2020
check_bad 1 "carer's phone: " --name "Lê Văn A" --dob 01/01/2020 --phone 12ab
check_bad 1 "village: no village called" --name "Lê Văn A" --dob 01/01/2020 --village "Thôn 9"
check_bad 1 "--sex: " --name "Lê Văn A" --dob 01/01/2020 --sex robot
check_bad 1 "group: 'z.1'" --name "Lê Văn A" --dob 01/01/2020 --group z.1
check_bad 2 "--dob or --age" --name "Lê Văn A" --dob 01/01/2020 --age 5
check_bad 2 "unknown option" --name "Lê Văn A" --dob 01/01/2020 --colour blue
[ "$(count_children)" = "$before" ] && ok || bad "bad input saved something"
t child edit TE-0001 --dob 30/02/2018
expect_rc 1 "bad edit"
t child show TE-0001
expect_out "15/03/2018" "bad edit changed nothing"

# --- health facts
t child measure TE-0002 --date 01/06/2025 --weight 20,5 --height 112
expect_rc 0 "measure"
t child measure TE-0002 --weight 900
expect_rc 1 "bad weight"
expect_err "weight:" "bad weight named"
t child check TE-0002 --date 02/03/2025
expect_rc 0 "health check"
t child show TE-0002
expect_out "20.5 kg" "measure shown"
expect_out "02/03/2025" "check shown"

# --- delete
t child delete TE-0003
expect_rc 1 "delete needs --yes"
expect_err "--yes" "delete explains --yes"
t child delete TE-0003 --yes
expect_rc 0 "delete"
t child show TE-0003
expect_rc 1 "deleted child is gone"
[ "$(count_children)" = 2 ] && ok || bad "delete count"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
