#!/bin/sh
# test_report — `treem report`: the annual and 6-month reports of a small
# register (by sex and age group; the annual period ends 14/12, before the
# 16th birthday of 31/12), cases
# counted only inside the period, the level above from the setting (never a
# district), no reporter nor child's name in the text or the CSV, usage errors.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_cli.sh"
need_treem
today "2026-03-16 09:00"
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
expect_grep "Children under 16 on 14/12/2025 +3 \(boys 1, girls 2, not known 0\)$" "$OUT"
expect_grep "Aged 0–2 +1 \(boys 0, girls 1, not known 0\)" "$OUT"
expect_grep "Aged 3–5 +1 \(boys 1, girls 0, not known 0\)" "$OUT"
expect_grep "Aged 16 or over \(kept apart, not counted above\)" "$OUT"
expect_grep "Cases received in the period +1 \(boys 1, girls 0, not known 0\)$" "$OUT"
expect_grep "    Violence +1 \(boys 1" "$OUT"
expect_grep "    Neglect +0 \(" "$OUT"
expect_grep "Self-assessment 2025 +not scored yet" "$OUT"
expect_no_grep "Trần Văn Báo Tin|0905123456|Lê Thị An|Phạm Văn Bình" "$OUT"

expect_rc 0 tr --half 2026 --csv "$T/r.csv"
expect_grep "^6-month report 2026$" "$OUT"
expect_grep "Period +15/12/2025 – 14/06/2026" "$OUT"
expect_grep "Report written to $T/r.csv" "$OUT"
expect_grep "^.?code,label,value,male,female,sex_unknown,of_total,helped" "$T/r.csv"
expect_grep "Cases received in the period,1" "$T/r.csv"
expect_grep "^BV02.4,Neglect,1,0,0,1,," "$T/r.csv"
expect_grep "^BV01,Cases received in the period,1,0,0,1,," "$T/r.csv"
expect_report_numbers "$T/r.csv"

# the cut-off days are settings; the number and the signer are options
expect_rc 0 "$TREEM" --db "$DB" setting set report_start 01/01
expect_rc 0 "$TREEM" --db "$DB" setting set report_half_end 30/06
expect_rc 0 tr --half 2026 --number 07/BC-UBND --signer "Nguyễn Văn Ký"
expect_grep "Period +01/01/2026 – 30/06/2026" "$OUT"
expect_grep "Report number +07/BC-UBND" "$OUT"
expect_grep "Signed by +Nguyễn Văn Ký" "$OUT"
expect_grep "Confidential +counts only" "$OUT"
expect_rc 1 "$TREEM" --db "$DB" setting set report_year_end 31/13
expect_grep "report_year_end" "$ERR"
expect_no_grep "Trần Văn Báo Tin|0905123456|Lê Thị An" "$T/r.csv"

expect_rc 2 tr --year 2025 --half 2025
expect_rc 2 tr --from 01/03/2025
expect_rc 2 tr --year abc
expect_rc 1 tr --from 01/04/2025 --to 01/03/2025
expect_grep "to: the period ends before it begins" "$ERR"
