#!/bin/sh
# test_encrypt — sealed hand-off packages: `treem handoff --out FILE
# --encrypt` writes one file (0600) holding no plaintext name; `treem import
# FILE` with the right passphrase (TREEM_PASSPHRASE) gives back the same
# records (the package made again from the imported database is
# byte-identical); a wrong passphrase, a flipped byte, a cut file and a short
# passphrase are refused with a clear message and the database is unchanged.
. "$(dirname "$0")/../lib.sh"
need_treem
TREEM_TODAY=2025-06-30
# A temporary folder of this test's own: another test opening a sealed package
# at the same moment must not look like plaintext this one left behind.
mkdir "$T/tmp"
TMPDIR=$T/tmp
export TREEM_TODAY TMPDIR
tr_() { db=$1; shift; "$TREEM" --db "$db" "$@"; }
dump() { sqlite3 "$1" .dump | grep -v '^INSERT INTO audit_log'; }
PASS='mật khẩu dài đủ'

expect_rc 0 tr_ "$T/demo.db" demo
TREEM_PASSPHRASE=$PASS expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/goi.treem" --encrypt --with-names
expect_grep 'sealed with the passphrase' "$OUT"
check "the sealed file is private (0600)" test "$(file_mode "$T/goi.treem")" = 600
sqlite3 "$T/demo.db" "SELECT full_name FROM child UNION SELECT father_name FROM child WHERE father_name <> '' \
    UNION SELECT personal_id FROM child WHERE personal_id <> ''" >"$T/names"
check "the demo has names to look for" test "$(wc -l <"$T/names")" -gt 400
check "the sealed file holds no plaintext name or ID" sh -c "! grep -aqF -f '$T/names' '$T/goi.treem'"
check "nor a CSV header or the manifest" sh -c "! grep -aqE 'full_name|manifest|commune_code' '$T/goi.treem'"
TREEM_PASSPHRASE=short expect_rc 1 tr_ "$T/demo.db" handoff --out "$T/short.treem" --encrypt
expect_grep 'passphrase: at least 8 characters' "$ERR"
check "a refused passphrase writes no file" test ! -e "$T/short.treem"

# --- refused: wrong passphrase, a flipped byte anywhere, a cut file
expect_rc 0 tr_ "$T/up.db" init --commune 30502  # the demo's commune: a commune imports its own packages
dump "$T/up.db" >"$T/before.sql"
TREEM_PASSPHRASE='mật khẩu sai rồi' expect_rc 1 tr_ "$T/up.db" import "$T/goi.treem"
expect_grep 'wrong passphrase or damaged file' "$ERR"
expect_grep 'nothing was imported' "$ERR"
size=$(wc -c <"$T/goi.treem")
for at in 3 12 30 70 $((size / 2)) $((size - 1)); do
    cp "$T/goi.treem" "$T/bad.treem"
    byte=$(od -An -tu1 -j "$at" -N1 "$T/bad.treem" | tr -d ' ')
    printf "$(printf '\\%03o' $(( (byte + 1) % 256 )))" |
        dd of="$T/bad.treem" bs=1 seek="$at" count=1 conv=notrunc 2>/dev/null
    check "byte $at was changed" sh -c "! cmp -s '$T/goi.treem' '$T/bad.treem'"
    TREEM_PASSPHRASE=$PASS expect_rc 1 tr_ "$T/up.db" import "$T/bad.treem"
    if [ "$at" -ge 8 ]; then expect_grep 'wrong passphrase or damaged file' "$ERR"; fi
done
head -c $((size - 100)) "$T/goi.treem" >"$T/cut.treem"
TREEM_PASSPHRASE=$PASS expect_rc 1 tr_ "$T/up.db" import "$T/cut.treem"
expect_grep 'wrong passphrase or damaged file' "$ERR"
dump "$T/up.db" >"$T/after.sql"
check "refused files change nothing" cmp -s "$T/before.sql" "$T/after.sql"

# --- the right passphrase round-trips byte-identically
TREEM_PASSPHRASE=$PASS expect_rc 0 tr_ "$T/up.db" import "$T/goi.treem" --dry-run
dump "$T/up.db" >"$T/after.sql"
check "a dry run changes nothing" cmp -s "$T/before.sql" "$T/after.sql"
TREEM_PASSPHRASE=$PASS expect_rc 0 tr_ "$T/up.db" import "$T/goi.treem"
expect_grep '^added: ' "$OUT"
expect_rc 0 tr_ "$T/demo.db" handoff --out "$T/a" --with-names
expect_rc 0 tr_ "$T/up.db" handoff --out "$T/b" --with-names
for f in children periods plans targets tasks cases case_steps assessments; do
    check "$f.csv is byte-identical after the sealed trip" cmp -s "$T/a/$f.csv" "$T/b/$f.csv"
done
check "no plaintext was left in the temporary folder" \
    sh -c "! ls -d '$T/tmp'/treem-pkg-* 2>/dev/null | grep -q ."
