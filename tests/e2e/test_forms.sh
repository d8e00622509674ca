#!/bin/sh
# Forms never lose or garble what a person types (issue 12): Tab and Enter
# never leave a form; leaving with unsaved input asks one question that only
# arrows + Enter, F2 or Esc answer (typed letters do not); a paste is text
# whatever bytes it holds (an ESC in it does not close the form); Ctrl-U
# clears a field; a village is chosen from all of them (80 here) by typing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Thôn 1" >/dev/null
i=2
while [ "$i" -le 80 ]; do
    "$TREEM_BIN" --db "$E2E_DB" village add "Thôn $i" >/dev/null
    i=$((i + 1))
done

start
wait_for "Trẻ em dưới 16 tuổi"
keys 2
wait_for "Sổ chưa có trẻ nào"
keys F3
wait_for "Trẻ mới"
type_text "Hồ Thị Ánh"
# an odd number of Tabs and Enters: round the form, never out of it
repeat 41 Tab
keys Enter Enter Enter
wait_for "Trẻ mới"
expect_no "Có dữ liệu chưa lưu"
expect_no "Sổ chưa có trẻ nào"
ok "Tab and Enter go round the form and never leave it"

# Esc asks; letters typed as text ("con ngoan") answer nothing
keys Escape
wait_for "Có dữ liệu chưa lưu"
type_text "con ngoan y c"
wait_for "Có dữ liệu chưa lưu"
expect_no "Sổ chưa có trẻ nào"
keys Enter                       # the default: keep editing
wait_for "Trẻ mới"
wait_for "Hồ Thị Ánh"
expect_no "Có dữ liệu chưa lưu"
ok "the unsaved-input question ignores typed letters; Enter keeps editing"

# a paste with an ESC byte, a newline and an arrow key's bytes in it
keys Home
repeat 60 Up
keys C-u
wait_gone "Hồ Thị Ánh"
ok "Ctrl-U clears the field"
printf 'Lê\033Văn\nAn\033[D' > "$E2E_DIR/paste.txt"
paste_file "$E2E_DIR/paste.txt"
wait_for "LêVăn An"
wait_for "Trẻ mới"
expect_no "Có dữ liệu chưa lưu"
ok "pasted text with ESC in it stays text in the field"

# a paste longer than the field: what fits goes in, and the status says so
keys Tab
python3 -c 'print("0123456789" * 3, end="")' > "$E2E_DIR/long.txt" 2>/dev/null \
    || printf '012345678901234567890123456789' > "$E2E_DIR/long.txt"
paste_file "$E2E_DIR/long.txt"
wait_for "tối đa 10 ký tự; phần còn lại của văn bản dán đã bị bỏ"
wait_for "0123456789"
ok "a paste longer than the field goes in as far as it fits, and the status says so"
keys C-u
keys BTab
wait_for "LêVăn An"

# village 70 of 80, chosen by typing
keys Tab
type_text "01/02/2020"
repeat 6 Down
type_text "70"
wait_for "Chọn: Thôn/tổ dân phố"
wait_for "1 trên 81"
keys Enter
wait_for "◂ Thôn 70 ▸"
ok "village 70 of 80 is chosen by typing 70"

# Esc, then F2 in the question saves
keys Escape
wait_for "Có dữ liệu chưa lưu"
keys F2
wait_for "Đã lưu TE-0001"
cli_shows child TE-0001 "Thôn 70" "LêVăn An"
ok "F2 in the question saves the child with village 70"

# the record opens with its village, and Esc with nothing changed leaves at once
keys Enter
wait_for "◂ Thôn 70 ▸"
keys Escape
wait_for "tìm thấy 1"
expect_no "Có dữ liệu chưa lưu"
ok "an unchanged form is left without a question"

# Leave without saving, chosen with the arrows
keys Enter
wait_for "◂ Thôn 70 ▸"
type_text "xyz"
keys F9
wait_for "Có dữ liệu chưa lưu"
keys Right Right Enter
wait_for "Vụ việc"
"$TREEM_BIN" --db "$E2E_DB" child show TE-0001 > "$E2E_DIR/show.txt"
grep -q "xyz" "$E2E_DIR/show.txt" && fail "discarded input was saved"
ok "Leave without saving, chosen with Right Right Enter, discards"

# layout at 80 columns: a long label ends in … inside its column, with a
# gap before the value; the ethnic group is chosen from the catalogue
keys 2
wait_for "tìm thấy 1"
keys F3
wait_for "Trẻ mới"
keys BTab
wait_for "Ngày tiêm chủng đầy đủ (dưới 1 tu…  dd/mm/yyyy"
ok "a label longer than its column ends in … and never runs into the value"
keys Tab Tab Tab Tab Tab Tab
type_text "thai"
wait_for "Chọn: Dân tộc"
wait_for "Thái"
keys Enter
wait_for "◂ Thái ▸"
ok "the ethnic group is chosen from the catalogue by typing"
keys Escape
wait_for "Có dữ liệu chưa lưu"
keys Right Right Enter
wait_for "tìm thấy 1"

# the list's filter offers every village too, and keeps the one chosen
keys F5
wait_for "Liệt kê những trẻ nào"
keys Down
type_text "75"
wait_for "Chọn: Thôn/tổ"
keys Enter
wait_for "◂ Thôn 75 ▸"
keys F2
wait_for "tìm thấy 0"
keys F5
wait_for "◂ Thôn 75 ▸"
ok "the filter offers village 75 of 80 and shows it again when reopened"
keys Escape
wait_for "tìm thấy 0"

keys F10
wait_for "[treem exited] 0"
done_testing
