#!/bin/sh
# Tổng hợp at 80x24: a level-above database with the demo ward's package
# and a small ward's older one; the screen lists the province's communes with
# their code, package date, counts and verdict; the late one and those with
# no package stand out by word (monochrome too); Enter opens a commune's
# report from its own database, b its charts, Esc comes back.
. "$(dirname "$0")/lib.sh"

T=$E2E_DIR
"$TREEM_BIN" --db "$T/demo.db" demo --force >/dev/null
"$TREEM_BIN" --db "$T/demo.db" handoff --out "$T/pa" >/dev/null
"$TREEM_BIN" --db "$T/b.db" init --commune 30292 --village "Thôn 1" >/dev/null
"$TREEM_BIN" --db "$T/b.db" child add --name "Lê Văn Tèo" --dob 01/02/2020 --sex nam --village "Thôn 1" >/dev/null
TREEM_TODAY="2025-11-20 10:00" "$TREEM_BIN" --db "$T/b.db" handoff --out "$T/pb" --to 20/11/2025 >/dev/null
"$TREEM_BIN" --db "$E2E_DB" init --province 91 >/dev/null
"$TREEM_BIN" --db "$E2E_DB" receive "$T/pa" "$T/pb" >/dev/null || fail "the packages were not received"
# the figure to find, as `treem communes` computes it
kids=$("$TREEM_BIN" --db "$E2E_DB" communes | sed -n 's/^30502 .* \([0-9][0-9]*\) .*/\1/p' | head -1)

start
wait_for "Tổng hợp — Tỉnh An Giang (91)"
wait_for "102 xã, 2 đã nộp (1 trễ), 100 chưa nộp"
wait_for "30502 Phường Thới Sơn"
screen | grep -q "30502 Phường Thới Sơn .*16/03/2026" || fail "no package date for 30502"
ok "the Tổng hợp lists the province's communes with the last package"
screen | grep -q "30292 Phường Bình Đức .*TRỄ" || fail "the late commune does not stand out"
screen | grep -q "CHƯA NỘP" || fail "communes with no package do not stand out"
ok "late and missing communes stand out"
wait_for "30292: kỳ 01/01/1900–20/11/2025, người lập"
keys Down
wait_for "30502: kỳ 01/01/1900–16/03/2026, người lập Nguyễn Thị Hồng"
ok "the selected commune's period and who made its package"
keys Enter
wait_for "Xã, phường"
wait_for "Phường Thới Sơn (30502)"
wait_for "Báo cáo 6 tháng năm 2026"
ok "Enter opens the commune's report"
keys b
wait_for "Trẻ em dưới 16 tuổi theo thôn"
wait_for "█"
ok "b shows the commune's charts"
keys Escape
wait_for "Tổng hợp — Tỉnh An Giang (91)"
ok "Esc comes back to the Tổng hợp"
keys 7
wait_for "Báo cáo 6 tháng năm 2026 — tổng hợp các xã"
wait_for "Trẻ em dưới 16 tuổi ngày 16/03/2026"
ok "Báo cáo shows the report summed over the communes"
keys 1
wait_for "Tổng hợp — Tỉnh An Giang (91)"
ok "1 comes back to the Tổng hợp"
[ -n "$kids" ] || fail "treem communes printed no count for 30502"
done_testing
