#!/bin/sh
# Numbers typed the Vietnamese way are read right, anything else is refused
# at the field with what was typed kept (issue 12): a plan's cost 500,000 is
# refused, 1.500.000 đ is stored as 1500000; a weight 1 triệu is refused and
# 20,5 is shown 20,5 kg. And each screen's F1 help says what its own keys do.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Khu phố Lý Tây" >/dev/null
"$TREEM_BIN" --db "$E2E_DB" child add --name "Nguyễn Thị Đào" --dob 15/03/2018 --sex nu >/dev/null
"$TREEM_BIN" --db "$E2E_DB" case add --source 111 --kind "bạo lực" --level intervention \
    --date 15/03/2026 --time 22:30 --child TE-0001 >/dev/null
# the plan follows the assessments (Nghị định 56/2017 order)
"$TREEM_BIN" --db "$E2E_DB" case step VV-0001 initial --date 15/03/2026 --time 23:00 --emergency no >/dev/null
"$TREEM_BIN" --db "$E2E_DB" case step VV-0001 detailed --date 16/03/2026 --time 08:00 >/dev/null

start
wait_for "Trang chủ"
keys 3
wait_for "VV-0001"
keys Enter
wait_for "Vụ việc VV-0001"
keys F1
wait_for "Phím của màn hình"
wait_for "kết thúc việc tạm thời cách ly trẻ đang diễn ra"
wait_for "gắn trẻ của vụ việc này với một trẻ trong sổ"
expect_no "đánh dấu nhiệm vụ đang chọn là xong"
ok "the case file's help says what its F4 and F7 do there"
keys Escape
wait_for "Vụ việc VV-0001"

keys F3
wait_for "Ghi bước xử lý"
keys Right Right                    # detailed, meeting, plan
wait_for "◂ Kế hoạch hỗ trợ, can thiệp ▸"
keys Down Down Down Down Down Down Down
type_text "Hỗ trợ học phí"
keys Down
type_text "cong an"
wait_for "Chọn: KH: đơn vị phụ trách"
wait_for "Công an xã"
keys Enter
wait_for "◂ Công an xã ▸"
ok "the department is chosen from the list by typing words"
keys Down Down Down
type_text "500,000"
keys F2
wait_for "'500,000' không phải là số nguyên"
wait_for "500,000"
ok "a cost of 500,000 is refused at the field and stays as typed"
# the message is longer than a row: it wraps under the field, never cut
wait_for "nhóm hàng nghìn bằng dấu chấm: 1.500.000)"
ok "a message longer than the screen is wide is shown whole"
keys C-u
type_text "1.500.000 đ"
keys F2
wait_for "Vụ việc VV-0001"
cli_shows case VV-0001 1500000 "Công an xã"
ok "1.500.000 đ is stored as 1500000 đồng"

# weight and height (Ctrl-G in the child's form)
keys 2
wait_for "TE-0001"
keys Enter
wait_for "Trẻ TE-0001"
keys C-g
wait_for "Chưa ghi nhận gì"
keys F3
keys Right Down Down
type_text "01/03/2026"
keys Down Down
type_text "1 triệu"
keys F2
wait_for "'1 triệu' không phải là một số"
ok "a weight of 1 triệu is refused with a message at the field"
keys C-u
type_text "20,5"
keys Down
type_text "97,5"
keys F2
wait_for "20,5 kg  97,5 cm"
ok "20,5 kg and 97,5 cm are read and shown with decimal commas"

# the reports screen's own words for F4, F5, Left and Right
keys 7
wait_for "7 Báo cáo"
keys F1
wait_for "Phím của màn hình"
wait_for "chuyển giữa báo cáo 6 tháng và cả năm"
wait_for "báo cáo của năm trước"
ok "the reports help says what F5 and Left/Right do there"
keys Escape
keys F10
wait_for "[treem exited] 0"
done_testing
