#!/bin/sh
# test_backup — `treem backup`, `treem restore`, outputs that would touch
# the database, `demo --force` on a register that is not a demo, a
# read-only database, every output file 0600 under umask 000 (issue 20).
. "$(dirname "$0")/../lib.sh"
need_treem
DB=$T/r.db
t() { "$TREEM" --db "$DB" "$@"; }
count() { sqlite3 "$DB" "SELECT count(*) FROM child"; }
mode() { stat -c %a "$1"; }

expect_rc 0 "$TREEM" --db "$DB" demo
n=$(count)

# --- backup and restore
expect_rc 0 t backup
expect_grep '^backup: .*/backups/r\.db-[0-9-]*-manual\.db$' "$OUT"
expect_rc 0 t backup --out "$T/copy.db"
check "the copy is sound" test "$(sqlite3 "$T/copy.db" 'PRAGMA quick_check')" = ok
expect_rc 1 t backup --out "$T/copy.db"
expect_grep 'already exists \(add --force to replace it\)' "$ERR"
expect_rc 0 t backup --out "$T/copy.db" --force
expect_rc 0 t child delete TE-0001 --yes
check "one child fewer" test "$(count)" -eq $((n - 1))
expect_rc 0 t restore "$T/copy.db"
expect_grep 'before-restore\.db' "$OUT"
check "the restore brought the child back" test "$(count)" -eq "$n"
expect_rc 1 t restore "$DB"
expect_grep 'the database itself' "$ERR"
printf 'not a database' >"$T/junk.db"
expect_rc 1 t restore "$T/junk.db"
expect_grep 'not a sound treem database' "$ERR"
check "a refused restore changed nothing" test "$(count)" -eq "$n"

# --- outputs never touch the database
before=$(sqlite3 "$DB" 'SELECT count(*) FROM child')
ln "$DB" "$T/hard.csv"
ln -s "$DB" "$T/soft.csv"
for out in "$DB" "$DB-wal" "$DB-shm" "$T/hard.csv" "$T/soft.csv"; do
    expect_rc 1 t export children "$out" --force
    expect_grep 'this is the database or one of its backups' "$ERR"
    expect_rc 1 t report --csv "$out" --force
    expect_rc 1 t backup --out "$out" --force
done
printf 'x\n' >"$T/bad.csv"
expect_rc 1 t import children "$T/bad.csv" --errors "$DB" --force
b=$(ls "$T/backups" | head -1)
expect_rc 1 t export children "$T/backups/$b" --force
check "the database is whole" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
check "and holds every child" test "$(count)" -eq "$before"

# --- an existing output stays unless --force
printf 'old' >"$T/out.csv"
expect_rc 1 t export children "$T/out.csv"
check "the old file is as it was" test "$(cat "$T/out.csv")" = old
expect_rc 0 t export children "$T/out.csv" --force
expect_grep 'Nguyễn' "$T/out.csv"

# --- a hand-off package over an existing one: refused whole, or --force
expect_rc 0 t handoff --out "$T/pkg"
cp "$T/pkg/manifest.txt" "$T/manifest.before"
rm "$T/pkg/children.csv"
expect_rc 1 t handoff --out "$T/pkg"
check "a refused package writes no file" test ! -e "$T/pkg/children.csv"
check "and leaves the manifest" cmp -s "$T/manifest.before" "$T/pkg/manifest.txt"
expect_rc 0 t handoff --out "$T/pkg" --force
check "--force writes it again" test -s "$T/pkg/children.csv"

# --- every output file 0600, folders 0700, whatever the umask
(
    umask 000
    t export children "$T/u.csv"
    t report --year 2025 --csv "$T/u-report.csv"
    t handoff --out "$T/u-pkg"
    t backup --out "$T/u.db"
    t import children "$T/bad.csv" --errors "$T/u-err.csv" || true
) >/dev/null 2>&1 || true
for f in "$T/u.csv" "$T/u-report.csv" "$T/u-pkg/children.csv" "$T/u-pkg/manifest.txt" "$T/u.db" "$T/u-err.csv"; do
    check "$(basename "$f") is 0600" test "$(mode "$f")" = 600
done
check "the package folder is 0700" test "$(mode "$T/u-pkg")" = 700

# --- demo --force replaces only a demo, after a backup
expect_rc 0 "$TREEM" --db "$T/real.db" init --commune 00004
expect_rc 0 "$TREEM" --db "$T/real.db" village add "Thôn A"
expect_rc 0 "$TREEM" --db "$T/real.db" child add --name "Lê Văn Một" --dob 01/01/2015 --village "Thôn A"
expect_rc 1 "$TREEM" --db "$T/real.db" demo --force
expect_grep 'not a demonstration database' "$ERR"
check "the register is kept" test "$(sqlite3 "$T/real.db" 'SELECT count(*) FROM child')" -eq 1
expect_rc 0 "$TREEM" --db "$DB" demo --force
check "a demo was backed up before it was replaced" sh -c "ls '$T/backups' | grep -q before-demo"

# --- a read-only database is listed; changes are refused
expect_rc 0 "$TREEM" --read-only --db "$DB" child list --limit 3
expect_rc 1 "$TREEM" --read-only --db "$DB" village add "Thôn Mới"
expect_grep 'read-only' "$ERR"
