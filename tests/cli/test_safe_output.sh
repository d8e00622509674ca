#!/bin/sh
# test_safe_output — what a command prints is text: a name and a note
# imported with escape sequences (clear screen, window title, OSC 52
# clipboard, a C1 CSI, a bidi override) come out of `child list`, `child
# show`, `case list`, `case show` and an error message without a single
# control character (core/safe_text.h through cli/cli_out.h).
. "$(dirname "$0")/../lib.sh"
need_treem
today 2025-06-30
tr_() { "$TREEM" --db "$T/e.db" "$@"; }
# no byte of C0 (but \n and \t), DEL, C1 as UTF-8, or a bidi override
clean() {
    if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; then
        fail "$2: a control character reaches the terminal"
        od -c "$1" | head -5
    else
        pass "$2: text only"
    fi
}

expect_rc 0 tr_ init --commune 00004
printf 'full_name,birth_date,sex,village,notes\n"L\303\262\033]0;HACKED\007 V\304\203n\033[2J\302\233H P\303\241o\342\200\256",01/02/2015,nam,Th\303\264n 1,"ghi\033]52;c;ZXZpbA==\007 ch\303\272"\n' \
    >"$T/esc.csv"
expect_rc 0 tr_ import children "$T/esc.csv"
check "the database keeps the name as typed" \
    sh -c "sqlite3 '$T/e.db' 'SELECT full_name FROM child' | od -c | grep -q 033"
expect_rc 0 tr_ child list
clean "$OUT" "child list"
expect_grep 'Lò\]0;HACKED Văn\[2JH Páo' "$OUT"
expect_rc 0 tr_ child show TE-0001
clean "$OUT" "child show"
expect_grep 'ghi\]52;c;ZXZpbA== chú' "$OUT"
expect_rc 0 tr_ case add --source phone --kind violence --date 01/06/2025 --time 08:00 \
    --child TE-0001 --place "$(printf 'B\033[31mến s\302\233ông')"
expect_rc 0 tr_ case list
clean "$OUT" "case list"
expect_rc 0 tr_ case show VV-0001
clean "$OUT" "case show"
expect_grep 'B\[31mến sông' "$OUT"
expect_rc 1 tr_ child add --name Test --age 3 --village "$(printf 'X\033]0;T\007Y')"
clean "$ERR" "an error message naming the input"
expect_grep "X\]0;TY" "$ERR"
