#!/bin/sh
# test_score — `treem score` and `treem rubric` end to end on temporary
# databases: type a value with evidence and see its points and the total
# change; no verdict while scales are missing; complete the scales with
# `treem rubric band-set` (first database) or by importing a completed
# rubric CSV (second database) and see the verdict appear; a criterion at 0
# blocks recognition; the dossier CSV; exit codes.
set -eu

BIN=${TREEM_BIN:-./treem}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/treem-score.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export TREEM_LANG=en TREEM_TODAY=2025-03-01
out="$tmp/out"

fail() {
    echo "FAIL: $*" >&2
    [ -f "$out" ] && sed 's/^/  | /' "$out" >&2
    exit 1
}
# run EXPECTED-EXIT CMD...: runs treem, output (stdout+stderr) in $out
run() {
    want=$1
    shift
    set +e
    "$BIN" "$@" >"$out" 2>&1
    got=$?
    set -e
    [ "$got" -eq "$want" ] || fail "treem $* exited $got, expected $want"
}
has() { grep -q -- "$1" "$out" || fail "expected output matching: $1"; }
hasnt() { ! grep -q -- "$1" "$out" || fail "unexpected output matching: $1"; }

# Values for every shipped indicator: yes/no → có, counts → 0, rates → 99
# (6.2 → 100), so that the known top bands of 6.1, 6.2, 7.1 are reached.
type_all() {
    for code in 1.1 1.2 1.3 1.4 11.1; do run 0 score set --year 2024 --indicator $code --value có; done
    for code in 3.1 4.1 5.1 12.1; do run 0 score set --year 2024 --indicator $code --value 0; done
    for code in 2.1 3.2 5.2 6.1 7.1 8.1 8.2 9.1 10.1 13.1; do
        run 0 score set --year 2024 --indicator $code --value 99
    done
    run 0 score set --year 2024 --indicator 6.2 --value 100 --evidence "Sổ theo dõi vụ việc"
}

# ------------------------------------------------ first database: band-set
export TREEM_DB="$tmp/a.db"
run 0 init --commune 00004

run 0 score --year 2024
has "Rule set: QĐ 06/QĐ-TTg (2019)"
has "^Verdict: no verdict yet: no scale yet for criteria 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13"
has "not computable yet — type the value"

# type a value with evidence: points and total change
run 0 score set --year 2024 --indicator 6.1 --value 97 --evidence "Báo cáo 12/BC-UBND"
run 0 score --year 2024 --class 850
has "^  6.1   97 %  *50 "
has "evidence: Báo cáo 12/BC-UBND"
has "Criterion 6\. .*: 50 / 125 points"
has "^Total: 50 (partial)"
# the band edge: exactly 95 % scores, 94.9 % has no known band
run 0 score set --year 2024 --indicator 6.1 --value 95
run 0 score --year 2024
has "^  6.1   95 %  *50 "
run 0 score set --year 2024 --indicator 6.1 --value "94,9"
run 0 score --year 2024
has "^  6.1   94.9 %  *? "
has "^Total: 0 (partial)"

# wrong input: exit 1 with a message naming the field; wrong usage: exit 2
run 1 score set --year 2024 --indicator 6.1 --value 120
has "indicator 6.1: a percentage cannot exceed 100"
run 1 score set --year 2024 --indicator 9.9 --value 1
has "9.9"
run 2 score set --year 2024 --value 97
run 2 score --year 20x4
has "year between 2000 and 2100"
run 2 score --year 2101
has "'2101' is not a year between 2000 and 2100"
run 2 rubric max-set --criterion 1001 --points 5
has "'1001' is not a criterion number"
run 1 score set --year 2024 --class 123
has "no recognition class '123'"

type_all
run 0 score set --year 2024 --class 850
run 0 score --year 2024
has "^Total: 255 (partial)"
has "no scale yet for criteria 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13;"

# complete every scale with band-set (made-up bands: this is a test)
run 0 rubric band-set --indicator 1.2 --from ">=0" --to "<1" --points 0 --source "thử" --complete
run 0 rubric band-set --indicator 1.4 --from ">=1" --to "<=1" --points 20 --source "thử"
run 0 rubric band-set --indicator 1.4 --from ">=0" --to "<1" --points 0 --source "thử" --complete
for code in 6.1 6.2 7.1; do
    run 0 rubric band-set --indicator $code --complete
done
run 0 score --year 2024
has "^Total: 275 (partial)"
for code in 2.1 3.1 3.2 4.1 5.1 5.2 8.1 8.2 9.1 10.1 11.1 12.1; do
    run 0 rubric band-set --indicator $code --from ">=0" --points 50 --source "thử" --complete
done
run 0 score --year 2024
has "no scale yet for criterion 13; partial total 875"
# a band that does not hold the value does not help
run 0 rubric band-set --indicator 13.1 --from ">=100" --points 50 --source "thử"
run 0 score --year 2024
has "no scale yet for criterion 13;"
run 0 rubric band-set --indicator 13.1 --from ">=0" --to "<100" --points 50 --source "thử" --complete
run 0 score --year 2024 --csv "$tmp/sheet.csv"
has "^Total: 925$"
has "^Verdict: passed: total 925 ≥ 850"
has "Scoring sheet written to"
grep -q "Verdict" "$tmp/sheet.csv" || fail "the CSV has no verdict row"
head -c 3 "$tmp/sheet.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "the CSV has no BOM"

# a criterion at 0 blocks recognition even above the threshold
run 0 rubric band-del --indicator 2.1 --from ">=0"
run 0 rubric band-set --indicator 2.1 --from ">=90" --points 50 --source "thử"
run 0 rubric band-set --indicator 2.1 --from ">=0" --to "<90" --points 0 --source "thử"
run 0 score set --year 2024 --indicator 2.1 --value 80
run 0 score --year 2024
has "^Verdict: not passed: criterion 2 scored 0$"
run 0 score --year 2024 --class 900
has "^Verdict: not passed: criterion 2 scored 0; total 875 < 900"

run 1 score set --year 2024 --indicator 2.1 --department khongco
has "department: 'khongco'"
# the previous year: 2023 scored criterion 6 fully, 2024 too
run 0 score set --year 2023 --indicator 6.1 --value 97
run 0 score set --year 2023 --indicator 6.2 --value 50
run 0 score --year 2024
has "^  criterion 6: 50 → 125 (rose)"
has "cannot compare criteria 1, 2, 3"

run 0 rubric show --indicator 2.1
has "\[90; ∞) → 50 points  \[thử\]"
has "scale complete"
run 1 rubric band-set --indicator 2.1 --from ">=85" --to "<95" --points 5 --source "thử"
has "overlaps"
run 1 rubric band-set --indicator 2.1 --from ">=100" --points 5
has "source"

# ------------------------------- second database: import a completed CSV
export TREEM_DB="$tmp/b.db"
run 0 init --commune 00004
type_all
run 0 score set --year 2024 --class 850
run 0 score --year 2024
has "no verdict"
run 0 rubric export "$tmp/rubric.csv"
cp "$tmp/rubric.csv" "$tmp/full.csv"
{
    echo "khung,1.2,,,,,,>=0,<1,0,1,,thử"
    echo "khung,1.4,,,,,,>=1,<=1,20,,,thử"
    echo "khung,1.4,,,,,,>=0,<1,0,1,,thử"
    for code in 6.1 6.2 7.1; do echo "khung,$code,,,,,,>=0,<1,0,1,,thử"; done
    for code in 2.1 3.1 3.2 4.1 5.1 5.2 8.1 8.2 9.1 10.1 11.1 12.1 13.1; do
        echo "khung,$code,,,,,,>=0,,50,1,,thử"
    done
} >>"$tmp/full.csv"
run 0 rubric import "$tmp/full.csv"
has "updated"
run 0 score --year 2024
has "^Verdict: passed: total 925 ≥ 850"
# importing the exported (incomplete) file again takes the verdict away
run 0 rubric import "$tmp/rubric.csv"
run 0 score --year 2024
has "no verdict"
hasnt "^Verdict: passed"

# a broken file is refused with its line and column, and changes nothing
printf 'loai,ma,noi_dung\nbo_tieu_chi,,X\nkhung,6.1,,\n' >"$tmp/bad.csv"
run 1 rubric import "$tmp/bad.csv"
has "line 3, column ma"
run 1 rubric import "$tmp/missing.csv"
exit 0
