#!/bin/sh
# Tiêu chí: the year's scoring sheet on a fresh database whose rubric was
# completed by importing a CSV, except indicator 7.1 (only its ">= 98 %"
# band is known). Typing a value with evidence changes the points and the
# total; completing 7.1's scale in the rubric editor makes the verdict appear;
# choosing the class judges it. Figures worked out by hand below.
. "$(dirname "$0")/lib.sh"

B=$TREEM_BIN
"$B" --db "$E2E_DB" init --commune 00004 >/dev/null
"$B" --db "$E2E_DB" rubric export "$E2E_DIR/r.csv" >/dev/null
# khung rows completing every scale but 7.1's (du_khung = 1 on a band row)
band() { printf 'khung,%s,,,,,,%s,%s,%s,%s,,e2e\r\n' "$1" "$2" "$3" "$4" "$5" >> "$E2E_DIR/r.csv"; }
band 1.2 '>=0' '<=0' 0 1
band 1.4 '>=1' '<=1' 20 1
band 1.4 '>=0' '<=0' 0 ''
band 2.1 '>=95' '' 50 1
band 2.1 '>=0' '<95' 10 ''
band 3.1 '>=0' '' 30 1
band 3.2 '>=0' '' 20 1
band 4.1 '>=0' '' 50 1
band 5.1 '>=0' '' 30 1
band 5.2 '>=0' '' 20 1
band 6.1 '>=0' '<95' 20 1
band 6.2 '>=0' '<100' 30 1
band 8.1 '>=0' '' 40 1
band 8.2 '>=0' '' 40 1
band 9.1 '>=0' '' 80 1
band 10.1 '>=0' '' 80 1
band 11.1 '>=1' '<=1' 80 1
band 11.1 '>=0' '<=0' 0 ''
band 12.1 '>=0' '' 80 1
band 13.1 '>=0' '' 80 1
"$B" --db "$E2E_DB" rubric import "$E2E_DIR/r.csv" >/dev/null || fail "rubric import failed"

val() {
    "$B" --db "$E2E_DB" score set --year "$1" --indicator "$2" --value "$3" >/dev/null ||
        fail "score set $2 = $3 failed"
}
# 2026, every indicator but 2.1:
#   1: 50+15+15+20 = 100 (max 100)   3: 30+20 = 50   4: 50   5: 30+20 = 50
#   6: 50+75 = 125 (max 125)   7: 96 % is below the one known band → no scale
#   8: 40+40   9, 10, 11, 12, 13: 80 each
#   total 100+50+50+50+125+80*6 = 855, partial (2.1 has no value, 7 no scale)
for kv in 1.1=có 1.2=có 1.3=có 1.4=có 3.1=0 3.2=0 4.1=0 5.1=1 5.2=0,5 6.1=100 6.2=100 \
          7.1=96 8.1=3 8.2=4 9.1=90 10.1=95 11.1=có 12.1=12 13.1=85; do
    val 2026 "${kv%%=*}" "${kv#*=}"
done
# 2025: criterion 1 only, 0+15+15+20 = 50
for kv in 1.1=không 1.2=có 1.3=có 1.4=có; do
    val 2025 "${kv%%=*}" "${kv#*=}"
done

start
on_screen "Home"
wait_for "Phường Ba Đình"
keys 6
on_screen "Criteria"
wait_for "Năm 2026"
wait_for "Tổng: 855 (tạm tính)"
wait_for "Kết luận: chưa có kết luận: chưa có thang điểm cho tiêu chí 7;"
wait_for "100 / 100"
wait_for "↑ 50"
wait_for "chưa có thang điểm"
ok "the sheet shows 855 as a partial total, criterion 7 without a scale, criterion 1 up from 50"

keys "<"
wait_for "Năm 2025"
wait_for "Tổng: 50 (tạm tính)"
keys ">"
wait_for "Tổng: 855 (tạm tính)"
ok "< and > change the year"

# criterion 2 → indicator 2.1 → the value form
keys Down Enter
on_screen "Criterion"
wait_for "Tiêu chí 2. Trẻ em được khai sinh đúng quy định"
wait_for "Năm 2026 · điểm 0 / ? · 0 trên 1 chỉ tiêu có điểm"
keys Enter
on_screen "Indicator value"
wait_for "Chỉ tiêu 2.1 năm 2026"
type_text "abc"
keys F2
wait_for "chỉ tiêu 2.1: 'abc' không phải là số"
ok "a value that is not a number is refused at the field"
keys BSpace BSpace BSpace
type_text "96"
keys Tab
type_text "Sổ đăng ký khai sinh 2026"
keys F2
on_screen "Criterion"
wait_for "Đã lưu chỉ tiêu 2.1 năm 2026."
wait_for "Năm 2026 · điểm 50 / ? · 1 trên 1 chỉ tiêu có điểm"
wait_for "Minh chứng: Sổ đăng ký khai sinh 2026"
wait_for "Ban ngành: Tư pháp"
ok "96 % with its evidence gives 2.1 its 50 points (band >= 95)"
keys Escape
on_screen "Criteria"
wait_for "Tổng: 905 (tạm tính)"
ok "the total rises from 855 to 905"

# criterion 7 → Ctrl-R opens the rubric editor on 7.1 → its bands
keys Down Down Down Down Down
wait_for "7. Trẻ em dưới 1 tuổi"
keys C-r
on_screen "Scales"
wait_for "1 chỉ tiêu chưa đủ thang điểm"
keys Enter
on_screen "Bands"
wait_for "[98; ∞)"
wait_for "CHƯA ĐỦ: còn thiếu khung"
keys F3
on_screen "Band"
wait_for "Thêm khung cho 7.1"
type_text "abc"
keys F2
wait_for "Từ: 'abc'"
keys BSpace BSpace BSpace
type_text ">=90"
keys Tab
type_text "<99"
keys Tab
type_text "40"
keys Tab
type_text "Hướng dẫn của huyện"
keys Tab Right
wait_for "đã đủ: không thiếu khung nào"
keys F2
wait_for "Từ / Đến: khoảng này trùng với khung [98; ∞)"
ok "bad bounds and an overlapping band are refused at the field"
keys Down
keys BSpace BSpace
type_text "98"
keys F2
on_screen "Bands"
wait_for "Đã lưu thang điểm của chỉ tiêu 7.1."
wait_for "[90; 98)"
wait_for "[x] Thang điểm đã đủ"
ok "the band [90; 98) → 40 is added and the scale marked complete"
keys Escape
on_screen "Scales"
wait_for "0 chỉ tiêu chưa đủ thang điểm"
keys Escape
on_screen "Criteria"
# 855 + 50 (2.1) + 40 (7.1: 96 % in [90; 98)) = 945, no longer partial
wait_for "Tổng: 945"
expect_no "tạm tính"
wait_for "chưa chọn mức công nhận"
ok "with every scale known the total is 945 and only the class is missing"

keys c
wait_for "Mức công nhận năm 2026: 900 điểm."
wait_for "Kết luận: đạt"
ok "class 900: 945 ≥ 900 gives the verdict đạt"

# clearing a typed value asks first; the verdict waits for the value again
keys Up Up Up Up Up Enter
on_screen "Criterion"
wait_for "Tiêu chí 2. Trẻ em"
keys F8
on_screen "Confirm"
wait_for "Xóa giá trị đã lưu của chỉ tiêu 2.1 năm 2026?"
keys Enter
on_screen "Criterion"
wait_for "Năm 2026 · điểm 50 / ? · 1 trên 1 chỉ tiêu có điểm"
keys F8
on_screen "Confirm"
wait_for "Xóa giá trị đã lưu của chỉ tiêu 2.1 năm 2026?"
keys Right Enter
on_screen "Criterion"
wait_for "Đã xóa giá trị của 2.1 năm 2026."
wait_for "Năm 2026 · điểm 0 / ? · 0 trên 1 chỉ tiêu có điểm"
keys Escape
on_screen "Criteria"
wait_for "Tổng: 895 (tạm tính)"
ok "F8 asks (No by default), then removes the value: 895, partial again"

keys F10
on_screen ""
wait_for "[treem exited] 0"
"$B" --db "$E2E_DB" rubric show --indicator 7.1 > "$E2E_DIR/r71.txt"
grep -q "\[90; 98) → 40 điểm  \[Hướng dẫn của huyện\]" "$E2E_DIR/r71.txt" ||
    fail "band not stored: $(cat "$E2E_DIR/r71.txt")"
grep -q "thang điểm đầy đủ" "$E2E_DIR/r71.txt" || fail "scale not complete: $(cat "$E2E_DIR/r71.txt")"
ok "the CLI sees the band and the complete scale"

# Cài đặt opens the same editor; --ascii shows the trend in ASCII
start --ascii --no-color
on_screen "Home"
wait_for "Phường Ba Đình"
keys 9
on_screen "Settings"
wait_for "Sửa giá trị rồi bấm F2"
keys C-r
on_screen "Scales"
wait_for "Bộ tiêu chí QĐ 06/QĐ-TTg (2019) · 0 chỉ tiêu chưa đủ thang điểm"
# Enter on a criterion: its maximum, checked at the field; leaving asks
keys Enter
on_screen "Criterion maximum"
wait_for "Tiêu chí 1. "
keys C-u
type_text "x"
keys F2
on_screen "Criterion maximum"
wait_for "Điểm tối đa: nhập một số từ 0 trở lên"
keys Escape
on_screen "Unsaved input"
type_text "y"
on_screen "Unsaved input"
keys Right Right Enter
on_screen "Scales"
ok "a criterion's maximum is refused at the field and leaving it asks first"
keys Escape
on_screen "Settings"
wait_for "Sửa giá trị rồi bấm F2"
keys M-6
on_screen "Criteria"
wait_for "^ 50"
expect_no "↑"
ok "Ctrl-R in Cài đặt opens the rubric editor; --ascii draws ^ for a rise"
done_testing
