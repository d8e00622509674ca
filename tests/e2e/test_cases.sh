#!/bin/sh
# Vụ việc: record an intake for a child found by an unaccented search (no
# kind chosen beforehand; violence starts at the "can thiệp" level), see the
# plan's deadline, record an initial assessment that finds serious danger
# and see the emergency action due 12 hours after the intake, the plan, the
# approval and the emergency action, and watch the stage move; the overdue demo case tops the due
# list, and `treem case due` lists the same overdue steps; deleting a case
# asks twice.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db
"$TREEM_BIN" --db "$E2E_DB" child add --name "Đặng Thị Ánh Tuyết" --dob 04/05/2017 --sex nu >/dev/null

start
on_screen "Home"
wait_for "Trang chủ"
wait_for "Vụ việc đang xử lý                        5"
wait_for "Bước vụ việc quá hạn                      1"
ok "the home screen counts the open cases and the overdue steps"
keys 3
on_screen "Cases"
wait_for "F5 lọc, việc đến hạn"
wait_for "VV-0006"
ok "the cases tab lists the demo cases"

# --- intake: the child is found without diacritics
keys F3
on_screen "New case"
wait_for "Tiếp nhận thông tin (Mẫu 01)"
keys Down Down Down
pick_child "dang thi anh tuyet" "Đặng Thị Ánh Tuyết" "New case"
ok "the child is picked from the register by an unaccented search"
keys Down Down Down
wait_for "◂ (chọn) ▸"
keys F2
wait_for "loại vụ việc: chọn loại vụ việc"
ok "a new intake has no case kind until the officer chooses one"
keys Right Right                   # case kind: (chọn) → Xâm hại tình dục → Bạo lực
wait_for "◂ Bạo lực ▸"
wait_for "◂ Theo loại vụ việc ▸"
keys F2
on_screen "Cases"
wait_for "Đã ghi vụ việc VV-0007"
row=$(screen | grep "VV-0007" || true)
case "$row" in
*"23/03/2026"*) ok "the new case's next deadline is the plan, 5 working days after the intake" ;;
*) fail "VV-0007 row: $row" ;;
esac

# --- the case file, then the steps
keys Enter
on_screen "Case file"
wait_for "Vụ việc VV-0007"
wait_for "23/03/2026  Kế hoạch hỗ trợ, can thiệp"
wait_for "Giai đoạn: Tiếp nhận"
wait_for "Can thiệp"
expect_no "21:00"
ok "the case file shows the plan's deadline, the stage and the intervention level; no 12 hours yet"
keys F3
on_screen "Case step"
wait_for "Ghi bước xử lý"
keys F2
wait_for "khẩn cấp: cho biết có áp dụng biện pháp khẩn cấp không"
ok "an initial assessment without the emergency answer is refused at the field"
keys Right Right                    # the focus is at the field: Có
keys F2
on_screen "Case file"
wait_for "Giai đoạn: Đang đánh giá"
wait_for "16/03/2026 21:00  Biện pháp khẩn cấp hoặc cách ly tạm thời"
wait_for "Kế hoạch hỗ trợ, can thiệp"
ok "danger found: the emergency action is due 12 hours after the intake (09:00 → 21:00); the plan is due"
keys F3
on_screen "Case step"
wait_for "Ghi bước xử lý"
wait_for "◂ Đánh giá cụ thể ▸"       # only the steps that can come next: detailed first
keys F2
on_screen "Case file"
wait_for "Đánh giá cụ thể"
keys F3
on_screen "Case step"
wait_for "Ghi bước xử lý"
keys Right Right                    # detailed, meeting, plan: Kế hoạch hỗ trợ, can thiệp
wait_for "◂ Kế hoạch hỗ trợ, can thiệp ▸"
keys F2
on_screen "Case file"
wait_for "Giai đoạn: Chờ phê duyệt"
wait_for "18/03/2026  Phê duyệt kế hoạch"
ok "after the plan the approval is due in 2 working days"
keys F3
on_screen "Case step"
wait_for "Ghi bước xử lý"
                                    # a plan waits: its approval comes first
wait_for "◂ Phê duyệt kế hoạch ▸"
keys F2
on_screen "Case file"
wait_for "Giai đoạn: Đang thực hiện"
wait_for "16/03/2026 21:00  Biện pháp khẩn cấp hoặc cách ly tạm thời"
ok "the approval moves the case to carrying out; the emergency action is still due"
keys F3
wait_for "Ghi bước xử lý"
keys Right Right                    # detailed, plan, service: the emergency action
wait_for "◂ Cung cấp dịch vụ ▸"
keys F2
wait_for "Thời hạn: không còn việc mở"
ok "the emergency action done: nothing left open"

# --- deleting asks twice
keys F8
on_screen "Confirm"
wait_for "Xóa vụ việc VV-0007"
keys Right Enter
wait_for "Thật sự xóa vụ việc VV-0007"
keys Escape
on_screen "Case file"
wait_for "Vụ việc VV-0007"
ok "deleting asks twice; No at the second question keeps the case"

# --- the due list: the overdue step on top, the same as `treem case due`
keys Escape
on_screen "Cases"
wait_for "F5 lọc, việc đến hạn"
keys F5
on_screen "Case filter"
wait_for "Những vụ việc cần liệt kê"
keys Right F2
on_screen "Cases"
wait_for "Việc đến hạn: quá hạn trước"
row=$(screen | sed -n 6p)
case "$row" in
*"QUÁ HẠN"*"VV-"*) ok "an overdue step is at the top of the due list" ;;
*) fail "the first row is not overdue: $row" ;;
esac
TREEM_LANG=en "$TREEM_BIN" --db "$E2E_DB" case due --overdue >"$E2E_DIR/due.txt" 2>/dev/null
[ -s "$E2E_DIR/due.txt" ] || fail "treem case due --overdue listed nothing"
n_cli=$(wc -l <"$E2E_DIR/due.txt" | tr -d ' ')
n_screen=$(screen | grep -c "QUÁ HẠN" || true)
[ "$n_cli" = "$n_screen" ] || fail "the CLI lists $n_cli overdue steps, the screen $n_screen"
while IFS="$(printf '\t')" read -r urgency when code step child; do
    screen | grep "QUÁ HẠN" | grep -F "$when" | grep -qF "$code" ||
        fail "the screen lacks the overdue step $code $when ($step)"
done <"$E2E_DIR/due.txt"
ok "treem case due lists the same overdue steps as the screen"

done_testing
