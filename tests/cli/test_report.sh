#!/bin/sh
# test_report — `treem report`: the annual and 6-month reports of a small
# register (by sex and age group, the 16th birthday kept apart), cases
# counted only inside the period, the level above from the setting (never a
# district), no reporter nor child's name in the text or the CSV, usage errors.
. "$(dirname "$0")/../lib.sh"
need_treem
TREEM_TODAY="2026-03-16 09:00"
export TREEM_TODAY
DB=$T/t.db
tr() { "$TREEM" --db "$DB" report "$@"; }

expect_rc 0 "$TREEM" --db "$DB" init --commune 21934 --village "Khu phố Lý Tây"
expect_rc 0 "$TREEM" --db "$DB" setting set level_above "Sở Y tế tỉnh Thử"
expect_rc 0 "$TREEM" --db "$DB" child add --name "Lê Thị An" --dob 01/05/2024 --sex nu
expect_rc 0 "$TREEM" --db "$DB" child add --name "Phạm Văn Bình" --dob 10/01/2021 --sex nam
TREEM_TODAY=2025-06-30 expect_rc 0 "$TREEM" --db "$DB" child add --name "Hồ Thị Dung" --dob 31/12/2009 --sex nu
expect_rc 0 "$TREEM" --db "$DB" case add --source 111 --kind violence \
    --date 01/03/2025 --time 10:00 --child TE-0002 --consent --reporter-name "Trần Văn Báo Tin" \
    --reporter-phone 0905123456
expect_rc 0 "$TREEM" --db "$DB" case add --source phone --kind neglect --level prevention --level-reason "Chỉ cần theo dõi" \
    --date 01/02/2026 --time 10:00

expect_rc 0 tr --year 2025
expect_grep "^Annual report 2025$" "$OUT"
expect_grep "Sent to +Sở Y tế tỉnh Thử" "$OUT"
expect_no_grep "huyện|[Dd]istrict" "$OUT"
expect_grep "Children under 16 on 31/12/2025 +2$" "$OUT"
expect_grep "Aged 0–2 +1 \(boys 0, girls 1, not known 0\)" "$OUT"
expect_grep "Aged 3–5 +1 \(boys 1, girls 0, not known 0\)" "$OUT"
expect_grep "Aged 16 or over \(kept apart, not counted above\)" "$OUT"
expect_grep "Cases received in the period +1$" "$OUT"
expect_grep "    Violence +1$" "$OUT"
expect_grep "    Neglect +0$" "$OUT"
expect_grep "Self-assessment 2025 +not scored yet" "$OUT"
expect_no_grep "Trần Văn Báo Tin|0905123456|Lê Thị An|Phạm Văn Bình" "$OUT"

expect_rc 0 tr --half 2026 --csv "$T/r.csv"
expect_grep "^6-month report 2026$" "$OUT"
expect_grep "Period +01/01/2026 – 30/06/2026" "$OUT"
expect_grep "Report written to $T/r.csv" "$OUT"
expect_grep "section,label,value" "$T/r.csv"
expect_grep "Cases received in the period,1" "$T/r.csv"
expect_grep "By kind: Neglect,1" "$T/r.csv"
expect_no_grep "Trần Văn Báo Tin|0905123456|Lê Thị An" "$T/r.csv"

expect_rc 2 tr --year 2025 --half 2025
expect_rc 2 tr --from 01/03/2025
expect_rc 2 tr --year abc
expect_rc 1 tr --from 01/04/2025 --to 01/03/2025
expect_grep "to: the period ends before it begins" "$ERR"
