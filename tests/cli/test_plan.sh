#!/bin/sh
# test_plan — end to end through the treem binary: a plan with two targets,
# tasks for two departments, one marked done, the other overdue once
# TREEM_TODAY passes its due date, bad input refused at the field, and the
# plan copied to the next year. Self-contained (no tests/lib.sh needed).
set -u
T=${TREEM_BIN:-./treem}
dir=$(mktemp -d "${TMPDIR:-/tmp}/treem-plan.XXXXXX") || exit 99
trap 'rm -rf "$dir"' EXIT INT TERM
db=$dir/t.db
out=$dir/out
err=$dir/err
failures=0

fail() {
    echo "FAIL: $*"
    echo "--- stdout:"; cat "$out"
    echo "--- stderr:"; cat "$err"
    failures=$((failures + 1))
}

# run EXPECTED_STATUS ARGS… — runs treem in English on the test database.
run() {
    want=$1
    shift
    "$T" --lang en --db "$db" "$@" >"$out" 2>"$err"
    got=$?
    [ "$got" -eq "$want" ] || fail "treem $* exited $got, expected $want"
}

has() { grep -q -- "$1" "$out" || fail "stdout lacks '$1'"; }
lacks() { ! grep -q -- "$1" "$out" || fail "stdout has '$1'"; }
err_has() { grep -q -- "$1" "$err" || fail "stderr lacks '$1'"; }

export TREEM_TODAY=2025-03-01
run 0 init --commune 21934

run 0 plan add --title "Kế hoạch trẻ em năm 2025" --year 2025 --number 12/KH-UBND \
    --date 15/01/2025 --report-half 15/05/2025 --report-year 15/11/2025
has "Created plan 1"
run 0 plan target-add 1 --text "100 % trẻ em sinh ra được khai sinh đúng hạn" --value 100 \
    --measure birth_reg_on_time_rate
has "Added target 1"
run 0 plan target-add 1 --text "Nhẹ cân dưới 9 %" --value 9 --direction at-most
has "Added target 2"

# Bad input: refused with the field named, exit status 1.
run 1 plan target-add 1 --text "Quá 100" --value 120
err_has "target value"
run 1 plan target-add 1 --text "Hướng" --value 5 --direction sideways
err_has "target direction: 'sideways' is not at-least or at-most"
run 1 plan event-add 1 --name "Ngày hội" --date 01/06/2025 --kind party
err_has "event kind: 'party' is not event, campaign or deadline"
run 1 task add --plan 1 --text "Không có ban ngành" --due 31/03/2025
err_has "department"
run 1 task add --plan 1 --dept congan --text "Ngược ngày" --start 10/03/2025 --due 01/03/2025
err_has "due date"
run 1 task add --plan 1 --dept congan --text "Ngày sai" --due 31/02/2025
err_has "due date"
run 1 task add --plan 1 --dept "khong co ban nay" --text x --due 31/03/2025
err_has "department"
# Wrong usage: exit status 2.
run 2 task list --bogus
run 2 plan
run 2 plan show

# Tasks for two departments (found by name without marks, and by code).
run 0 task add --plan 1 --dept "tu phap" --text "Đăng ký khai sinh đúng hạn" --criteria 2 \
    --start 01/02/2025 --due 31/03/2025
has "Added task 1"
run 0 task add --plan 1 --dept congan --text "Thống kê trẻ em bị tai nạn" --criteria "3, 4,5.1" \
    --due 30/04/2025
has "Added task 2"
# a task is marked done once it is done, not on a day still to come
run 1 task done 1 --date 02/03/2025 --evidence "Sổ đăng ký khai sinh"
err_has "done date: 02/03/2025 is in the future"
TREEM_TODAY=2025-03-25 run 0 task done 1 --date 25/03/2025 --evidence "Sổ đăng ký khai sinh"
run 0 task note 2 "Đã có số liệu quý I" --date 05/04/2025

# On the due day the open task is not overdue yet; the day after it is.
TREEM_TODAY=2025-04-30 run 0 task list --overdue
lacks "Thống kê"
TREEM_TODAY=2025-05-01 run 0 task list --overdue
has "^2	overdue	30/04/2025"
lacks "khai sinh"
TREEM_TODAY=2025-05-01 run 0 task list --dept "tu phap"
has "^1	done"
run 0 task list --criterion 5.1
has "^2	"
lacks "^1	"
run 0 task show 2
has "Đã có số liệu quý I"
has "3,4,5.1"

# A typed value with its source; the other target is not computable yet.
run 0 plan target-set 2 --value 8,5 --source "Báo cáo Trạm Y tế"
run 0 plan show 1
has "8.5 % (typed: Báo cáo Trạm Y tế"
has "· met"
has "not computable yet"

run 0 plan calendar --year 2025
has "15/05/2025	report deadline	6-month report"
has "30/04/2025	task due	Thống kê"

# Copy to 2026: dates moved, statuses reset, typed value cleared.
run 0 plan copy 1
has "Copied plan 1 to 2026 as plan 2: 2 targets, 2 tasks"
run 0 plan show 2
has "Kế hoạch trẻ em năm 2026"
has "15/05/2026"
has "Copied from plan"
lacks "8.5 %"
TREEM_TODAY=2026-01-10 run 0 task list --plan 2
has "not started	31/03/2026"
has "in progress	30/04/2026"
lacks "done"
run 1 plan copy 1
err_has "already copied"

# The departments: edit a contact and the criteria.
run 0 dept edit congan --contact "Đỗ Quang Huy" --criteria "3;4;5.1"
run 0 dept list
has "Đỗ Quang Huy"
run 1 dept edit congan --phone "abc"
err_has "phone"

# One list of measures for targets and the score sheet (model/measure.h):
# the case files' counts are there, the score sheet's older codes are read
# and stored as the current one, a rate per 1,000 suits no target.
run 0 plan measures
has "abuse_cases	count	3"
has "health_check_rate	percent	9"
run 0 plan target-add 1 --text "Khám sức khỏe" --value 90 --measure health_checked
run 0 plan target-add 1 --text "Không có vụ xâm hại" --value 0 --unit count --direction at-most \
    --measure abuse_cases
run 0 plan show 1
has "health_check_rate"
lacks "health_checked"
has "abuse_cases"
run 1 plan target-add 1 --text "Xâm hại" --value 1 --measure abuse_rate
err_has "per_thousand"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "test_plan: all checks passed"
exit 0
