#!/bin/sh
# Kế hoạch and Nhiệm vụ through the screens, on a freshly set-up ward: a
# plan with two targets (a percentage of 120 refused at its field), a value
# typed with its source, tasks for two departments (a due date before the
# start and a task without a department refused at their fields), one marked
# done; after a restart on a later "today" the other shows as overdue; the
# plan copied to the next year is listed; the calendar and --no-color.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"
export TREEM_TODAY="2026-03-16 09:00"
"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 >/dev/null
"$TREEM_BIN" --db "$E2E_DB" setting set officer_name "Nguyễn Thị Hồng" >/dev/null
"$TREEM_BIN" --db "$E2E_DB" village add "Khu phố Lý Tây" >/dev/null

start
on_screen "Home"
wait_for "Phường An Nhơn Đông (21934)"
keys 4
on_screen "Plans"
wait_for "Chưa có kế hoạch nào"
keys F3
on_screen "Plan form"
wait_for "Kế hoạch mới"
type_text "15/KH-UBND"; keys Tab
type_text "20/01/2026"; keys Tab
type_text "UBND phường An Nhơn Đông"; keys Tab
keys Tab    # the year: this year's, 2026, is filled in
type_text "Kế hoạch thực hiện xã, phường phù hợp với trẻ em năm 2026"
keys Down Down Down Down Down
type_text "15/12/2026"; keys Tab
type_text "15/11/2026"
keys F2
wait_for "hạn báo cáo 6 tháng: 15/12/2026 sau hạn báo cáo năm 15/11/2026"
ok "a 6-month report deadline after the annual one is refused at its field"
erase 10    # the focus is on the field with the message
type_text "15/06/2026"
keys F2
on_screen "Plans"
wait_for "Đã tạo kế hoạch 15/KH-UBND (2026)."
wait_for "15/KH-UBND     2026 Kế hoạch thực hiện"
ok "a new plan is written in a form and listed"

keys Enter
on_screen "Plan"
wait_for "Chưa có chỉ tiêu nào"
wait_for "Cơ quan ban hành: UBND phường An Nhơn Đông"
keys F3
on_screen "Target form"
wait_for "Chỉ tiêu mới"
type_text "100 % trẻ em sinh ra được khai sinh đúng hạn"; keys Tab
type_text "120"
keys F2
wait_for "giá trị chỉ tiêu: 120 % không nằm trong khoảng 0 đến 100 %"
ok "a percentage target of 120 is refused at its field"
erase 3
type_text "100"
keys F2
on_screen "Plan"
wait_for "Đã thêm chỉ tiêu."
wait_for "≥ 100 %"
keys F3
on_screen "Target form"
wait_for "Chỉ tiêu mới"
type_text "Trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân dưới 9 %"; keys Tab
type_text "9"; keys Tab Tab Right
wait_for "◂ tối đa ▸"
keys F2
on_screen "Plan"
wait_for "≤ 9 %"
ok "two targets added, at least and at most"
keys Down Enter
on_screen "Target value"
wait_for "Số liệu của chỉ tiêu: Trẻ em dưới 5 tuổi"
type_text "8,5"; keys Tab
type_text "Báo cáo của Trạm Y tế, đợt cân tháng 6"
keys F2
on_screen "Plan"
wait_for "Đã lưu số liệu."
screen | grep -q "≤ 9 %  *8,5 %  *nhập tay  *đạt" || fail "typed value not shown as met"
wait_for "Số liệu: nhập tay: Báo cáo của Trạm Y tế, đợt cân tháng 6, 16/03/2026"
ok "a typed value with its source meets the at-most target"

keys 5
on_screen "Tasks"
wait_for "Xem: ban ngành"
type_text "cong an"
wait_for "tìm thấy 1"
keys Enter
wait_for "Xem: mọi nhiệm vụ · Công an xã"
keys F3
on_screen "Task form"
wait_for "Nhiệm vụ mới"
wait_for "◂ Công an xã ▸"
type_text "Tuyên truyền phòng, chống xâm hại trẻ em"; keys Tab
type_text "3, 4"; keys Tab
type_text "01/03/2026"; keys Tab
type_text "15/02/2026"
keys F2
wait_for "hạn hoàn thành: 15/02/2026 trước ngày bắt đầu 01/03/2026"
ok "a due date before the start is refused at its field"
erase 10
type_text "31/03/2026"
keys F2
on_screen "Tasks"
wait_for "Đã thêm nhiệm vụ."
wait_for "đang làm     31/03/2026 Công an xã"
ok "a task for Công an xã is added from its department's list"

keys Escape
wait_for "Xem: ban ngành"
keys F5
wait_for "Xem: mọi nhiệm vụ · mọi ban ngành"
keys F3
on_screen "Task form"
wait_for "(chọn ban ngành)"
keys Tab
type_text "Khám sức khỏe định kỳ cho trẻ em dưới 6 tuổi"; keys Tab
type_text "7"; keys Tab Tab
type_text "20/03/2026"
keys F2
wait_for "ban ngành: mỗi nhiệm vụ phải có ban ngành thực hiện"
ok "a task without a department is refused at its field"
keys Right Right Right Right
wait_for "◂ Trạm Y tế ▸"
keys F2
on_screen "Tasks"
wait_for "Đã thêm nhiệm vụ."
type_text "kham suc khoe"
wait_for "tìm thấy 1"
keys F7
on_screen "Task update"
wait_for "Đánh dấu xong: Khám sức khỏe"
keys Tab
type_text "Sổ khám sức khỏe của Trạm Y tế"
keys F2
on_screen "Tasks"
wait_for "Đã đánh dấu nhiệm vụ xong ngày 16/03/2026."
wait_for "xong         20/03/2026 Trạm Y tế"
ok "a task is marked done with its evidence"
keys F10
wait_for "[treem exited] 0"

TREEM_TODAY="2026-04-02 09:00"
start
on_screen "Home"
wait_for "02/04/2026"
keys 5
on_screen "Tasks"
wait_for "Xem: ban ngành"
screen | grep -q "Công an xã  *3,4,5.1  *1  *1" || fail "Công an xã should have 1 open, 1 overdue"
keys F5 F5
wait_for "Xem: nhiệm vụ quá hạn"
wait_for "quá hạn      31/03/2026 Công an xã"
expect_no "Khám sức khỏe"
ok "after its due date the open task shows as quá hạn, the done one does not"
keys F5 F5
wait_for "Xem: nhiệm vụ theo tiêu chí"
type_text "7"
wait_for "Xem: nhiệm vụ theo tiêu chí · tiêu chí 7"
wait_for "Khám sức khỏe định kỳ"
expect_no "Tuyên truyền phòng"
keys BSpace
type_text "3"
wait_for "Tuyên truyền phòng"
expect_no "Khám sức khỏe định kỳ"
ok "the criterion view lists the tasks serving the criterion typed"
keys F5 F5 F5
wait_for "Xem: nhiệm vụ quá hạn"
keys Enter
on_screen "Task"
wait_for "Tình trạng:       quá hạn"
keys F3
on_screen "Task update"
wait_for "Ghi chú tiến độ: Tuyên truyền"
type_text "Đã họp với các trường, chờ tài liệu"
keys F2
on_screen "Task"
wait_for "Đã thêm ghi chú tiến độ."
wait_for "02/04/2026  Đã họp với các trường, chờ tài liệu  (Nguyễn Thị Hồng)"
ok "a progress note is added to the task"
keys Escape
on_screen "Tasks"
wait_for "Xem: nhiệm vụ quá hạn"

keys M-4
on_screen "Plans"
keys Enter
on_screen "Plan"
wait_for "Chỉ tiêu"
keys F12
on_screen "Calendar"
wait_for "Lịch năm 2026: kế hoạch 15/KH-UBND (2026)"
wait_for "15/06/2026 hạn báo cáo    báo cáo 6 tháng"
wait_for "31/03/2026 hạn nhiệm vụ   [quá hạn] Tuyên truyền phòng, chống xâm hại trẻ em"
wait_for "20/03/2026 hạn nhiệm vụ   [xong] Khám sức khỏe định kỳ"
ok "the plan's calendar lists the report deadlines and the tasks due"
keys Escape
on_screen "Plan"
wait_for "Nhiệm vụ: 2, 1 xong, 1 quá hạn"
keys F6
on_screen "Confirm"
wait_for "Sao chép kế hoạch 15/KH-UBND (2026) sang năm 2027"
keys Right Enter
on_screen "Plan"
wait_for "Đã sao chép sang năm 2027: 2 chỉ tiêu, 2 nhiệm vụ, 0 sự kiện."
keys Escape
on_screen "Plans"
wait_for "tìm thấy 2"
wait_for "—              2027 Kế hoạch thực hiện"
wait_for "15/KH-UBND     2026 Kế hoạch thực hiện"
type_text "nam 2027"
wait_for "tìm thấy 1"
wait_for "—              2027"
ok "the plan copied to 2027 is listed with its year in the title"
erase 4
type_text "2026"
wait_for "tìm thấy 1"
wait_for "15/KH-UBND     2026"
keys F6
on_screen "Confirm"
wait_for "Sao chép kế hoạch 15/KH-UBND (2026) sang năm 2027"
keys Right Enter
on_screen "Plans"
wait_for "đã được sao chép sang năm 2027"
ok "copying the same plan twice is refused"
keys F10
wait_for "[treem exited] 0"

start --no-color
on_screen "Home"
keys 4
on_screen "Plans"
wait_for "15/KH-UBND     2026"
keys Enter
on_screen "Plan"
wait_for "≤ 9 %"
keys 5
on_screen "Tasks"
wait_for "Xem: ban ngành"
ok "the screens work in --no-color"
keys F10
wait_for "[treem exited] 0"
done_testing
