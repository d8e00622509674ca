/* test_child_bulk — many new children in one transaction: their codes, the
 * audit lines and the index queue written at the end, the list indexes put
 * aside and rebuilt past BULK_MANY rows, and the trigram index catching up
 * (searches stay right while rows wait). */
#include <config.h>
#include "tests.h"
#include "treem/db/child_bulk.h"
#include "treem/db/child_repo.h"
#include "treem/db/child_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db *db;

static void setup(void)
{
    setenv("TREEM_TODAY", "2025-06-30", 1);
    db = test_db_new(true);
    /* A copy of the schema, to check a bulk leaves it as it found it. */
    ck_assert_int_eq(db_exec(db, "CREATE TEMP TABLE schema_before AS "
                                 "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"), ST_OK);
}

static void teardown(void)
{
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

static long long count_sql(const char *sql, const char *param)
{
    long long n = -1;
    ck_assert_msg(db_query_int(db, sql, param, &n) == ST_OK, "%s: %s", sql, status_message());
    return n;
}

/* Schema rows (name, type, sql) that differ from the copy, either way. */
static long long schema_changes(void)
{
    return count_sql("SELECT count(*) FROM (SELECT type, name, tbl_name, sql FROM main.sqlite_schema "
                     "EXCEPT SELECT * FROM schema_before)", NULL) +
           count_sql("SELECT count(*) FROM (SELECT * FROM schema_before EXCEPT "
                     "SELECT type, name, tbl_name, sql FROM main.sqlite_schema)", NULL);
}

static long long schema_has(const char *name)
{
    return count_sql("SELECT count(*) FROM main.sqlite_schema WHERE name = ?1", name);
}

/* How many of the three list indexes a large bulk puts aside exist. */
static long long list_indexes(void)
{
    return count_sql("SELECT count(*) FROM main.sqlite_schema WHERE type = 'index' AND "
                     "name IN ('child_list', 'child_village', 'child_birth')", NULL);
}

static long long waiting(void)
{
    return count_sql("SELECT count(*) FROM child_fts_pending", NULL);
}

/* Rows the trigram index itself returns for a word (not the content). */
static long long fts_hits(const char *word)
{
    return count_sql("SELECT count(*) FROM child_fts WHERE child_fts MATCH ?1", word);
}

/* The index agrees with itself and (rank 1) with the child table: a row
 * missing from it, or a stray 'delete', fails here. */
static void assert_fts_consistent(void)
{
    ck_assert_msg(db_exec(db, "INSERT INTO child_fts(child_fts) VALUES ('integrity-check')") == ST_OK,
                  "%s", status_message());
    ck_assert_msg(db_exec(db, "INSERT INTO child_fts(child_fts, rank) VALUES ('integrity-check', 1)") == ST_OK,
                  "%s", status_message());
}

/* A child named name born 01/01/2020, inserted through the bulk with the
 * code it asks for (NULL: none); returns its id, its code in code_out. */
static long long bulk_add(struct child_bulk *b, const char *name, const char *code, char code_out[16])
{
    static int n;
    struct child c;
    child_init(&c);
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, name), ST_OK);
    ck_assert_int_eq(child_field_parse(&c, CF_BIRTH_DATE, "01/01/2020"), ST_OK);
    snprintf(c.uid, sizeof c.uid, "00004-BULK%06d", ++n);
    ck_assert_msg(child_bulk_insert(db, b, &c, code, NULL) == ST_OK, "%s", status_message());
    long long id = c.id;
    if (code_out)
        snprintf(code_out, 16, "%s", c.code);
    child_free(&c);
    return id;
}

/* A transaction holding a bulk of n children named name. */
static void bulk_of(int n, const char *name, long long index_now)
{
    struct child_bulk b;
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_msg(child_bulk_begin(db, &b) == ST_OK, "%s", status_message());
    for (int i = 0; i < n; i++)
        bulk_add(&b, name, NULL, NULL);
    ck_assert_msg(child_bulk_end(db, &b, index_now) == ST_OK, "%s", status_message());
    ck_assert_int_eq(db_commit(db), ST_OK);
}

/* One child the ordinary way (indexed by the trigger at once). */
static long long plain_add(const char *name)
{
    struct child c;
    child_init(&c);
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, name), ST_OK);
    static int n;
    snprintf(c.uid, sizeof c.uid, "00004-PLAIN%05d", ++n);
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_msg(child_repo_insert(db, &c) == ST_OK, "%s", status_message());
    ck_assert_int_eq(db_commit(db), ST_OK);
    long long id = c.id;
    child_free(&c);
    return id;
}

static long long code_num_of(long long id)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", id);
    return count_sql("SELECT code_num FROM child WHERE id = CAST(?1 AS INTEGER)", text);
}

/* The codes the list shows for text, space-separated (at most 64 rows). */
static const char *codes_found(const char *text)
{
    static char out[64 * 16];
    struct child_query q;
    child_query_init(&q);
    q.text = text;
    struct child_row rows[64];
    size_t n = 0;
    ck_assert_msg(child_search_page(db, &q, 0, 64, rows, &n) == ST_OK, "%s", status_message());
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "", rows[i].code);
    long long count = -1;
    ck_assert_int_eq(child_search_count(db, &q, &count), ST_OK);
    ck_assert_int_eq(count, (long long)n);
    return out;
}

START_TEST(begin_needs_a_transaction)
{
    struct child_bulk b;
    ck_assert_int_eq(child_bulk_begin(db, &b), ST_INVALID);
    ck_assert(!b.active);
    ck_assert_int_eq(schema_has("child_fts_insert"), 1);
    ck_assert_int_eq(child_bulk_end(db, &b, 0), ST_OK); /* not active: nothing to do */
    ck_assert_int_eq(schema_changes(), 0);
}
END_TEST

START_TEST(end_writes_audit_queue_and_last_code)
{
    enum { N = 30 };
    struct child_bulk b;
    ck_assert_int_eq(db_set_actor(db, "tester"), ST_OK); /* the audit lines' actor */
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_bulk_begin(db, &b), ST_OK);
    ck_assert_int_eq(schema_has("child_fts_insert"), 0); /* indexing suspended */
    for (int i = 0; i < N; i++) {
        char code[16], want[16];
        bulk_add(&b, "Nguyễn Văn An", NULL, code);
        snprintf(want, sizeof want, "TE-%04d", i + 1);
        ck_assert_str_eq(code, want);
    }
    /* nothing is written for them before the end */
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE entity = 'child'", NULL), 0);
    ck_assert_int_eq(waiting(), 0);
    ck_assert_int_eq(child_bulk_end(db, &b, 0), ST_OK);
    ck_assert(!b.active);
    ck_assert_int_eq(db_commit(db), ST_OK);
    /* every new row waits for the index; one create line each */
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child c JOIN child_fts_pending p ON p.id = c.id", NULL), N);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE entity = 'child' AND action = 'create'", NULL), N);
    /* one line per child, naming its uid and holding its code */
    ck_assert_int_eq(count_sql("SELECT count(DISTINCT c.id) FROM child c JOIN audit_log a ON a.entity_id = c.uid "
                               "AND a.entity = 'child' AND a.action = 'create' AND a.who = 'tester' "
                               "AND a.new_value = c.code AND a.field IS NULL", NULL), N);
    /* codes in insertion order, numbers behind them */
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child WHERE code_num <> id - (SELECT min(id) FROM child) + 1 "
                               "OR code <> printf('TE-%04d', code_num)", NULL), 0);
    ck_assert_int_eq(count_sql("SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'child_code_last'", NULL), N);
    ck_assert_int_eq(schema_has("child_fts_insert"), 1);
    ck_assert_int_eq(schema_changes(), 0);
    /* the trigger works again: the next ordinary insert is indexed at once */
    long long id = plain_add("Lò Thị Khuyên");
    ck_assert_int_eq(code_num_of(id), N + 1);
    ck_assert_int_eq(fts_hits("khuyen"), 1);
    ck_assert_int_eq(count_sql("SELECT max(rowid) FROM child_fts WHERE child_fts MATCH 'khuyen'", NULL), id);
    ck_assert_str_eq(codes_found("khuyen"), "TE-0031");
}
END_TEST

START_TEST(asked_codes)
{
    plain_add("Trần Văn Bình"); /* TE-0001 */
    struct child_bulk b;
    char code[16];
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_bulk_begin(db, &b), ST_OK);
    bulk_add(&b, "A", "TE-0500", code);
    ck_assert_str_eq(code, "TE-0500"); /* free: given */
    bulk_add(&b, "B", NULL, code);
    ck_assert_str_eq(code, "TE-0501"); /* the next after it */
    bulk_add(&b, "C", "TE-0001", code);
    ck_assert_str_eq(code, "TE-0502"); /* taken before the bulk: the next number */
    bulk_add(&b, "D", "te-0500", code);
    ck_assert_str_eq(code, "TE-0503"); /* taken in this bulk */
    bulk_add(&b, "E", "TE-0003", code);
    ck_assert_str_eq(code, "TE-0003"); /* a free number below the next */
    bulk_add(&b, "F", NULL, code);
    ck_assert_str_eq(code, "TE-0504");
    ck_assert_int_eq(child_bulk_end(db, &b, 0), ST_OK);
    ck_assert_int_eq(db_commit(db), ST_OK);
    ck_assert_int_eq(count_sql("SELECT code_num FROM child WHERE full_name = 'A'", NULL), 500);
    ck_assert_int_eq(count_sql("SELECT code_num FROM child WHERE full_name = 'C'", NULL), 502);
    ck_assert_int_eq(count_sql("SELECT code_num FROM child WHERE full_name = 'E'", NULL), 3);
    /* the child there before is neither audited again nor queued */
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'create'", NULL), 7);
    ck_assert_int_eq(waiting(), 6);
    ck_assert_int_eq(count_sql("SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'child_code_last'", NULL), 504);
    /* an ordinary insert afterwards continues after the bulk */
    ck_assert_int_eq(code_num_of(plain_add("G")), 505);
}
END_TEST

START_TEST(many_rows_defer_list_indexes)
{
    struct child_bulk b;
    /* rolled back: the dropped indexes and trigger come back with it */
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_bulk_begin(db, &b), ST_OK);
    for (int i = 0; i < 1999; i++)
        bulk_add(&b, "Nguyễn Văn An", NULL, NULL);
    ck_assert_int_eq(list_indexes(), 3); /* BULK_MANY (2000) not reached yet */
    for (int i = 0; i < 101; i++)
        bulk_add(&b, "Nguyễn Văn An", NULL, NULL);
    ck_assert_int_eq(list_indexes(), 0);
    db_rollback(db);
    child_bulk_free(&b); /* after a rollback, as the import does */
    ck_assert_int_eq(schema_changes(), 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child", NULL), 0);

    /* ended: rebuilt from the statements kept, and sound */
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_bulk_begin(db, &b), ST_OK);
    for (int i = 0; i < 2100; i++)
        bulk_add(&b, "Nguyễn Văn An", NULL, NULL);
    ck_assert_int_eq(list_indexes(), 0);
    ck_assert_int_eq(child_bulk_end(db, &b, 0), ST_OK);
    ck_assert_int_eq(db_commit(db), ST_OK);
    ck_assert_int_eq(list_indexes(), 3);
    ck_assert_int_eq(schema_changes(), 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", NULL), 0);
    ck_assert_int_eq(waiting(), 2100);
    ck_assert_int_eq(count_sql("SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'child_code_last'", NULL), 2100);
}
END_TEST

START_TEST(search_finds_waiting_rows)
{
    plain_add("Lò Văn Khuyến"); /* TE-0001, indexed at once */
    struct child_bulk b;
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_bulk_begin(db, &b), ST_OK);
    for (int i = 0; i < 30; i++)
        bulk_add(&b, i % 10 == 4 ? "Lò Thị Khuyên" : "Nguyễn Văn An", NULL, NULL);
    ck_assert_int_eq(child_bulk_end(db, &b, 0), ST_OK);
    ck_assert_int_eq(db_commit(db), ST_OK);
    /* TE-0006, TE-0016, TE-0026 are not in the index, yet found (list
     * order: "khuyen lo thi …" before "khuyen lo van …") */
    ck_assert_int_eq(fts_hits("khuyen"), 1);
    ck_assert_str_eq(codes_found("khuyen"), "TE-0006 TE-0016 TE-0026 TE-0001");
    ck_assert_str_eq(codes_found("thi khuyen"), "TE-0006 TE-0016 TE-0026");

    long long left = -1;
    ck_assert_int_eq(child_fts_catch_up(db, 1000, true, &left), ST_OK);
    ck_assert_int_eq(left, 0);
    ck_assert_int_eq(waiting(), 0);
    ck_assert_int_eq(child_fts_waiting(db, &left), ST_OK);
    ck_assert_int_eq(left, 0);
    ck_assert_int_eq(fts_hits("khuyen"), 4);
    ck_assert_int_eq(fts_hits("nguyen"), 27);
    assert_fts_consistent();
    ck_assert_str_eq(codes_found("khuyen"), "TE-0006 TE-0016 TE-0026 TE-0001");
    ck_assert_str_eq(codes_found("thi khuyen"), "TE-0006 TE-0016 TE-0026");
}
END_TEST

START_TEST(catch_up_in_steps)
{
    bulk_of(30, "Nguyễn Văn An", 0);
    long long first = count_sql("SELECT min(id) FROM child", NULL), left = -1;
    ck_assert_int_eq(child_fts_catch_up(db, 10, true, &left), ST_OK);
    ck_assert_int_eq(left, 20);
    ck_assert_int_eq(waiting(), 20);
    /* the ten oldest went into the index, and only they */
    ck_assert_int_eq(count_sql("SELECT min(id) FROM child_fts_pending", NULL), first + 10);
    ck_assert_int_eq(fts_hits("nguyen"), 10);
    ck_assert_int_eq(count_sql("SELECT max(rowid) FROM child_fts WHERE child_fts MATCH 'nguyen'", NULL), first + 9);
    ck_assert_int_eq(child_fts_catch_up(db, 0, true, &left), ST_OK); /* no step: nothing */
    ck_assert_int_eq(left, 20);
    /* inside the caller's transaction it does not commit on its own */
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_fts_catch_up(db, 5, true, &left), ST_OK);
    ck_assert_int_eq(left, 15);
    db_rollback(db);
    ck_assert_int_eq(waiting(), 20);
    ck_assert_int_eq(fts_hits("nguyen"), 10);
    ck_assert_int_eq(child_fts_catch_up(db, 20, true, &left), ST_OK);
    ck_assert_int_eq(left, 0);
    ck_assert_int_eq(fts_hits("nguyen"), 30);
    assert_fts_consistent();
}
END_TEST

/* Writes name over the saved child id. */
static void rename_child(long long id, const char *name)
{
    struct child old, c;
    ck_assert_int_eq(child_repo_get(db, id, &old), ST_OK);
    ck_assert_int_eq(child_copy(&c, &old), ST_OK);
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, name), ST_OK);
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_msg(child_repo_update(db, &old, &c) == ST_OK, "%s", status_message());
    ck_assert_int_eq(db_commit(db), ST_OK);
    child_free(&c);
    child_free(&old);
}

START_TEST(edits_of_waiting_rows)
{
    long long a = plain_add("Trần Văn Bình"), gone = plain_add("Trần Văn Bảo"); /* indexed */
    bulk_of(5, "Nguyễn Văn An", 0);
    long long first = count_sql("SELECT min(id) FROM child_fts_pending", NULL), left = -1;
    rename_child(first + 1, "Hoàng Thị Mai");
    rename_child(a, "Trần Văn Phúc");
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_msg(child_repo_delete(db, first + 2) == ST_OK, "%s", status_message());
    ck_assert_msg(child_repo_delete(db, gone) == ST_OK, "%s", status_message());
    ck_assert_int_eq(db_commit(db), ST_OK);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child_fts_pending WHERE id NOT IN (SELECT id FROM child)", NULL), 0);
    ck_assert_int_eq(waiting(), 4);
    ck_assert_int_eq(fts_hits("hoang"), 0);   /* still waiting: not indexed by the update */
    ck_assert_int_eq(fts_hits("phuc"), 1);    /* an indexed row: the trigger re-indexes it */
    ck_assert_int_eq(fts_hits("binh"), 0);
    ck_assert_int_eq(fts_hits("bao"), 0);
    ck_assert_str_eq(codes_found("hoang mai"), "TE-0004");
    ck_assert_int_eq(child_fts_catch_up(db, 100, true, &left), ST_OK);
    ck_assert_int_eq(left, 0);
    assert_fts_consistent();
    ck_assert_int_eq(fts_hits("hoang"), 1);
    ck_assert_int_eq(fts_hits("nguyen"), 3);
    ck_assert_str_eq(codes_found("hoang mai"), "TE-0004");
    ck_assert_str_eq(codes_found("nguyen van an"), "TE-0003 TE-0006 TE-0007");
}
END_TEST

START_TEST(end_indexes_few_rows_now)
{
    bulk_of(10, "Nguyễn Văn An", 9); /* 10 wait, more than 9: left waiting */
    ck_assert_int_eq(waiting(), 10);
    ck_assert_int_eq(fts_hits("nguyen"), 0);
    bulk_of(5, "Lò Thị Khuyên", 15); /* 15 wait in all: all indexed */
    ck_assert_int_eq(waiting(), 0);
    ck_assert_int_eq(fts_hits("nguyen"), 10);
    ck_assert_int_eq(fts_hits("khuyen"), 5);
    assert_fts_consistent();
    ck_assert_int_eq(schema_changes(), 0);
}
END_TEST

Suite *suite_child_bulk(void)
{
    return test_suite((struct test_spec){"child_bulk", "bulk", setup, teardown,
                       .tests = TEST_LIST(begin_needs_a_transaction, end_writes_audit_queue_and_last_code,
                                          asked_codes, many_rows_defer_list_indexes, search_finds_waiting_rows,
                                          catch_up_in_steps, edits_of_waiting_rows, end_indexes_few_rows_now)}, NULL);
}
