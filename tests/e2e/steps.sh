# tests/e2e/steps.sh — steps several end-to-end tests take, built on lib.sh.
# Source it after lib.sh:  . "$(dirname "$0")/steps.sh"
# Like keys and type_text, each step waits for the frames it makes; the
# checks inside a step (on_screen, wait_for, fail) end the test as theirs do.

# repeat N KEY... — the keys N times (none when N is 0 or less).
repeat() {
    local n=$1 i=0
    shift
    while [ "$i" -lt "$n" ]; do
        keys "$@"
        i=$((i + 1))
    done
}

# erase N — N backspaces: the field's old text of N characters gone.
erase() { repeat "$1" BSpace; }

# to_line N — from the first line of a list down to its Nth.
to_line() {
    [ -n "$1" ] || fail "no line to go to"
    repeat $(($1 - 1)) Down
}

# pick_child SEARCH NAME FORM — in FORM's child field: SEARCH typed, Enter
# opens the picker, which finds NAME; Enter picks it and FORM shows it with
# its code.
pick_child() {
    type_text "$1"
    keys Enter
    on_screen "Pick a child"
    wait_for "Chọn trẻ: gõ để tìm"
    wait_for "$2"
    keys Enter
    on_screen "$3"
    wait_for "$2 (TE-"
}

# open_reports [ARGS...] — treem started (with ARGS) on Home, then 7: the
# Báo cáo tab on this year's 6-month report.
open_reports() {
    start "$@"
    on_screen "Home"
    wait_for "Trang chủ"
    keys 7
    on_screen "Reports"
    wait_for "Báo cáo 6 tháng năm 2026"
}

# cli_shows KIND CODE TEXT... — `treem KIND show CODE` prints every TEXT
# (what a screen saved is stored); a failure shows what it printed.
cli_shows() {
    local kind=$1 code=$2 out="$E2E_DIR/show.txt"
    shift 2
    "$TREEM_BIN" --db "$E2E_DB" "$kind" show "$code" >"$out"
    for text in "$@"; do
        grep -q -- "$text" "$out" || fail "'$text' not in $kind show $code: $(cat "$out")"
    done
}

# report_figure VAR WHAT SED ARGS... — VAR set to the figure `treem report
# ARGS...` prints for WHAT, picked from its lines by the sed script SED (not
# hard-coded: the screen must show what the CLI computes); fails when none.
report_figure() {
    local var=$1 what=$2 script=$3 n
    shift 3
    n=$("$TREEM_BIN" --db "$E2E_DB" report "$@" | sed -n "$script")
    [ -n "$n" ] || fail "treem report printed no $what"
    eval "$var=\$n"
}
