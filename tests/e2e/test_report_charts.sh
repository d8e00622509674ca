#!/bin/sh
# Báo cáo charts at 80x24: b draws bars of block characters for children by
# village and by age band, special circumstances by group and cases by
# month; Down/PgDn scroll; b again shows the lines; with --ascii the bars
# are '#'. The figures are the report's own (read from `treem report`).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db
report_figure village "count for Khóm Xuân Hòa" 's/^    Khóm Xuân Hòa  *\([0-9][0-9]*\)$/\1/p' --half 2026

open_reports
keys b
wait_for "Trẻ em dưới 16 tuổi theo thôn"
screen | grep -q "Khóm Xuân Hòa  *█*[▏▎▍▌▋▊▉]* $village$" || fail "the village bar does not end with $village"
ok "b draws the children by village as bars ($village in Khóm Xuân Hòa)"
wait_for "Trẻ em dưới 16 tuổi theo độ tuổi"
wait_for "Từ 6–10 tuổi"
ok "the age bands follow"
keys PgDn
wait_for "a) Trẻ em mồ côi"
ok "PgDn shows the special circumstances by group"
keys PgDn
wait_for "Vụ việc tiếp nhận theo tháng"
wait_for "12/2025"
wait_for "06/2026"
ok "PgDn reaches the cases by month, 12/2025 to 06/2026"
keys b
wait_for "Trẻ em dưới 16 tuổi ngày 16/03/2026"
ok "b again shows the lines"

open_reports --ascii
keys b
wait_for "Trẻ em dưới 16 tuổi theo thôn"
screen | grep -q "Khóm Xuân Hòa  *##* $village$" || fail "no ASCII bar"
expect_no "█"
ok "--ascii draws the bars with #"
done_testing
