#!/bin/sh
# test_case — `treem case add|list|show|due|step|end|link|delete` on a
# temporary database: deadlines from the dates, the stage moving with the
# steps, bad input naming the field and saving nothing, the reporter never in
# lists, names hidden by role, deletion asked twice and audited.
. "$(dirname "$0")/../lib.sh"
need_treem
today "2026-03-16 09:00"
DB=$T/t.db
tc() { "$TREEM" --db "$DB" case "$@"; }
TAB=$(printf '\t')

expect_rc 0 "$TREEM" --db "$DB" init --commune 21934 --village "Khu phố Lý Tây"
expect_rc 0 "$TREEM" --db "$DB" child add --name "Nguyễn Thị Đào" --dob 15/03/2018 --sex nu
expect_grep "^TE-0001$" "$OUT"

# --- intake: plan 5 working days after the intake; violence is abuse, so
# the level is "can thiệp" unless a reason is given for a lower one
expect_rc 1 tc add --source 111 --kind "bạo lực" --level support --date 15/03/2026 --time 22:30
expect_grep "protection level: .*Intervention level" "$ERR"
expect_rc 0 tc add --source 111 --kind "bạo lực" --date 15/03/2026 --time 22:30 \
    --child TE-0001 --place "Khu phố Lý Tây" --consent --reporter-name "Lê Văn Tố" --reporter-phone 0905000111
expect_grep "^VV-0001$" "$OUT"
expect_rc 0 tc show VV-0001
expect_grep "Protection level: +Intervention" "$OUT"
expect_no_grep "Initial assessment \(" "$OUT"
expect_grep "20/03/2026  Support plan" "$OUT"
expect_grep "Reporter: +Lê Văn Tố, 0905000111" "$OUT"
expect_rc 0 tc list
expect_grep "^VV-0001${TAB}15/03/2026 22:30${TAB}Nguyễn Thị Đào${TAB}Violence${TAB}Received${TAB}Support plan due 20/03/2026$" "$OUT"
expect_no_grep "Lê Văn Tố|0905000111" "$OUT"
# 16 and older: not a child under Nghị định 56
expect_rc 1 tc add --source phone --kind injury --injury other --age 16
expect_grep "estimated age: 16 years: .*under 16" "$ERR"

# --- bad input: named field, nothing saved
expect_rc 1 tc add --source phone --kind violence --level support --date 16/03/2026 --time 25:00
expect_grep "received: .*hour" "$ERR"
expect_rc 1 tc add --source phone --kind violence --level support --reporter-name "X"
expect_grep "reporter: " "$ERR"
expect_rc 1 tc add --source phone --kind injury --level support
expect_grep "injury cause: " "$ERR"
expect_rc 1 tc add --source fax --kind violence --level support
expect_grep "\-\-source: 'fax'" "$ERR"
expect_rc 1 tc step VV-0001 initial --date 15/03/2026 --time 22:00 --emergency yes
expect_grep "step date: before the intake" "$ERR"
expect_rc 1 tc step VV-0001 approval --date 16/03/2026 --time 08:00
expect_grep "approval: " "$ERR"
expect_rc 1 tc step VV-0001 detailed --date 16/03/2026 --time 08:00 --emergency yes
expect_grep "emergency: " "$ERR"
expect_rc 0 tc show VV-0001
expect_grep "no steps yet" "$OUT"

# --- the steps move the stage
expect_rc 0 tc step VV-0001 initial --date 16/03/2026 --time 06:00 --emergency no --who "Cán bộ"
expect_rc 0 tc list --stage assessment
expect_grep "^VV-0001" "$OUT"
expect_rc 0 tc step VV-0001 detailed --date 16/03/2026 --time 07:00 --risk "An toàn=cao" --risk "Học tập=thấp"
expect_rc 0 tc step VV-0001 plan --date 16/03/2026 --time 08:00 \
    --service "Tư vấn tâm lý;;16/03/2026;30/04/2026;500000"
expect_rc 0 tc list --stage approval
expect_grep "Plan approval due 18/03/2026$" "$OUT"
expect_rc 1 tc step VV-0001 approval --date 16/03/2026 --time 07:30
expect_grep "approval: dated before the plan" "$ERR"
expect_rc 1 tc step VV-0001 plan --date 16/03/2026 --time 08:30
expect_grep "step: Support plan cannot come here: a plan is already waiting for approval" "$ERR"
expect_rc 0 tc step VV-0001 approval --date 16/03/2026 --time 08:45 --who "Chủ tịch UBND"
expect_rc 1 tc step VV-0001 plan --date 16/03/2026 --time 08:48 --service "X;;20/03/2026;19/03/2026"
expect_grep "end: the end is before the start" "$ERR"
expect_rc 0 tc show VV-0001
expect_grep "Stage: +Carrying out" "$OUT"
expect_grep "Physical safety: High risk" "$OUT"
expect_grep "Schooling and education: Low risk" "$OUT"
expect_grep "Tư vấn tâm lý .*500000" "$OUT"
expect_rc 1 tc step VV-0001 review --date 16/03/2026 --time 08:46 --risk "Tiền bạc=cao"
expect_grep "risk factor: 'Tiền bạc'" "$ERR"

# --- an overdue case is at the top of the due list; --overdue lists only it.
# Danger found at the initial assessment: the emergency action is due 12
# hours after the intake (08:00 → 20:00), not after the assessment.
expect_rc 0 tc add --source school --kind neglect --level prevention --date 02/03/2026 --time 08:00 \
    --note "bé trai khoảng 10 tuổi" --age 10 --sex nam --level-reason "Gia đình đã nhận lại trẻ"
expect_rc 0 tc step VV-0002 initial --date 02/03/2026 --time 09:00 --emergency yes
expect_rc 0 tc add --source phone --kind injury --injury drowning --level support \
    --date 16/03/2026 --time 07:00
expect_rc 0 tc due
head -1 "$OUT" >"$T/first"
expect_grep "^overdue${TAB}02/03/2026 20:00${TAB}VV-0002${TAB}Emergency action or temporary separation${TAB}bé trai" "$T/first"
expect_rc 0 tc due --overdue
expect_grep "^overdue${TAB}09/03/2026${TAB}VV-0002${TAB}Support plan" "$OUT"
n=$(wc -l <"$OUT" | tr -d ' ')
if [ "$n" = 2 ]; then pass "due --overdue: two lines"; else fail "due --overdue: $n lines"; fi
expect_rc 0 tc list --overdue
expect_grep "^VV-0002" "$OUT"
expect_rc 0 tc list --kind injury
expect_grep "Accident or injury: Drowning" "$OUT"

# --- link the unidentified child later
expect_rc 0 tc link VV-0002 TE-0001
expect_rc 0 tc list --child TE-0001
n=$(wc -l <"$OUT" | tr -d ' ')
if [ "$n" = 2 ]; then pass "list --child: 2 cases"; else fail "list --child: $n"; fi
# A child code the register does not hold is an error naming it (add, edit
# and link look the child up alike), not a crash.
expect_rc 1 tc add --source 111 --kind "bạo lực" --child TE-0999
expect_grep "TE-0999" "$ERR"
expect_rc 1 tc edit VV-0001 --child nosuch
expect_grep "'nosuch' is not a child code" "$ERR"

# --- a separation: 15 days
expect_rc 0 tc step VV-0001 separation --date 16/03/2026 --time 08:50
expect_rc 0 tc show VV-0001
expect_grep "31/03/2026  Temporary separation" "$OUT"

# --- roles: a collaborator sees codes, never names, never the reporter
expect_rc 0 "$TREEM" --db "$DB" setting set role collaborator
expect_rc 0 tc list
expect_grep "TE-0001" "$OUT"
expect_no_grep "Nguyễn Thị Đào" "$OUT"
expect_rc 0 tc show VV-0001
expect_grep "Reporter: +\(confidential\)" "$OUT"
expect_no_grep "Lê Văn Tố|Nguyễn Thị Đào" "$OUT"
expect_rc 0 "$TREEM" --db "$DB" setting set role officer

# --- deleting asks twice and is audited
expect_rc 1 tc delete VV-0003 --yes
expect_grep "twice" "$ERR"
expect_rc 1 tc delete VV-0003 --yes --confirm VV-0002
expect_rc 0 tc delete VV-0003 --yes --confirm vv-0003
expect_rc 0 tc delete VV-0002 --yes --yes
expect_rc 1 tc show VV-0002
if command -v sqlite3 >/dev/null 2>&1; then
    expect_sql "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'case' AND action = 'delete'" 2 "2 deletions audited"
    expect_sql "$DB" "SELECT count(*) FROM audit_log WHERE new_value LIKE '%Tố%' OR old_value LIKE '%Tố%'" 0 "the reporter is not in the audit log"
fi

# --- corrections: edit the intake, edit and delete steps, in the legal order
expect_rc 0 tc add --source phone --kind violence --level intervention --date 10/03/2026 --time 08:00 --place "Thôn A"
expect_grep "^VV-0004$" "$OUT"
expect_rc 1 tc step VV-0004 detailed --date 10/03/2026 --time 09:00
expect_grep "step: Detailed assessment cannot come here: the initial assessment .* comes first" "$ERR"
expect_rc 0 tc step VV-0004 initial --date 10/03/2026 --time 09:00 --emergency yes
ini=$(sed -n 's/^Recorded step \([0-9]*\) .*/\1/p' "$OUT")
expect_rc 0 tc step VV-0004 detailed --date 11/03/2026 --time 09:00 --notes "ghi chú cũ"
det=$(sed -n 's/^Recorded step \([0-9]*\) .*/\1/p' "$OUT")
expect_rc 0 tc edit VV-0004 --place "Thôn B" --level support --level-reason "gia đình đã tự bảo vệ được trẻ" --time 07:30
expect_grep "^Saved case VV-0004" "$OUT"
expect_rc 1 tc edit VV-0004 --level nowhere
expect_grep "\-\-level: 'nowhere'" "$ERR"
expect_rc 1 tc edit VV-0004 --date 12/03/2026
expect_grep "received: step #$ini .* would then be out of order" "$ERR"
expect_rc 2 tc edit VV-0004
expect_grep "say what to change" "$ERR"
expect_rc 0 tc step-edit VV-0004 "$det" --notes "ghi chú mới" --date 12/03/2026 --risk "An toàn=cao"
expect_rc 0 tc show VV-0004
expect_grep "Place: +Thôn B" "$OUT"
expect_grep "12/03/2026 09:00  #$det Detailed assessment" "$OUT"
expect_grep "Physical safety: High risk" "$OUT"
expect_rc 1 tc step-edit VV-0004 "$det" --date 09/03/2026
expect_grep "step date: before the intake" "$ERR"
expect_rc 1 tc step-edit VV-0004 x --notes a
expect_grep "step: 'x'" "$ERR"
expect_rc 1 tc step-edit VV-0004 99999 --notes a
expect_grep "step: case VV-0004 has no step #99999" "$ERR"
expect_rc 1 tc step-delete VV-0004 "$ini" --yes
expect_grep "step: step #$det .* would then be out of order" "$ERR"
expect_rc 1 tc step-delete VV-0004 "$det"
expect_grep "add --yes" "$ERR"
expect_rc 0 tc step-delete VV-0004 "$det" --yes
# the initial assessment found danger: the emergency action is due 12 hours
# after the intake (moved to 07:30), overdue
expect_rc 0 tc show VV-0004
expect_grep "10/03/2026 19:30  Emergency action or temporary separation \(overdue\)" "$OUT"
expect_rc 0 tc step-delete VV-0004 "$ini" --yes
# back to a case just received: the emergency action is no longer awaited,
# the support plan still is
expect_rc 0 tc show VV-0004
expect_no_grep "Emergency action or temporary separation" "$OUT"
expect_grep "17/03/2026  Support plan" "$OUT"
if command -v sqlite3 >/dev/null 2>&1; then
    expect_sql "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'case' AND field = 'place' AND old_value = 'Thôn A' AND new_value = 'Thôn B'" 1 "the old place is in the audit log"
    expect_sql "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'case_step' AND action = 'delete' AND old_value LIKE '%detailed 2026-03-12 09:00; notes ghi chú mới'" 1 "the deleted step is in the audit log"
    expect_sql "$DB" "SELECT count(*) FROM audit_log WHERE entity = 'case_risk' AND action = 'delete' AND old_value LIKE '%physical_safety=high'" 1 "the deleted rating is in the audit log"
fi

# --- the history of a case: the old values and the deleted steps
expect_rc 0 "$TREEM" --db "$DB" history case VV-0004
expect_grep "changed Place: Thôn A → Thôn B" "$OUT"
expect_grep "step #$det deleted: case " "$OUT"
expect_rc 1 "$TREEM" --db "$DB" history cases VV-0004
expect_grep "KIND: 'cases' is not one of" "$ERR"
