# tests/e2e/lib.sh — drive the real treem in a detached tmux session.
# Source it from a test script:  . "$(dirname "$0")/lib.sh"
# Each test gets its own tmux server (-L), a temporary folder and database,
# a fixed "today" (TREEM_TODAY), and on failure prints the captured screen.
#
# No check depends on timing. treem runs with TREEM_TEST_TITLE=1: each time
# it has drawn a frame and waits for a key with none pending, it sets the
# pane's title to "treem SEQ SCREEN" (SEQ counts such frames; SCREEN is the
# stable English name of the screen or dialog on top). `keys`, `type_text`
# and `resize` note SEQ, act, then wait until SEQ has grown: the screen then
# shows what the keys produced, and `on_screen NAME` checks where we are.
# The waits sleep on a pipe rather than poll: with TREEM_TEST_FRAMES treem
# also writes "SEQ SCREEN" to a FIFO per frame, the pane writes "exited RUN"
# there when treem ends, and a ticker writes "tick" each second. The title
# stays the truth; a line only wakes the wait. The waits are bounded
# (E2E_LIMIT seconds) only so a broken build fails instead of hanging; no
# result depends on how fast the machine is.
set -eu

: "${TREEM_BIN:?TREEM_BIN must point to the treem binary}"
command -v tmux >/dev/null || { echo "tmux is required for end-to-end tests"; exit 99; }

E2E_NAME=$(basename "$0" .sh)
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/treem-e2e.XXXXXX")
E2E_SOCK="treem-$E2E_NAME-$$"
E2E_DB="$E2E_DIR/treem.db"
export TREEM_TODAY="${TREEM_TODAY:-2026-03-16 09:00}"
export HOME="$E2E_DIR"   # never touch the tester's own data
unset TREEM_DB TREEM_LANG NO_COLOR
E2E_PASSED=0

E2E_TICKER=
e2e_cleanup() {
    [ -z "$E2E_TICKER" ] || kill "$E2E_TICKER" 2>/dev/null || true
    tmux -L "$E2E_SOCK" kill-server 2>/dev/null || true
    rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT

tm() { tmux -L "$E2E_SOCK" "$@"; }
# configure's python3 (TREEM_PYTHON), not a shim costing ~0.1 s a call
python3() { if [ -n "${TREEM_PYTHON:-}" ]; then "$TREEM_PYTHON" "$@"; else command python3 "$@"; fi; }

# start [ARGS...] — run treem (on $E2E_DB) at 80x24 in a fresh session.
E2E_RUN=0
start() {
    tm kill-server 2>/dev/null || true
    # a fresh server per start: a dying one can refuse the new session
    E2E_RUN=$((E2E_RUN + 1))
    E2E_SOCK="treem-$E2E_NAME-$$-$E2E_RUN"
    frames_open
    tm -f /dev/null new-session -d -s t -x "${E2E_COLS:-80}" -y "${E2E_ROWS:-24}" \
        "env TERM=xterm-256color LANG=C.UTF-8 TREEM_TEST_TITLE=1 TREEM_TEST_FRAMES='$E2E_FIFO' \
         TREEM_TODAY='$TREEM_TODAY' HOME='$HOME' \
         '$TREEM_BIN' --db '$E2E_DB' $*; echo '[treem exited]' \$?; echo 'exited $E2E_RUN' >'$E2E_FIFO'; sleep 600"
    settle 0
    [ -z "${E2E_TRACE:-}" ] || echo "${BASH_LINENO[0]} $(screen_name)" >>"$E2E_TRACE"
}

screen() { tm capture-pane -p -t t; }

# frames_open — a fresh frame pipe for this run, read on fd 3 (opened read
# and write, so neither side ever blocks on open), and its ticker.
frames_open() {
    [ -z "$E2E_TICKER" ] || kill "$E2E_TICKER" 2>/dev/null || true
    mkdir -p "$E2E_DIR/.frames" # hidden: tests list E2E_DIR in the file browser
    E2E_FIFO="$E2E_DIR/.frames/$E2E_RUN"
    mkfifo -m 600 "$E2E_FIFO"
    exec 3<>"$E2E_FIFO"
    (while sleep 1; do echo tick; done) 3>&- >"$E2E_FIFO" &
    E2E_TICKER=$!
}

fail() {
    echo "FAIL: $E2E_NAME: $*"
    echo "----- screen -----"
    screen 2>/dev/null || true
    echo "------------------"
    exit 1
}

# The bound of every wait, in seconds (only a broken build ever reaches it).
E2E_LIMIT=${E2E_LIMIT:-120}

title() { tm display-message -p -t t '#{pane_title}' 2>/dev/null || true; }
exited() { screen 2>/dev/null | grep -qF '[treem exited]'; }

# frame_seq — the number of the last complete frame (0 before the first).
frame_seq() {
    set -- $(title)
    if [ "${1:-}" = treem ] && [ -n "${2:-}" ]; then echo "$2"; else echo 0; fi
}

# screen_name — the stable name of the screen (or dialog) on top.
screen_name() {
    local t
    t=$(title)
    case "$t" in "treem "*) t=${t#treem }; echo "${t#* }" ;; *) echo "" ;; esac
}

# settle SEQ — until a frame after SEQ is complete, or treem has exited.
# Sleeps on the frame pipe; a line for a newer frame waits for the title
# (which tmux may take a moment to read from the terminal) to show it.
settle() {
    local since=$1 line n i start
    start=$(date +%s)
    while :; do
        [ "$(frame_seq)" -gt "$since" ] && return 0
        read -r line <&3 || fail "the frame pipe closed"
        case $line in
        "exited $E2E_RUN") return 0 ;;
        tick)
            [ $(($(date +%s) - start)) -lt "$E2E_LIMIT" ] ||
                fail "no new frame after frame $since within ${E2E_LIMIT}s" ;;
        [0-9]*)
            n=${line%% *} i=0
            [ "$n" -gt "$since" ] || continue
            while [ "$(frame_seq)" -lt "$n" ]; do
                [ "$i" -lt 5000 ] || fail "the title never showed frame $n"
                sleep 0.002 # the title catching up, not a check
                i=$((i + 1))
            done
            return 0 ;;
        esac
    done
}

# on_screen NAME — the screen (or dialog: Confirm, Message) on top is NAME.
on_screen() {
    local now
    now=$(screen_name)
    [ "$now" = "$1" ] || fail "expected screen '$1', on '$now'"
}

# wait_for TEXT — TEXT is on the screen. Since keys, type_text and resize
# return only once the frame they produced is complete, this looks once:
# nothing is left to chance. (The name is kept from the polling harness.)
wait_for() { screen | grep -qF -- "$1" || fail "did not see '$1' on screen '$(screen_name)'"; }
expect() { wait_for "$1"; }

# wait_gone TEXT — TEXT is not on the screen (looks once, as wait_for).
wait_gone() { expect_no "$1"; }

# wait_screen NAME — for frames treem draws by itself: until NAME is on top.
wait_screen() {
    local seq
    while :; do
        seq=$(frame_seq)
        [ "$(screen_name)" = "$1" ] && return 0
        exited && fail "treem exited before showing screen '$1'"
        settle "$seq"
    done
}

# wait_async TEXT — for what treem draws by itself, without a key (the
# search index caught up while idle): until a frame shows TEXT.
wait_async() {
    local text=$1 seq
    while :; do
        seq=$(frame_seq)
        screen | grep -qF -- "$text" && return 0
        exited && fail "treem exited before showing '$text'"
        settle "$seq"
    done
}

expect_no() { if screen | grep -qF -- "$1"; then fail "did not expect '$1'"; fi; }

# keys KEY... — named keys (Enter Escape F2 Down …), then the frame they made.
keys() {
    local seq
    seq=$(frame_seq)
    tm send-keys -t t "$@"
    settle "$seq"
    [ -z "${E2E_TRACE:-}" ] || echo "${BASH_LINENO[0]} $(screen_name)" >>"$E2E_TRACE"
}
# type_text TEXT — literal text (Vietnamese included), then its frame.
type_text() {
    local seq
    seq=$(frame_seq)
    tm send-keys -t t -l "$1"
    settle "$seq"
    [ -z "${E2E_TRACE:-}" ] || echo "${BASH_LINENO[0]} $(screen_name)" >>"$E2E_TRACE"
}
# paste_file FILE — FILE's bytes as one bracketed paste (as a terminal pastes
# from the clipboard), then the frame it made (treem reads a paste whole).
paste_file() {
    local seq
    seq=$(frame_seq)
    tm load-buffer -b paste "$1"
    tm paste-buffer -p -d -b paste -t t
    settle "$seq"
    [ -z "${E2E_TRACE:-}" ] || echo "${BASH_LINENO[0]} $(screen_name)" >>"$E2E_TRACE"
}
# resize COLS ROWS — the terminal's new size, then the frame drawn for it.
resize() {
    local seq
    seq=$(frame_seq)
    tm resize-window -t t -x "$1" -y "$2"
    settle "$seq"
}

ok() { E2E_PASSED=$((E2E_PASSED + 1)); echo "ok $E2E_PASSED - $*"; }

done_testing() { echo "$E2E_NAME: $E2E_PASSED checks passed"; }

# A database already set up for the demo ward, for tests past first run.
make_demo_db() { "$TREEM_BIN" --db "$E2E_DB" demo --force >/dev/null; }
