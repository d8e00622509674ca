#!/bin/sh
# The case file: F4 on the intake opens it for correction, where Enter in
# the Child field links the unidentified child to a child of the register
# found by an unaccented search; F7 ends a running temporary
# separation (an end before the start is refused at the field); the risk
# ratings and the plan items show under their steps.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

make_demo_db
"$TREEM_BIN" --db "$E2E_DB" child add --name "Đặng Thị Ánh Tuyết" --dob 04/05/2017 --sex nu >/dev/null
"$TREEM_BIN" --db "$E2E_DB" case step VV-0006 initial --date 16/03/2026 --time 06:00 \
    --emergency yes >/dev/null || fail "could not record the initial assessment"
"$TREEM_BIN" --db "$E2E_DB" case step VV-0006 separation --date 16/03/2026 --time 07:00 \
    >/dev/null || fail "could not record the separation"

start
on_screen "Home"
wait_for "Trang chủ"
keys 3
on_screen "Cases"
wait_for "VV-0006"
keys Enter
on_screen "Case file"
wait_for "Vụ việc VV-0006"
wait_for "trẻ chưa rõ danh tính"
wait_for "(F4 sửa thông tin tiếp nhận: Enter ở ô Trẻ em"
wait_for "Đang cách ly; hạn tối đa là 31/03/2026 (F7 kết thúc)"
ok "the case file offers to link the unidentified child and shows the running separation"

# --- link the child, found without diacritics
keys F4
wait_for "Sửa vụ việc VV-0006 (Mẫu 01) — F2 lưu"
on_screen "Correct a case"
keys Tab Tab Tab
pick_child "dang thi anh tuyet" "Đặng Thị Ánh Tuyết" "Correct a case"
keys F2
on_screen "Case file"
wait_for "Đã lưu vụ việc VV-0006."
wait_for "Trẻ em: Đặng Thị Ánh Tuyết"
expect_no "(F4 sửa thông tin tiếp nhận"
ok "F4 on the intake links the unidentified child found by an unaccented search"
"$TREEM_BIN" --db "$E2E_DB" case list --child "$("$TREEM_BIN" --db "$E2E_DB" child list --search "dang thi anh tuyet" | cut -f1 | head -1)" \
    | grep -q "VV-0006" || fail "the CLI does not see the link"
ok "the link is stored"

# --- end the separation: before its start is refused at the field
keys F7
on_screen "End of separation"
wait_for "Kết thúc cách ly tạm thời — F2 lưu"
wait_for "Cách ly từ 16/03/2026 07:00; hạn tối đa là 31/03/2026 (15 ngày)."
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "15/03/2026"
keys F2
wait_for "kết thúc: ngày kết thúc trước ngày bắt đầu"
ok "an end before the start is refused at the field"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "16/03/2026"
keys Tab
keys BSpace BSpace BSpace BSpace BSpace
type_text "08:30"
keys F2
on_screen "Case file"
wait_for "Đã kết thúc cách ly."
wait_for "Đã kết thúc: 16/03/2026 08:30"
expect_no "(F7 kết thúc)"
ok "F7 ends the separation and the case file shows its end"
keys F7
wait_for "Vụ việc này không có cách ly tạm thời nào đang diễn ra."
ok "F7 says so when no separation is running"

# --- risk ratings and plan items under their steps
keys Escape
on_screen "Cases"
wait_for "VV-0002"
keys Down Down Down Down Enter
on_screen "Case file"
wait_for "Vụ việc VV-0002"
keys PgDn PgDn
wait_for "Rủi ro: An toàn về thể chất: Nguy cơ cao"   # Mẫu 03 factor, worded as risk
wait_for "Kế hoạch: Tư vấn tâm lý cho trẻ và gia đình"
wait_for "Kế hoạch: Kiểm tra sức khỏe, điều trị · 07/02/2026–08/04/2026 · 500000"
ok "the case file shows the risk ratings and the plan items"

done_testing
