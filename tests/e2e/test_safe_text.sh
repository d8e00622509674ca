#!/bin/sh
# What reaches the terminal is text: a child imported with escape sequences
# in the name and notes (window title, clear screen, a C1 CSI, OSC 52
# clipboard) shows them as plain characters in Trẻ em and in the child's
# form; the pane's title, the screen and tmux's paste buffers are untouched.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/steps.sh"

"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --officer "Nguyễn Thị Hồng" \
    --village "Thôn 1" >/dev/null
printf 'full_name,birth_date,sex,village,notes\n"L\303\262\033]0;HACKED\007 V\304\203n\033[2J\302\233H P\303\241o",01/02/2015,nam,Th\303\264n 1,"ghi\033]52;c;ZXZpbA==\007 ch\303\272"\n' \
    >"$E2E_DIR/esc.csv"
"$TREEM_BIN" --db "$E2E_DB" import children "$E2E_DIR/esc.csv" >/dev/null

start
wait_for "Trẻ em dưới 16 tuổi"
keys 2
wait_for "Lò]0;HACKED Văn[2JH Páo"
wait_for "Trẻ em"
title=$(tm display-message -p -t t '#{pane_title}')
case "$title" in *HACKED*) fail "the name set the window title: $title" ;; esac
ok "the list shows the name as text and the title is unchanged"
keys Enter
screen | grep -qE 'Họ và tên +Lò]0;HACKED Văn\[2JH Páo' || fail "the form shows the name's control codes"
repeat 26 Down # to the notes, the last field
wait_for "ghi]52;c;ZXZpbA== chú"
if [ -n "$(tm list-buffers 2>/dev/null)" ]; then fail "a note wrote the clipboard"; fi
ok "the form shows the note as text and the clipboard is untouched"
keys Escape
wait_for "Lò]0;HACKED"
done_testing
