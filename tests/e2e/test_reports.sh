#!/bin/sh
# Báo cáo: the 6-month report opens first; F5 switches to the whole year;
# a figure the CLI computes is on the screen; F2 writes the CSV to the
# default file in the home folder, which holds the same figure.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db
report_figure total "total of children" 's/^  Trẻ em dưới 16 tuổi ngày 16\/03\/2026 *\([0-9][0-9]*\) (.*$/\1/p' --year 2026

open_reports
wait_for "< 6 tháng đầu năm >"
ok "the reports tab opens on the 6-month report of this year"
keys F5
wait_for "< cả năm >"
wait_for "Báo cáo năm 2026"
wait_for "Trẻ em dưới 16 tuổi ngày 16/03/2026"
screen | grep -q "Trẻ em dưới 16 tuổi ngày 16/03/2026 *$total" || fail "the total $total is not shown"
ok "the whole-year report shows the children under 16 ($total)"
expect_no "huyện"
keys Left
wait_for "Báo cáo năm 2025"
keys Right
wait_for "Báo cáo năm 2026"
ok "Left/Right change the year"

keys F2
on_screen "Report CSV"
wait_for "Ghi báo cáo ra tệp CSV"
wait_for "~/bao-cao-2026-canam.csv"
keys F2
on_screen "Reports"
wait_for "Đã ghi báo cáo vào $HOME/bao-cao-2026-canam.csv"
[ -f "$HOME/bao-cao-2026-canam.csv" ] || fail "the CSV file was not written"
grep -q "^TE01,Trẻ em dưới 16 tuổi ngày 16/03/2026,$total," "$HOME/bao-cao-2026-canam.csv" ||
    fail "the CSV does not hold the total $total"
ok "F2 writes the CSV to the home folder with the same figure"

keys F4
on_screen "Report period"
wait_for "Kỳ báo cáo"
keys Down
keys BSpace BSpace BSpace BSpace
type_text "2025"
keys F2
on_screen "Reports"
wait_for "Báo cáo năm 2025"
ok "F4 takes a typed year"
done_testing
