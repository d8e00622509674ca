#!/bin/sh
# Benchmark (not a test): `treem import children` and `treem export children`
# of generated registers, next to sqlite3 on the same file in the same run,
# with peak resident memory. Run from a built tree:
#     BENCH_SIZES="100000 1000000" sh tests/bench/bench_import.sh
# Lines printed for each size:
#   treem import          the import: every cell parsed and validated, NFC,
#                         duplicates looked for, codes, audit lines, the
#                         register's indexes; a bulk of more than 20000 new
#                         children leaves the trigram search index for later
#   treem reindex         that later step (searches work meanwhile)
#   sqlite3 .import       sqlite3 copying the file into a bare table: no
#                         checks, no indexes
#   sqlite3 same rows     sqlite3 writing the same rows into treem's child
#                         table (its checks and indexes, not the trigram one)
#                         from that bare table: what the storage alone costs
#   treem export          the register back to CSV (dates dd/mm/yyyy, BOM,
#                         formula guard, a check code per row)
#   sqlite3 -csv          sqlite3 writing the child table as CSV
. "$(dirname "$0")/lib_bench.sh"
# The generator's rows as treem's child table holds them (ISO dates, folds
# approximated by lower(): the cost is the same).
same_rows_sql() {
    cat <<'SQL'
DROP TRIGGER child_fts_insert;
BEGIN;
INSERT INTO child(uid, code_num, code, full_name, name_fold, sort_key, birth_date, birth_eff, sex,
                  ethnicity, carer_name, carer_phone, notes, search, created_at, updated_at)
SELECT '00004-' || printf('%010d', rowid), rowid, printf('TE-%04d', rowid), full_name, lower(full_name),
       lower(full_name), substr(date_of_birth, 7, 4) || '-' || substr(date_of_birth, 4, 2) || '-' ||
       substr(date_of_birth, 1, 2), substr(date_of_birth, 7, 4) || '-' || substr(date_of_birth, 4, 2) ||
       '-' || substr(date_of_birth, 1, 2), CASE sex WHEN 'Nam' THEN 'nam' ELSE 'nu' END, ethnicity,
       guardian_name, phone, notes, lower(full_name || ' ' || guardian_name || ' ' || phone || ' ' || village),
       '2025-01-01 00:00', '2025-01-01 00:00'
FROM bare.c;
INSERT INTO audit_log(at, who, action, entity, entity_id, new_value)
SELECT '2025-01-01 00:00', 'bench', 'create', 'child', uid, code FROM child;
COMMIT;
SQL
}
for n in $SIZES; do
    python3 "$GEN" "$n" -o "$dir/children.csv"
    rm -rf "$dir/t.db"* "$dir/f.db"* "$dir/s.db"
    "$TREEM" --db "$dir/t.db" init --commune 00004 >/dev/null
    "$TREEM" --db "$dir/f.db" init --commune 00004 >/dev/null
    echo "$n children ($(wc -c <"$dir/children.csv") bytes)"
    run "treem import" "$TREEM" --db "$dir/t.db" import children "$dir/children.csv"
    run "treem reindex" "$TREEM" --db "$dir/t.db" reindex
    run "sqlite3 .import" sqlite3 "$dir/s.db" ".mode csv" ".import $dir/children.csv c"
    same_rows_sql >"$dir/same.sql"
    run "sqlite3 same rows" sqlite3 -cmd "ATTACH '$dir/s.db' AS bare" "$dir/f.db" ".read $dir/same.sql"
    run "treem export" "$TREEM" --db "$dir/t.db" export children "$dir/out.csv"
    run "sqlite3 -csv" sh -c "sqlite3 -csv -header '$dir/t.db' 'SELECT * FROM child' >'$dir/out2.csv'"
    rm -rf "$dir/s.db" "$dir/out.csv" "$dir/out2.csv" "$dir/t.db"* "$dir/f.db"* "$dir/backups" "$dir/same.sql"
done
