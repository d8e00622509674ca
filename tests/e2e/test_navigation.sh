#!/bin/sh
# Moving between every screen of the menu row, the help screen listing the
# keys of the bar, a resize and back, and --lang en.
. "$(dirname "$0")/lib.sh"
make_demo_db

start
on_screen "Home"
wait_for "Phường Thới Sơn (30502)"
# the home figures come from the register, the cases, the plans and the sheet
home=$(screen)
printf '%s\n' "$home" | grep -qE "Trẻ em dưới 16 tuổi +[0-9]+" || fail "no children figure"
printf '%s\n' "$home" | grep -qE "Vụ việc đang xử lý +[0-9]+" || fail "no open cases figure"
# 1.1–1.3 typed (50 + 15 + 15) and criterion 6 computed from the register
# and the cases (6.1 ≥ 95 % → 50, 6.2 100 % → 75): 205, partial
printf '%s\n' "$home" | grep -qE "Điểm tiêu chí năm nay +205 +\(tạm tính\)" || fail "criteria score not shown as partial 205"
printf '%s\n' "$home" | grep -q "15/05/2026 — báo cáo 6 tháng" || fail "next report deadline missing"
ok "the home screen shows the commune's figures"

# every screen by its number: the active tab's label must show
i=1
for label in "Trang chủ:Home" "Trẻ em:Children" "Vụ việc:Cases" "Kế hoạch:Plans" "Nhiệm vụ:Tasks" \
    "Tiêu chí:Criteria" "Báo cáo:Reports" "Nhập/Xuất:Import/Export" "Cài đặt:Settings"; do
    keys "$i"
    on_screen "${label#*:}"
    wait_for "$i ${label%%:*}"
    i=$((i + 1))
done
ok "number keys open each of the nine screens"
# Cài đặt opens with a text field in focus: digits are text there, so Esc
# leaves (asking first once something was typed)
type_text "x"
keys Escape
on_screen "Unsaved input"
wait_for "Có dữ liệu chưa lưu"
keys Enter
on_screen "Settings"
wait_for "Cài đặt"
expect_no "Trẻ em dưới 16 tuổi"
keys Escape
on_screen "Unsaved input"
wait_for "Có dữ liệu chưa lưu"
keys Right Right Enter
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
ok "leaving a form with unsaved input asks, and No (the default) stays"

keys 9
on_screen "Settings"
wait_for "Sửa giá trị rồi bấm F2"
keys M-1
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
ok "Alt+1 jumps home even from a form where digits are text"
keys F9
on_screen "Children"
# a key this TERM does not describe (Home under tmux) is ignored, not read
# as Esc (which would leave the screen)
keys Home
on_screen "Children"
screen | grep -q "Tìm:" || fail "an unknown key sequence left the list"
ok "an unknown escape sequence is ignored"
keys Escape
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"
ok "F9 moves to the next screen and Esc comes back home"

# the help screen lists every key the bar shows
keys 1
wait_for "Trẻ em dưới 16 tuổi"
bar=$(screen | tail -n 1)
keys F1
on_screen "Help"
wait_for "Phím của màn hình"
help=$(screen)
for k in $(printf '%s\n' "$bar" | grep -oE '(F[0-9]+|Esc|Enter|Tab)'); do
    printf '%s\n' "$help" | grep -qE "^ *$k( |$)|^ *[^ ]+ $k " \
        || printf '%s\n' "$help" | grep -qE "(^| )$k( |$)" \
        || fail "key $k of the bar is missing from the help screen"
done
printf '%s\n' "$help" | grep -q "F10, q" || fail "help does not list F10, q"
ok "the help screen lists the keys of the bar"
keys Escape
on_screen "Home"
wait_for "Trẻ em dưới 16 tuổi"

resize 100 30
wait_for "9 Cài đặt"
[ "$(screen | wc -l)" -ge 30 ] || fail "screen did not grow to 30 rows"
resize 80 24
wait_for "Trẻ em dưới 16 tuổi"
screen | grep -q "9 Cài đặt" && fail "tab row did not reflow at 80 columns"
screen | tail -n 1 | grep -q "F10 Thoát" || fail "key bar lost after resize"
ok "resize to 100x30 and back redraws cleanly"

resize 60 20
wait_for "Cửa sổ quá nhỏ"
resize 80 24
wait_for "Trẻ em dưới 16 tuổi"
ok "a too-small terminal gets a clear message"

keys F10
wait_for "[treem exited] 0"

start --lang en
on_screen "Home"
wait_for "Children under 16"
wait_for "1 Home"
screen | tail -n 1 | grep -q "F10 Quit" || fail "English key bar expected"
ok "--lang en shows English labels"

start --no-color --ascii
wait_for "Trẻ em dưới 16 tuổi"
ok "--no-color --ascii starts"
keys q
wait_for "[treem exited] 0"
ok "q quits when nothing is unsaved"
done_testing
