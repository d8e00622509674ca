#!/bin/sh
# test_init.sh — `treem init` and `demo` on temporary databases: creating,
# re-running (nothing changes), refusing unknown codes and too-new files,
# the default path (XDG_DATA_HOME, HOME, TREEM_DB), --help and --version.
. "$(dirname "$0")/../lib.sh"
need_treem
cd "$T"

if command -v sqlite3 >/dev/null 2>&1; then have_sqlite3=true; else have_sqlite3=false; fi

# dump DB OUT — the database's tables and rows as text.
dump() {
    if $have_sqlite3; then
        sqlite3 "$1" .dump >"$2"
    else
        "$TREEM" --db "$1" info >"$2"
    fi
}

# no_db_files PATH — neither the file nor its -wal/-shm exist.
no_db_files() {
    [ ! -e "$1" ] && [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ]
}

echo "# init creates a database"
expect_rc 0 "$TREEM" --db t.db init --commune 00004
expect_grep 'Created .*t\.db.*Ba Đình \(00004\)' "$OUT"
check "t.db exists" test -f t.db
check "t.db has mode 0600" test "$(file_mode t.db)" = 600
check "no -wal/-shm left after exit" test ! -e t.db-wal -a ! -e t.db-shm
check "no backup of a new file" test ! -e backups
dump t.db before.sql
expect_grep 'commune_code' before.sql

echo "# init again changes nothing"
cp t.db t.bytes
expect_rc 0 "$TREEM" --db t.db init --commune 00004
expect_grep 'up to date' "$OUT"
dump t.db after.sql
check "tables unchanged by a second init" cmp -s before.sql after.sql
check "file bytes unchanged by a second init" cmp -s t.db t.bytes
check "no backup for an up-to-date file" test ! -e backups

echo "# unknown or other communes are refused"
expect_rc '!0' "$TREEM" --db new.db init --commune 99999
expect_grep '99999' "$ERR"
check "no database left behind for a refused code" no_db_files new.db
expect_rc '!0' "$TREEM" --db deep/er/new.db init --commune 99999
check "no database left behind in a new folder" no_db_files deep/er/new.db
expect_rc '!0' "$TREEM" --db t.db init --commune 99999
expect_grep '99999' "$ERR"
expect_rc '!0' "$TREEM" --db t.db init --commune 21934
expect_grep '00004' "$ERR"
dump t.db after.sql
check "refusals leave the existing database as it was" cmp -s before.sql after.sql
expect_rc 2 "$TREEM" --db x.db init
expect_grep 'commune' "$ERR"
check "a usage error creates nothing" no_db_files x.db
expect_rc '!0' "$TREEM" --db missing.db info
check "info does not create a database" no_db_files missing.db

echo "# --version, --help and every subcommand"
expect_rc 0 "$TREEM" --version
expect_grep '^treem [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"
expect_rc 0 "$TREEM" -V
expect_grep '^treem [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"
expect_rc 0 "$TREEM" --help
cp "$OUT" help.txt
commands=$(sed -n 's/^ *{"\([a-z][a-z_-]*\)", *\(NULL\|"\).*/\1/p' "$TREEM_SRCDIR/src/cli/cli.c")
check "cli_commands[] read from src/cli/cli.c" test -n "$commands"
# the COMMANDS section of the manual, one bold command name per entry
sed -n '/^\.SH COMMANDS/,/^\.SH [^C]/p' "$TREEM_SRCDIR/doc/treem.1" >man-commands.txt
for c in $commands; do
    expect_grep "^ +$c " help.txt
    expect_grep "^\.B[IR]? +\"?$c( |\"|\$)" man-commands.txt
    expect_rc 0 "$TREEM" "$c" --help
    expect_grep "treem $c" "$OUT"
done
expect_rc 2 "$TREEM" no-such-command
expect_grep 'no-such-command' "$ERR"
expect_rc 2 "$TREEM" --no-such-option

echo "# the default path"
mkdir home
expect_rc 0 env -u TREEM_DB HOME="$T/home" XDG_DATA_HOME="$T/xdg" "$TREEM" init --commune 00004
check "XDG_DATA_HOME/treem/treem.db created" test -f xdg/treem/treem.db
check "its folder has mode 0700" test "$(file_mode xdg/treem)" = 700
check "the file has mode 0600" test "$(file_mode xdg/treem/treem.db)" = 600
check "nothing under HOME when XDG_DATA_HOME is set" test ! -e home/.local
expect_rc 0 env -u TREEM_DB -u XDG_DATA_HOME HOME="$T/home" "$TREEM" init --commune 00004
check "HOME/.local/share/treem/treem.db without XDG_DATA_HOME" \
    test -f home/.local/share/treem/treem.db
expect_rc 0 env TREEM_DB="$T/env.db" XDG_DATA_HOME="$T/xdg2" "$TREEM" init --commune 00004
check "TREEM_DB chooses the file" test -f env.db
check "TREEM_DB wins over XDG_DATA_HOME" test ! -e xdg2
expect_rc 0 env TREEM_DB="$T/env2.db" "$TREEM" --db cli.db init --commune 00004
check "--db wins over TREEM_DB" test -f cli.db -a ! -e env2.db

echo "# a database newer than this treem is refused and left untouched"
if $have_sqlite3; then
    for mode in wal delete; do
        cp t.db "new-$mode.db"
        sqlite3 "new-$mode.db" "PRAGMA journal_mode = $mode; PRAGMA user_version = 999;" >/dev/null
        cp "new-$mode.db" "new-$mode.bytes"
        expect_rc '!0' "$TREEM" --db "new-$mode.db" info
        expect_grep '999' "$ERR"
        expect_rc '!0' "$TREEM" --db "new-$mode.db" init --commune 00004
        expect_grep 'newer' "$ERR"
        check "too-new file ($mode) unchanged" cmp -s "new-$mode.db" "new-$mode.bytes"
        check "too-new file ($mode) not backed up" test ! -e backups
    done
else
    echo "SKIP: too-new checks need the sqlite3 program (apt-get install sqlite3)"
fi

echo "# demo"
expect_rc 0 "$TREEM" --db demo.db demo
check "demo.db written" test -f demo.db
expect_rc 0 "$TREEM" --db demo.db info
expect_grep 'Thới Sơn \(30502\), .*An Giang' "$OUT"
# The demo follows seed 000 and is dated from today: opened in March, this
# year's plan shows only what was due by then as done, and every department
# of the seed has its duties.
expect_rc 0 env TREEM_TODAY="2026-03-16 09:00" "$TREEM" --db demo-march.db demo
expect_rc 0 env TREEM_TODAY="2026-03-16 09:00" "$TREEM" --db demo-march.db plan list
expect_grep '^2	05/KH-UBND \(2026\).*2/36 .*, 0 ' "$OUT"
expect_grep '^1	12/KH-UBND \(2025\).*35/36 ' "$OUT"
expect_rc 0 env TREEM_TODAY="2026-03-16 09:00" "$TREEM" --db demo-march.db task list --plan 2
for dept in "XDGN" "Tư pháp" "Công an" "Trạm Y tế" "trường" "Đoàn Thanh niên" "Văn hóa – Xã hội" \
        "Truyền thanh" "Tài chính" "Mặt trận" "Phụ nữ" "Nông dân" "cộng tác viên"; do
    expect_grep "$dept" "$OUT"
done
expect_grep "Khảo sát mức độ hài lòng" "$OUT"
expect_grep "Tổng đài quốc gia bảo vệ trẻ em 111" "$OUT"
expect_grep "Dạy bơi" "$OUT"
expect_grep "bỏ học" "$OUT"
expect_grep "câu lạc bộ" "$OUT"
expect_grep "hoạt động hè" "$OUT"
cp demo.db demo.bytes
expect_rc '!0' "$TREEM" --db demo.db demo
expect_grep 'already exists' "$ERR"
check "demo without --force leaves the file" cmp -s demo.db demo.bytes
expect_rc 0 "$TREEM" --db demo.db demo --force
expect_rc 2 "$TREEM" --db demo.db demo --bogus
# as many --village options as a commune has villages (no fixed limit)
set --
for i in $(seq 1 70); do set -- "$@" --village "Thôn $i"; done
expect_rc 0 "$TREEM" --db many.db init --commune 21934 "$@"
expect_sql many.db "SELECT count(*) FROM village" 70 "all 70 villages of the options are set up"
