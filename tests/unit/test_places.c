/* test_places — app/villages, app/holiday_table and app/commune_set on a
 * fresh database: a merge moves every child (codes kept, search follows the
 * new name, audited), a rename refused when the name is taken, a delete
 * refused while children live there; a holiday added or deleted moves the
 * deadlines it touches, a make-up working day counts as a working day; the
 * commune changed freely while the register is empty, only when confirmed
 * with records, with a backup and the codes re-stamped. */
#include <config.h>
#include "tests.h"
#include "treem/app/cases.h"
#include "treem/app/catalog.h"
#include "treem/app/children.h"
#include "treem/app/commune_set.h"
#include "treem/app/history.h"
#include "treem/app/holiday_table.h"
#include "treem/app/session.h"
#include "treem/app/villages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long long add_child(struct db *db, const char *name, const char *village, char *code)
{
    struct child c;
    child_init(&c);
    c.full_name = strdup(name);
    c.birth_date = (struct date){2018, 3, 15};
    c.sex = CHILD_SEX_FEMALE;
    c.village = strdup(village);
    struct children_save_opts force = {true, NULL, 0};
    ck_assert_msg(children_save(db, &c, &force, NULL, NULL) == ST_OK, "%s", status_message());
    long long id = c.id;
    if (code)
        strcpy(code, c.code);
    child_free(&c);
    return id;
}

static long long count_search(struct db *db, const char *text)
{
    struct child_query q;
    child_query_init(&q);
    q.text = text;
    struct child_row rows[8];
    size_t n = 0;
    ck_assert_int_eq(children_page(db, &q, 0, 8, rows, &n), ST_OK);
    return (long long)n;
}

START_TEST(merge_moves_every_child_and_keeps_codes)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Hòa Bình"), ST_OK);
    ck_assert_int_eq(village_add(db, "Xóm Hòa Bình cũ"), ST_OK);
    char a[16], b[16], c[16];
    add_child(db, "Nguyễn Thị An", "Xóm Hòa Bình cũ", a);
    add_child(db, "Trần Văn Bình", "Xóm Hòa Bình cũ", b);
    add_child(db, "Lê Thị Cúc", "Thôn Hòa Bình", c);
    long long moved = 0;
    ck_assert_msg(villages_merge(db, "xóm hòa bình cũ", "Thôn Hòa Bình", &moved) == ST_OK, "%s",
                  status_message());
    ck_assert_int_eq(moved, 2);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM village"), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM child WHERE village_id = "
                                        "(SELECT id FROM village WHERE name = 'Thôn Hòa Bình')"), 3);
    /* the codes stay; searching by the old village finds nobody, by the new one all */
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM child WHERE code IN ('%s', '%s', '%s')", a, b, c);
    ck_assert_int_eq(test_query_int(db, sql), 3);
    ck_assert_int_eq(count_search(db, "xom hoa binh cu"), 0);
    ck_assert_int_eq(count_search(db, "thon hoa binh"), 3);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'child' AND "
                                        "field = 'village' AND old_value = 'Xóm Hòa Bình cũ'"), 2);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'village' "
                                        "AND action = 'delete'"), 1);
    ck_assert_int_eq(villages_merge(db, "Thôn Hòa Bình", "Thôn Hòa Bình", NULL), ST_INVALID);
    test_db_free(db);
}
END_TEST

START_TEST(rename_and_delete_refusals)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "thôn hòa bình"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Hai"), ST_OK);
    add_child(db, "Nguyễn Thị An", "Thôn Hai", NULL);
    /* the same name with capitals and marks put right */
    ck_assert_msg(villages_rename(db, "thôn hòa bình", " Thôn Hòa Bình ") == ST_OK, "%s",
                  status_message());
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM village WHERE name = 'Thôn Hòa Bình'"), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'village' AND "
                                        "old_value = 'thôn hòa bình'"), 1);
    ck_assert_int_eq(villages_rename(db, "Thôn Hai", "thon hoa binh"), ST_EXISTS);
    ck_assert_msg(strstr(status_message(), "merge"), "%s", status_message());
    ck_assert_int_eq(villages_rename(db, "Thôn Hai", ""), ST_INVALID);
    test_message_starts("new name:");
    ck_assert_int_eq(villages_delete(db, "Thôn Hai"), ST_CONFLICT);
    ck_assert_int_eq(villages_delete(db, "Thôn Ba"), ST_NOTFOUND);
    ck_assert_int_eq(villages_rename(db, "Thôn Hai", "Thôn Ba"), ST_OK);
    ck_assert_int_eq(count_search(db, "thon ba"), 1);
    ck_assert_int_eq(villages_delete(db, "Thôn Hòa Bình"), ST_OK);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM village"), 1);
    test_db_free(db);
}
END_TEST

static struct date plan_due(struct db *db, struct date intake)
{
    struct holidays h = {0};
    ck_assert_int_eq(catalog_holidays(db, &h), ST_OK);
    struct date d = case_plan_deadline(intake, &h);
    holidays_free(&h);
    return d;
}

START_TEST(holiday_changes_move_deadlines)
{
    struct db *db = test_db_new(true);
    struct date fri = {2026, 3, 13};
    /* Friday 13/03/2026: 5 working days → Friday 20/03 */
    ck_assert_int_eq(date_cmp(plan_due(db, fri), (struct date){2026, 3, 20}), 0);
    ck_assert_int_eq(holiday_table_add(db, "16/03/2026", "Nghỉ bù", false), ST_OK);
    ck_assert_int_eq(date_cmp(plan_due(db, fri), (struct date){2026, 3, 23}), 0);
    /* a make-up working Saturday brings it back a day */
    ck_assert_int_eq(holiday_table_add(db, "14/03/2026", "Làm bù", true), ST_OK);
    ck_assert_int_eq(date_cmp(plan_due(db, fri), (struct date){2026, 3, 20}), 0);
    ck_assert_int_eq(holiday_table_delete(db, "16/03/2026"), ST_OK);
    ck_assert_int_eq(date_cmp(plan_due(db, fri), (struct date){2026, 3, 19}), 0);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'holiday' "
                                        "AND action = 'delete' AND old_value = 'Nghỉ bù'"), 1);
    /* refusals name the field */
    ck_assert_int_eq(holiday_table_add(db, "17/03/2026", "Làm bù", true), ST_INVALID);
    test_message_starts("date:");
    ck_assert_int_eq(holiday_table_add(db, "31/02/2026", "X", false), ST_INVALID);
    test_message_starts("date:");
    ck_assert_int_eq(holiday_table_add(db, "18/03/2026", " ", false), ST_INVALID);
    test_message_starts("name:");
    ck_assert_int_eq(holiday_table_add(db, "14/03/2026", "Lần hai", false), ST_EXISTS);
    ck_assert_int_eq(holiday_table_delete(db, "16/03/2026"), ST_NOTFOUND);
    char missing[64];
    ck_assert_int_eq(holiday_table_missing_years(db, 2026, 2031, missing, sizeof missing), ST_OK);
    ck_assert_msg(strstr(missing, "2031") && !strstr(missing, "2026"), "%s", missing);
    test_db_free(db);
}
END_TEST

START_TEST(commune_set_restamps_with_a_backup)
{
    char *dir = test_dir_new();
    char *path = test_join(dir, "t.db");
    struct db *db = NULL;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    struct commune_change ch;
    /* empty register: changed at once, nothing to confirm, no backup */
    ck_assert_int_eq(commune_set(db, "00004", false, &ch), ST_OK);
    ck_assert_ptr_null(ch.backup);
    ck_assert_int_eq(commune_set(db, "21934", false, &ch), ST_OK);
    ck_assert_int_eq(test_count_backups(dir), 0);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    add_child(db, "Nguyễn Thị An", "Thôn Một", NULL);
    /* with records: refused until confirmed */
    ck_assert_int_eq(commune_set(db, "00004", false, &ch), ST_CONFLICT);
    ck_assert_int_eq(ch.held.children, 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM child WHERE uid LIKE '21934-%'"), 1);
    ck_assert_int_eq(commune_set(db, "00004", true, &ch), ST_OK);
    ck_assert_ptr_nonnull(ch.backup);
    ck_assert_int_eq(ch.restamped.children, 1);
    commune_change_free(&ch);
    ck_assert_int_eq(test_count_backups(dir), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM child WHERE uid LIKE '00004-%'"), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'setting' "
                                        "AND old_value = '21934' AND new_value = '00004'"), 1);
    ck_assert_int_eq(commune_set(db, "99999", true, &ch), ST_NOTFOUND);
    db_close(db);
    free(path);
    test_dir_free(dir);
}
END_TEST

START_TEST(history_of_records)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Hai"), ST_OK);
    ck_assert_int_eq(villages_rename(db, "Thôn Hai", "Thôn Ba"), ST_OK);
    struct audit_row *rows = NULL;
    size_t n = 0;
    ck_assert_int_eq(history_of(db, HIST_VILLAGE, "thon ba", &rows, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    char line[512];
    history_line(&rows[0], line, sizeof line);
    ck_assert_msg(strstr(line, "changed Village name: Thôn Hai → Thôn Ba"), "%s", line);
    audit_rows_free(rows, n);
    ck_assert_int_eq(holiday_table_add(db, "16/03/2026", "Nghỉ bù", false), ST_OK);
    ck_assert_int_eq(holiday_table_delete(db, "16/03/2026"), ST_OK);
    ck_assert_int_eq(history_of(db, HIST_HOLIDAY, "16/03/2026", &rows, &n), ST_OK);
    ck_assert_uint_eq(n, 2);
    history_line(&rows[1], line, sizeof line);
    ck_assert_msg(strstr(line, "deleted: Nghỉ bù"), "%s", line);
    audit_rows_free(rows, n);
    enum history_kind k;
    ck_assert_int_eq(history_kind_parse("nope", &k), ST_INVALID);
    ck_assert_int_eq(history_of(db, HIST_CASE, "VV-0099", &rows, &n), ST_NOTFOUND);
    ck_assert_int_eq(history_of(db, HIST_TASK, "x", &rows, &n), ST_INVALID);
    test_db_free(db);
}
END_TEST

START_TEST(child_delete_keeps_the_whole_record)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    long long id = add_child(db, "Nguyễn Thị An", "Thôn Một", NULL);
    long long facts = -1, cases = -1;
    ck_assert_int_eq(children_dependents(db, id, &facts, &cases), ST_OK);
    ck_assert_int_eq(facts, 0);
    ck_assert_int_eq(cases, 0);
    ck_assert_int_eq(children_delete(db, id), ST_OK);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'child' AND "
                                        "action = 'delete' AND old_value LIKE '%full_name=Nguyễn "
                                        "Thị An%' AND old_value LIKE '%birth_date=2018-03-15%' AND "
                                        "old_value LIKE '%village=Thôn Một%'"), 1);
    test_db_free(db);
}
END_TEST

Suite *suite_places(void)
{
    return test_suite((struct test_spec){"places", "app",
                       .tests = TEST_LIST(merge_moves_every_child_and_keeps_codes, rename_and_delete_refusals,
                                          holiday_changes_move_deadlines, commune_set_restamps_with_a_backup,
                                          history_of_records, child_delete_keeps_the_whole_record)}, NULL);
}
