#!/bin/sh
# test_wine.sh — the Windows build (treem.exe, build-aux/windows.sh) run
# under Wine: --version, init (also at the default %APPDATA%\treem), demo,
# child list (Vietnamese text intact, the same bytes as the Linux build's),
# export → import → export byte-identical, a hand-off package received by
# the level above, a report (text, CSV and .xlsx).
# `sh build-aux/dev.sh windows` runs it on each treem.exe it builds. Under
# `make check` it is skipped (exit 77, automake's SKIP, with the reason):
# without TREEM_EXE (so that the Linux suite never waits for Wine), or when
# Wine is not installed, or when this Wine cannot start the program.
#   TREEM_EXE   the program, e.g. _build-win64/treem.exe
#   TREEM_WINE  the Wine loader (default: wine64, /usr/lib/wine/wine64, wine)
. "$(dirname "$0")/../lib.sh"

[ -n "${TREEM_EXE:-}" ] || skip_all "the Windows build is tested by sh build-aux/dev.sh windows (or set TREEM_EXE)"
EXE=$TREEM_EXE
WINE=${TREEM_WINE:-}
if [ -z "$WINE" ]; then
    for w in wine64 /usr/lib/wine/wine64 wine; do
        if command -v "$w" >/dev/null 2>&1; then
            WINE=$(command -v "$w")
            break
        fi
    done
fi
[ -n "$WINE" ] || skip_all "Wine is not installed (sh build-aux/dev.sh windows installs it and runs this test)"
[ -f "$EXE" ] || skip_all "no $EXE (sh build-aux/dev.sh windows builds it)"
EXE=$(cd "$(dirname "$EXE")" && pwd)/$(basename "$EXE")

# One Wine prefix for all the runs (making one takes a while): the user's
# cache, not the temporary folder.
# One per loader too: a prefix made by wine64 alone cannot run 32-bit programs.
WINEPREFIX=${TREEM_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/treem-win/prefix-$(basename "$WINE")-$(basename "$(dirname "$EXE")")}
WINEDEBUG=-all
TREEM_TODAY=2025-06-30
export WINEPREFIX WINEDEBUG TREEM_TODAY
mkdir -p "$WINEPREFIX"
cd "$T"

# win ARGS… — treem.exe under Wine (relative paths: Wine's Z: drive is /)
win() { "$WINE" "$EXE" "$@"; }
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1"; cmp "$2" "$3" | head -3; fi; }

echo "# --version"
if ! win --version >"$OUT" 2>"$ERR" || ! grep -q '^treem ' "$OUT"; then
    show "$ERR"
    # Debian 12's wine64 alone starts a 32-bit program and prints nothing
    skip_all "$WINE cannot run $EXE (a 32-bit program needs Debian's wine32:i386)"
fi
expect_rc 0 win --version
expect_grep '^treem [0-9]+\.[0-9]+' "$OUT"

echo "# init, demo, child list"
expect_rc 0 win --db t.db init --commune 00004
expect_grep 'Created .*t\.db.*Ba Đình \(00004\)' "$OUT"
expect_rc 0 win --db demo.db demo
expect_rc 0 win --db demo.db child list --all
check "child list: 400 children" test "$(wc -l <"$OUT")" -eq 400
expect_grep '	Khóm Xuân Hòa$' "$OUT"
TREEM_LANG=vi expect_rc 0 win --db demo.db child list --all
expect_grep 'Nguyễn' "$OUT"
cp "$OUT" list.win
if [ -x "${TREEM_BIN:-}" ]; then
    TREEM_LANG=vi "$TREEM_BIN" --db demo.db child list --all >list.linux || true
    same "child list: the same bytes as the Linux build's" list.linux list.win
fi

printf '%s\n' '# the default database: %APPDATA%\treem\treem.db'
appdata=$("$WINE" cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
unix_appdata=$("$WINE" winepath -u "$appdata" 2>/dev/null | tr -d '\r')
# the test's own Wine prefix: what an earlier run (maybe of another treem
# version) left there goes first
[ -n "$unix_appdata" ] && rm -rf "$unix_appdata/treem"
expect_rc 0 win init --commune 00004
expect_grep 'treem/treem\.db' "$OUT"
check "the database is in %APPDATA%/treem ($unix_appdata)" test -f "$unix_appdata/treem/treem.db"

echo "# a folder and a file with Vietnamese names (UTF-8 paths, wide Windows calls)"
mkdir "Nguyễn Văn Đức"
expect_rc 0 win --db "Nguyễn Văn Đức/xã.db" init --commune 00004
check "the database is in the folder of that name" test -f "Nguyễn Văn Đức/xã.db"
expect_rc 0 win --db "Nguyễn Văn Đức/xã.db" backup
check "its backup is in Nguyễn Văn Đức/backups" sh -c 'ls "Nguyễn Văn Đức/backups/" | grep -q "^xã\.db-"'
expect_rc 0 win --db demo.db export children "Nguyễn Văn Đức/trẻ em.csv"
check "an export to a Vietnamese file name" test -s "Nguyễn Văn Đức/trẻ em.csv"
expect_rc 1 win --db demo.db export children "Nguyễn Văn Đức/trẻ em.csv"
expect_grep "already exists" "$ERR"
expect_rc 0 win --db demo.db --force export children "Nguyễn Văn Đức/trẻ em.csv"

echo "# export → import → export: byte-identical files"
for k in children plans cases; do
    expect_rc 0 win --db demo.db export $k $k.1.csv
done
check "export starts with a BOM" sh -c "head -c 3 children.1.csv | od -An -tx1 | grep -q 'ef bb bf'"
check "export ends records with CRLF (not CR CR LF)" sh -c \
    "grep -c \"$(printf '\r')\$\" children.1.csv >/dev/null && ! grep -q \"$(printf '\r\r')\" children.1.csv"
expect_rc 0 win --db rt.db init --commune 30502
for k in children plans cases; do
    expect_rc 0 win --db rt.db import $k $k.1.csv
    expect_rc 0 win --db rt.db export $k $k.2.csv
    same "round trip of $k is byte-identical" $k.1.csv $k.2.csv
done
if [ -x "${TREEM_BIN:-}" ]; then
    "$TREEM_BIN" --db demo.db export children children.linux.csv >/dev/null || true
    same "the export is the same bytes as the Linux build's" children.linux.csv children.1.csv
fi

echo "# hand-off package, received by the level above"
expect_rc 0 win --db demo.db handoff --out pkg
expect_grep '^file=children.csv,children,400,[0-9a-f]{64}$' pkg/manifest.txt
expect_rc 0 win --db up.db init --province 91
expect_rc 0 win --db up.db receive pkg
check "the commune's database is made" test -f up.db.communes/30502.db
expect_rc 0 win --db up.db.communes/30502.db child list --all
check "received: 400 children" test "$(wc -l <"$OUT")" -eq 400
cp -r pkg bad
printf 'x' >>bad/children.csv
expect_rc 1 win --db up.db receive bad
expect_grep 'children.csv' "$ERR"

echo "# a sealed package (libsodium; its temporary folder in %TEMP%; a Vietnamese passphrase)"
# without TMPDIR, as on Windows: treem takes %TEMP% (core/platform_win.c)
win_temp() { env -u TMPDIR "$WINE" "$EXE" "$@"; }
PASS='mật khẩu dài đủ'
TREEM_PASSPHRASE=$PASS expect_rc 0 win_temp --db demo.db handoff --out goi.treem --encrypt --with-names
expect_grep 'sealed with the passphrase' "$OUT"
check "the sealed file holds no plaintext name" sh -c "! grep -aq 'Nguyễn' goi.treem"
expect_rc 0 win --db sealed.db init --commune 30502
TREEM_PASSPHRASE='mật khẩu sai rồi' expect_rc 1 win_temp --db sealed.db import goi.treem
expect_grep 'wrong passphrase or damaged file' "$ERR"
TREEM_PASSPHRASE=$PASS expect_rc 0 win_temp --db sealed.db import goi.treem
expect_rc 0 win --db sealed.db child list --all
check "the sealed package gave back 400 children" test "$(wc -l <"$OUT")" -eq 400
if [ -x "${TREEM_BIN:-}" ]; then
    # sealed on Windows, opened on Linux with the same Vietnamese passphrase
    "$TREEM_BIN" --db linux.db init --commune 30502 >/dev/null || true
    TREEM_PASSPHRASE=$PASS expect_rc 0 "$TREEM_BIN" --db linux.db import goi.treem
fi

echo "# report"
expect_rc 0 win --db demo.db report --year 2025 --csv r.csv --xlsx r.xlsx
expect_grep '^Annual report 2025$' "$OUT"
check "report CSV written" test -s r.csv
check "report workbook is a zip" sh -c "head -c 2 r.xlsx | grep -q PK"

echo "# the interface in Wine's console: the home screen, Vietnamese typed and shown"
if command -v tmux >/dev/null 2>&1; then
    sock=treem-wine-$$
    # Wine draws its console on its own time: wait_screen waits (at most a
    # minute) for a line of the awaited screen, then the checks read it once
    wait_screen() {
        i=0
        while [ $i -lt 300 ]; do
            tmux -L "$sock" capture-pane -p >screen.txt 2>/dev/null || true
            grep -qE "$1" screen.txt && return 0
            i=$((i + 1))
            sleep 0.2
        done
    }
    tmux -L "$sock" new-session -d -x 100 -y 30 \
        "TREEM_LANG=vi '$WINE' '$EXE' --db '$T/demo.db'; sleep 600"
    wait_screen 'Bấm số 1-9'
    expect_grep '1 Trang chủ 2 Trẻ em 3 Vụ việc 4 Kế hoạch 5 Nhiệm vụ 6 Tiêu chí 7 Báo cáo' screen.txt
    expect_grep 'Phường Thới Sơn \(30502\) — Tỉnh An Giang' screen.txt
    expect_grep 'Trẻ em dưới 16 tuổi +370' screen.txt
    tmux -L "$sock" send-keys 2
    wait_screen 'Tìm:'
    tmux -L "$sock" send-keys -l 'Hòa'
    wait_screen 'Tìm: +Hòa '
    expect_grep 'Tìm: +Hòa +tìm thấy [0-9]+' screen.txt
    expect_grep 'Xuân Hòa' screen.txt
    tmux -L "$sock" kill-server 2>/dev/null || true
else
    echo "# (tmux is not installed: the interface is not checked)"
fi
