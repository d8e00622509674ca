# lib.sh — shared helpers for treem's script tests. Source it first:
#   . "$(dirname "$0")/lib.sh"        (or ../lib.sh from tests/cli/)
# It sets -eu, makes a temporary folder $T (removed on exit), knows the
# program as $TREEM (from $TREEM_BIN, set by `make check`; call need_treem)
# and the source tree as $TREEM_SRCDIR, and prints one PASS: or FAIL: line
# per check. The script exits 1 when any check failed, 77 (automake's SKIP)
# after skip_all.
set -eu

if [ -z "${TREEM_SRCDIR:-}" ]; then
    TREEM_SRCDIR=$(cd "$(dirname "$0")" && pwd)
    while [ "$TREEM_SRCDIR" != / ] && [ ! -f "$TREEM_SRCDIR/configure.ac" ]; do
        TREEM_SRCDIR=$(dirname "$TREEM_SRCDIR")
    done
fi
TREEM_BIN=${TREEM_BIN:-$(pwd)/treem}
export TREEM_BIN TREEM_SRCDIR
TREEM=$TREEM_BIN

# python3 is the interpreter configure resolved (TREEM_PYTHON, set by
# `make check`), not a version manager's shim on PATH, which costs ~0.1 s
# a call; run by hand, it is whatever python3 PATH finds.
python3() { if [ -n "${TREEM_PYTHON:-}" ]; then "$TREEM_PYTHON" "$@"; else command python3 "$@"; fi; }

# Reproducible runs: English messages, no stray database or fixed date
# from the caller's environment.
TREEM_LANG=en
export TREEM_LANG
unset TREEM_DB TREEM_TODAY || true

T=$(mktemp -d "${TMPDIR:-/tmp}/treem-sh.XXXXXX")
TESTS_PASSED=0
TESTS_FAILED=0
OUT=$T/.out
ERR=$T/.err

lib_exit() {
    rc=$?
    rm -rf "$T"
    if [ "$rc" -eq 0 ] && [ "$TESTS_FAILED" -gt 0 ]; then
        rc=1
    fi
    echo "# $(basename "$0"): $TESTS_PASSED passed, $TESTS_FAILED failed"
    exit "$rc"
}
trap lib_exit EXIT
trap 'exit 130' INT TERM

pass() {
    TESTS_PASSED=$((TESTS_PASSED + 1))
    echo "PASS: $*"
}

fail() {
    TESTS_FAILED=$((TESTS_FAILED + 1))
    echo "FAIL: $*"
}

# Shows a file's first lines indented (on failures).
show() {
    if [ -s "$1" ]; then
        sed -e 's/^/    | /' -e 20q "$1"
    fi
}

# check DESCRIPTION cmd... — PASS when cmd succeeds.
check() {
    what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# expect_rc N cmd... — runs cmd with stdout in $OUT and stderr in $ERR,
# PASS when it exits with N ("!0" means any non-zero status).
expect_rc() {
    want=$1
    shift
    set +e
    "$@" >"$OUT" 2>"$ERR"
    got=$?
    set -e
    if [ "$want" = "!0" ] && [ "$got" -ne 0 ] || [ "$want" = "$got" ]; then
        pass "exit $got: $*"
    else
        fail "exit $got, want $want: $*"
        show "$OUT"
        show "$ERR"
    fi
}

# expect_grep PATTERN FILE — PASS when the extended regex matches a line.
expect_grep() {
    if grep -Eq -e "$1" "$2"; then
        pass "'$1' in $(basename "$2")"
    else
        fail "'$1' not in $(basename "$2")"
        show "$2"
    fi
}

# expect_no_grep PATTERN FILE — PASS when no line matches.
expect_no_grep() {
    if grep -Eq -e "$1" "$2"; then
        fail "'$1' unexpectedly in $(basename "$2")"
        show "$2"
    else
        pass "'$1' not in $(basename "$2")"
    fi
}

# file_mode PATH — the permission bits in octal, e.g. 600.
file_mode() {
    stat -c %a "$1" 2>/dev/null || stat -f %Lp "$1"
}

# skip_all REASON — nothing can be tested here (automake counts a SKIP).
skip_all() {
    echo "SKIP: $*"
    trap - EXIT
    rm -rf "$T"
    exit 77
}

# today DATE — the program's today (TREEM_TODAY, exported), e.g. "2026-03-16 09:00".
today() {
    TREEM_TODAY=$1
    export TREEM_TODAY
}

# expect_sql DB SQL WANT WHAT — the first value of SQL on DB (sqlite3) is WANT.
expect_sql() {
    n=$(sqlite3 "$1" "$2")
    if [ "$n" = "$3" ]; then pass "$4"; else fail "$4: got $n, want $3"; fi
}

# need_treem — skips the script when the program was not built.
need_treem() {
    if [ ! -x "$TREEM" ]; then
        skip_all "no treem binary at $TREEM (run through make check)"
    fi
}
