# tests/e2e/lib.sh — drive the real treem in a detached tmux session.
# Source it from a test script:  . "$(dirname "$0")/lib.sh"
# Each test gets its own tmux server (-L), a temporary folder and database,
# a fixed "today" (TREEM_TODAY), and on failure prints the captured screen.
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

e2e_cleanup() {
    tmux -L "$E2E_SOCK" kill-server 2>/dev/null || true
    rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT

tm() { tmux -L "$E2E_SOCK" "$@"; }

# start [ARGS...] — run treem (on $E2E_DB) at 80x24 in a fresh session.
E2E_RUN=0
start() {
    tm kill-server 2>/dev/null || true
    # a fresh server per start: a dying one can refuse the new session
    E2E_RUN=$((E2E_RUN + 1))
    E2E_SOCK="treem-$E2E_NAME-$$-$E2E_RUN"
    tm -f /dev/null new-session -d -s t -x "${E2E_COLS:-80}" -y "${E2E_ROWS:-24}" \
        "env TERM=xterm-256color LANG=C.UTF-8 TREEM_TODAY='$TREEM_TODAY' HOME='$HOME' \
         '$TREEM_BIN' --db '$E2E_DB' $*; echo '[treem exited]' \$?; sleep 30"
}

screen() { tm capture-pane -p -t t; }

fail() {
    echo "FAIL: $E2E_NAME: $*"
    echo "----- screen -----"
    screen 2>/dev/null || true
    echo "------------------"
    exit 1
}

# wait_for TEXT [SECONDS] — until TEXT is on the screen (fixed string).
wait_for() {
    local text=$1 limit=${2:-5} i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        if screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "did not see '$text' within ${limit}s"
}

# wait_gone TEXT — until TEXT is no longer on the screen.
wait_gone() {
    local text=$1 i=0
    while [ "$i" -lt 100 ]; do
        if ! screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "'$text' is still on the screen"
}

expect_no() { if screen | grep -qF -- "$1"; then fail "did not expect '$1'"; fi; }

keys() { tm send-keys -t t "$@"; }      # named keys: Enter Escape F2 Down …
type_text() { tm send-keys -t t -l "$1"; }  # literal text, Vietnamese included

resize() { tm resize-window -t t -x "$1" -y "$2"; }

ok() { E2E_PASSED=$((E2E_PASSED + 1)); echo "ok $E2E_PASSED - $*"; }

done_testing() { echo "$E2E_NAME: $E2E_PASSED checks passed"; }

# A database already set up for the demo ward, for tests past first run.
make_demo_db() { "$TREEM_BIN" --db "$E2E_DB" demo --force >/dev/null; }
