#!/bin/sh
# List columns widen with the terminal (issue 12): on Kế hoạch, Nhiệm vụ
# (departments) and Vụ việc the title / name column takes the width a wider
# terminal gives, so a long title cut with "…" inside its column at 80×24 is
# whole at 120×40, and the columns after it stay in their own place; codes
# are never cut. A plan's targets widen their text the same way.
. "$(dirname "$0")/lib.sh"

TITLE="Kế hoạch bảo vệ, chăm sóc trẻ em và phòng chống xâm hại 2026"
DEPT="Hội Liên hiệp Phụ nữ và Ủy ban Mặt trận Tổ quốc Việt Nam phường"
CHILD="Nguyễn Thị Phương Thảo Quỳnh Anh"
T="$TREEM_BIN --db $E2E_DB"
$T init --commune 21934 --officer "Nguyễn Thị Hồng" --village "Khu phố Lý Tây" >/dev/null
$T plan add --title "$TITLE" --year 2026 --number "15/KH-UBND" >/dev/null
$T dept add --name "$DEPT" >/dev/null
TARGET="Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp, chăm sóc để phục hồi"
$T plan target-add 1 --text "$TARGET" --value 90 --unit percent >/dev/null
printf '%s\n' 'full_name,birth_date,sex,village' "$CHILD,03/04/2016,nu,Khu phố Lý Tây" >"$E2E_DIR/a.csv"
$T import children "$E2E_DIR/a.csv" >/dev/null
$T case add --source phone --kind violence --level intervention --date 10/03/2026 --time 08:00 --child TE-0001 >/dev/null

# cut_in_column KEY TEXT — the row holding KEY shows the start of TEXT cut
# with "…", and the next column follows after a space (ellipsis inside the column).
cut_in_column() {
    screen | grep -F -- "$1" | grep -F -- "$2" | grep -qE -- "… +[^ ]" || fail "'$2' not cut inside its column"
}

start
keys 4
on_screen "Plans"
wait_for "15/KH-UBND"
expect_no "$TITLE"
cut_in_column "15/KH-UBND" "Kế hoạch bảo vệ, chăm sóc trẻ"
ok "at 80×24 a long plan title is cut with … inside its column, the number whole"
resize 120 40
on_screen "Plans"
screen | grep -qE -- "15/KH-UBND +2026 +$TITLE +1 +0/0 +0" || fail "the title is not whole in its column at 120×40"
ok "at 120×40 the plan title is whole and the counts follow in their columns"
keys Enter
on_screen "Plan"
screen | grep -qE -- "$TARGET +≥ 90 %" || fail "the target's text is not whole at 120×40"
ok "at 120×40 a plan's long target text is whole, the aim in its column"
resize 80 24
on_screen "Plan"
expect_no "$TARGET"
cut_in_column "≥ 90 %" "Tỷ lệ trẻ em có hoàn cảnh"
ok "at 80×24 it is cut with … inside its column"
keys Escape
on_screen "Plans"
resize 120 40

keys 5
on_screen "Tasks"
wait_for "$DEPT"
ok "at 120×40 a long department name is whole on Nhiệm vụ"
resize 80 24
on_screen "Tasks"
expect_no "$DEPT"
cut_in_column "Hội Liên hiệp Phụ nữ" "Hội Liên hiệp Phụ nữ và"
ok "at 80×24 it is cut with … inside its column"

keys 3
on_screen "Cases"
wait_for "VV-0001"
expect_no "$CHILD"
cut_in_column "VV-0001" "Nguyễn Thị Phương"
ok "at 80×24 a long child name on Vụ việc is cut inside its column, the codes whole"
resize 120 40
on_screen "Cases"
screen | grep -F "VV-0001" | grep -qF -- "$CHILD" || fail "the child's name is not whole at 120×40"
ok "at 120×40 the child's name on Vụ việc is whole"
keys F10
wait_for "[treem exited] 0"
done_testing
