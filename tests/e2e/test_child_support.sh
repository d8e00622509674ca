#!/bin/sh
# A child's risk and help (Ctrl-G in the child's form): a period at risk of
# falling into special circumstances and the help received (what, when, by
# whom) are recorded from the form, bad input is refused at the field (help
# in the future, what or by whom missing), the register and criterion 6.1
# see them, and F8 deletes a line.
. "$(dirname "$0")/lib.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 30502 --officer "Nguyễn Thị Hồng" \
    --village "Khóm Xuân Hòa" >/dev/null
"$TREEM_BIN" --db "$E2E_DB" child add --name "Néang Sa Rết" --dob 01/01/2018 --sex nu \
    --ethnicity "khmer" >/dev/null
"$TREEM_BIN" --db "$E2E_DB" child group TE-0001 add a.1 --from 01/01/2026 >/dev/null

start
wait_for "Trẻ em dưới 16 tuổi"
keys 2
wait_for "TE-0001"
keys Enter
wait_for "Khơ-me"
ok "the ethnicity typed as khmer is stored as listed (Khơ-me)"

keys C-g
wait_for "a.1"
keys F3
wait_for "Nhóm hoàn cảnh đặc biệt"
keys Right Right Right
wait_for "◂ Có nguy cơ rơi vào HCĐB ▸"
keys Down Down
type_text "01/02/2026"
keys F2
wait_for "lý do có nguy cơ: bắt buộc"
type_text "Cha mẹ đi làm ăn xa"
keys F2
wait_for "01/02/2026–…  Cha mẹ đi làm ăn xa"
ok "a period at risk is recorded from the form, its reason required"

keys F3
keys Right
wait_for "◂ Trợ giúp đã nhận ▸"
keys Down Down
type_text "01/07/2026"
keys F2
wait_for "ngày trợ giúp: 01/07/2026 là ngày trong tương lai"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "10/03/2026"
keys F2
wait_for "nội dung trợ giúp: bắt buộc"
type_text "Vãng gia, tư vấn cho gia đình"
keys F2
wait_for "người, đơn vị trợ giúp: bắt buộc"
type_text "Cán bộ BVTE"
keys F2
wait_for "10/03/2026  Vãng gia, tư vấn: Vãng gia, tư vấn cho gia đình"
ok "help received is recorded from the form; a future date and missing fields are refused"

TREEM_LANG=en "$TREEM_BIN" --db "$E2E_DB" child show TE-0001 >"$E2E_DIR/show.txt"
grep -q "01/02/2026– Cha mẹ đi làm ăn xa" "$E2E_DIR/show.txt" || fail "risk not in child show"
grep -q "10/03/2026  Home visit, counselling: Vãng gia, tư vấn cho gia đình — Cán bộ BVTE" \
    "$E2E_DIR/show.txt" || fail "help not in child show: $(cat "$E2E_DIR/show.txt")"
TREEM_LANG=en "$TREEM_BIN" --db "$E2E_DB" score --year 2026 >"$E2E_DIR/score.txt"
grep -q "1 / 1" "$E2E_DIR/score.txt" || fail "6.1 does not count the help"
ok "the register and criterion 6.1 see the risk and the help"

keys Down Down                      # the help line, under the group and the risk
keys F8
wait_for "Xóa dòng này? 10/03/2026"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_gone "Vãng gia, tư vấn cho gia đình"
wait_for "Cha mẹ đi làm ăn xa"
wait_for "a.1"
ok "F8 deletes the help line"

done_testing
