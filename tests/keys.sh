#!/bin/sh
# keys.sh — every key a screen handles is in its key bar (and so in its F1
# help, which lists the bar's actions), and every key its bar shows is one
# it handles. Read from the sources: in each screen file, the actions named
# by `case ACT_X` or `a == ACT_X` against those of its `enum action …[]`
# tables. Movement and editing keys, Esc, and the frame's own keys (help,
# quit, menu, screen numbers) are listed for every screen by the help
# itself, so they are left out; so are the keys form_key() and list_handle()
# take for the screens that use them (a form screen built on formscreen's
# FORMSCREEN_OPS or FORMSCREEN_INPUT uses form_key()). A list screen built on
# listbase.h handles the keys of its `struct lb_key …[]` table (and, with
# a `.year = …` in its def, Left, Right and the bar's < >; with a
# `.history = …`, Ctrl-Y). The help (scr_help.c) shows the
# editing keys whenever the screen takes text.
set -eu
src=${TREEM_SRCDIR:-$(dirname "$0")/..}/src/tui
common='ACT_BACK ACT_UP ACT_DOWN ACT_PGUP ACT_PGDN ACT_HOME ACT_END ACT_BACKSPACE ACT_DELCHAR
ACT_CLEAR ACT_NEXT_FIELD ACT_PREV_FIELD ACT_REDRAW ACT_HELP ACT_QUIT ACT_MENU ACT_MENU_PREV ACT_JUMP
ACT_OPEN ACT_NONE'
fail=0
# missing ACTIONS AMONG WHAT — a FAIL line for each of ACTIONS (but the
# common ones) not in AMONG; WHAT says it, %s standing for the action.
missing() {
    for a in $1; do
        case " $(echo $common) " in *" $a "*) continue ;; esac
        if ! printf '%s\n' "$2" | grep -qx "$a"; then
            # shellcheck disable=SC2059
            echo "FAIL: $name $(printf "$3" "$a")"
            fail=1
        fi
    done
}
for f in "$src"/scr_*.c "$src"/formscreen.c "$src"/picker.c; do
    [ "$(basename "$f")" = scr_help.c ] && continue  # the help itself
    name=$(basename "$f")
    handled=$(grep -oE '(case |a == |a != )ACT_[A-Z_]+' "$f" | grep -oE 'ACT_[A-Z_]+' | sort -u)
    # a list screen on listbase.h: its key table {ACT_X, handler, …}
    lbkeys=$(sed -n '/struct lb_key [a-z_]*\[\] *= *{/,/};/p' "$f" | grep -oE '\{ACT_[A-Z_]+,' |
        grep -oE 'ACT_[A-Z_]+' || true)
    handled=$(printf '%s\n%s\n' "$handled" "$lbkeys" | sed '/^$/d' | sort -u)
    shown=$(sed -n '/enum action [a-z_]*\[\] *= *{/,/};/p' "$f" | grep -oE 'ACT_[A-Z_]+' | sort -u)
    # a list whose rows have a change history (listbase_def .history): Ctrl-Y
    if sed -n '/struct listbase_def [a-z_]* *= *{/,/};/p' "$f" | grep -q '\.history = '; then
        handled=$(printf '%s\nACT_HISTORY\n' "$handled" | sort -u)
    fi
    # a list of a year's rows (listbase_def .year): Left and Right, and
    # < > (ACT_YEAR) when its bar shows them
    if sed -n '/struct listbase_def [a-z_]* *= *{/,/};/p' "$f" | grep -q '\.year = '; then
        handled=$(printf '%s\nACT_LEFT\nACT_RIGHT\n' "$handled" | sort -u)
        if printf '%s\n' "$shown" | grep -qx ACT_YEAR; then
            handled=$(printf '%s\nACT_YEAR\n' "$handled" | sort -u)
        fi
    fi
    if grep -q 'form_key(\|FORMSCREEN_' "$f"; then
        handled=$(printf '%s\nACT_SAVE\nACT_LEFT\nACT_RIGHT\n' "$handled" | sort -u)
    fi
    if grep -q 'form_handle(' "$f"; then
        handled=$(printf '%s\nACT_LEFT\nACT_RIGHT\n' "$handled" | sort -u)
    fi
    # the help of < > (ACT_YEAR) names Left and Right as the same keys; the
    # help of a form lists its editing keys, Left and Right among them
    if printf '%s\n' "$shown" | grep -qx ACT_YEAR || grep -q 'form_key(\|form_handle(\|FORMSCREEN_' "$f"; then
        shown=$(printf '%s\nACT_LEFT\nACT_RIGHT\n' "$shown" | sort -u)
    fi
    missing "$handled" "$shown" "handles %s but its key bar and help do not show it"
    missing "$shown" "$handled" "shows %s in its key bar but does not handle it"
done
[ "$fail" -eq 0 ] && echo "keys: every screen's bar matches the keys it handles"
exit "$fail"
