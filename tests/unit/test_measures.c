/* test_measures — the register's measures computed from a small hand-made
 * register (the right answers are worked out here, not read back from the
 * code), and the one vocabulary of measures (model/measure.h) that plan
 * targets and score indicators share: tests that fail when the table, the
 * shipped rubric, migration 010 and the two computations would drift. */
#include <config.h>
#include "tests.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/measures.h"
#include "treem/app/demo.h"
#include "treem/app/rubric_edit.h"
#include "treem/app/score.h"
#include "treem/app/session.h"
#include "treem/core/embed.h"
#include "treem/db/migrate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db *db;

static void setup(void)
{
    setenv("TREEM_TODAY", "2026-03-16", 1);
    db = test_db_new(true);
    ck_assert(village_add(db, "Thôn Đông") == ST_OK);
}

static void teardown(void)
{
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

static void add(const char *name, const char *dob, const char *registered, const char *timing,
                const char *vaccinated_on)
{
    struct child c;
    child_init(&c);
    const struct { const char *key, *value; } kv[] = {
        {"full_name", name}, {"birth_date", dob}, {"sex", "nam"}, {"village", "Thôn Đông"},
        {"birth_registered", registered}, {"birth_reg_timing", timing},
        {"vaccinated_on", vaccinated_on},
    };
    for (size_t i = 0; i < sizeof kv / sizeof *kv; i++)
        ck_assert_msg(child_field_parse(&c, child_field_find(kv[i].key), kv[i].value) == ST_OK,
                      "%s: %s", kv[i].key, status_message());
    struct children_save_opts force = {true, NULL, 0};
    ck_assert_msg(children_save(db, &c, &force, NULL, NULL) == ST_OK, "%s", status_message());
    child_free(&c);
}

/* Measure `which` for 2025, the register as it stands on 31/12/2025. */
static enum status measure_2025(enum measure which, struct plan_measured *m)
{
    return measures_register(db, which, 2025, (struct date){2025, 12, 31}, m);
}

/* Measure `which` for 2025 is numerator / denominator, that is value. */
static void assert_rate(enum measure which, long numerator, long denominator, double value)
{
    struct plan_measured m;
    ck_assert_int_eq(measure_2025(which, &m), ST_OK);
    ck_assert_int_eq(m.numerator, numerator);
    ck_assert_int_eq(m.denominator, denominator);
    ck_assert_double_eq_tol(m.value, value, 1e-9);
}

START_TEST(empty_register_is_not_zero_percent)
{
    struct plan_measured m;
    ck_assert_int_eq(measure_2025(MEASURE_BIRTH_REG_ON_TIME, &m), ST_NOTFOUND);
}
END_TEST

START_TEST(birth_registration_rate)
{
    /* born in 2025: three, two registered on time, one late; one born in 2024 */
    add("Lê Văn An", "10/01/2025", "có", "on_time", "");
    add("Lê Văn Bình", "20/05/2025", "có", "on_time", "");
    add("Lê Văn Cường", "02/07/2025", "có", "late", "");
    add("Lê Văn Dũng", "02/07/2024", "có", "on_time", "");
    assert_rate(MEASURE_BIRTH_REG_ON_TIME, 2, 3, 200.0 / 3.0);
}
END_TEST

START_TEST(vaccination_rate)
{
    /* first birthday in 2025 = born in 2024: one vaccinated before it, one not */
    add("Trần Thị Em", "01/02/2024", "có", "on_time", "15/12/2024");
    add("Trần Thị Gấm", "01/03/2024", "có", "on_time", "");
    assert_rate(MEASURE_VACCINATED_U1, 1, 2, 50.0);
}
END_TEST

START_TEST(uncomputable_measures_say_so)
{
    add("Lê Văn An", "10/01/2025", "có", "on_time", "");
    struct plan_measured m;
    ck_assert_int_eq(measure_2025(MEASURE_SC_HELPED, &m), ST_NOTFOUND);
    ck_assert_int_eq(measure_2025(MEASURE_REGISTER_UPDATED, &m), ST_NOTFOUND);
}
END_TEST

/* ------------------------------------------------------- vocabulary --- */

/* Calls fn for each space-separated word of list. */
static void each_word(const char *list, void (*fn)(const char *word, enum measure m), enum measure m)
{
    char buf[256];
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, " ");
        ck_assert_uint_lt(len, sizeof buf);
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (len)
            fn(buf, m);
        p += len;
        p += strspn(p, " ");
    }
}

static void alias_resolves(const char *alias, enum measure m)
{
    ck_assert_msg(measure_from_code(alias) == m, "alias %s", alias);
    ck_assert_str_eq(measure_canonical(alias), measure_info(m)->code);
    for (int o = MEASURE_NONE + 1; o < MEASURE__COUNT; o++)
        ck_assert_msg(strcmp(measure_info((enum measure)o)->code, alias) != 0,
                      "alias %s is also a code", alias);
}

/* One row per measure: codes unique, every code and alias resolves to its
 * own row, units and labels set. */
START_TEST(one_table)
{
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++) {
        const struct measure_info *info = measure_info((enum measure)m);
        ck_assert_ptr_nonnull(info);
        ck_assert_int_eq(info->id, m);
        ck_assert_int_eq(measure_from_code(info->code), m);
        ck_assert_str_eq(measure_canonical(info->code), info->code);
        ck_assert_int_lt(info->unit, MEASURE_UNIT__COUNT);
        ck_assert(*info->label);
        for (int o = m + 1; o < MEASURE__COUNT; o++)
            ck_assert_str_ne(info->code, measure_info((enum measure)o)->code);
        each_word(info->aliases, alias_resolves, (enum measure)m);
    }
    ck_assert_ptr_null(measure_info(MEASURE_NONE));
    ck_assert_ptr_null(measure_info(MEASURE__COUNT));
    ck_assert_int_eq(measure_from_code(NULL), MEASURE_NONE);
    ck_assert_int_eq(measure_from_code(""), MEASURE_NONE);
    ck_assert_int_eq(measure_from_code("no_such_measure"), MEASURE_NONE);
    ck_assert_str_eq(measure_canonical("no_such_measure"), "no_such_measure");
    ck_assert_ptr_null(measure_canonical(NULL));
    /* the score sheet's old code and the plans' code are one measure */
    ck_assert_int_eq(measure_from_code("birth_registered_on_time"),
                     measure_from_code("birth_reg_on_time_rate"));
    /* one day for plans and the score sheet: today, or 31/12 of a past year */
    struct date today = {2026, 3, 16};
    ck_assert_int_eq(date_cmp(measure_day(2026, today), today), 0);
    ck_assert_int_eq(date_cmp(measure_day(2025, today), (struct date){2025, 12, 31}), 0);
}
END_TEST

static void alias_not_shipped(const char *alias, enum measure m)
{
    (void)m;
    const struct embedded_file *f = embed_find("assets/rubric_qd06_2019.csv");
    ck_assert_ptr_nonnull(f);
    char cell[300];
    snprintf(cell, sizeof cell, ",%s,", alias);
    ck_assert_msg(!strstr(f->data, cell), "the shipped rubric still says %s", alias);
}

/* The unit an indicator's value is in, as a measure unit. */
static enum measure_unit indicator_unit(const struct rubric_indicator *ind)
{
    if (ind->kind == RUBRIC_COUNT)
        return MEASURE_UNIT_COUNT;
    return ind->unit && strcmp(ind->unit, "‰") == 0 ? MEASURE_UNIT_PER_THOUSAND
                                                     : MEASURE_UNIT_PERCENT;
}

/* Every measure of the shipped rubric is a current code of the table, in
 * the unit and under the criterion the table gives it. */
START_TEST(shipped_rubric_speaks_the_table)
{
    struct rubric r;
    ck_assert_int_eq(rubric_edit_load_active(db, &r), ST_OK);
    size_t linked = 0;
    for (size_t i = 0; i < r.nind; i++) {
        const struct rubric_indicator *ind = &r.ind[i];
        if (!ind->measure)
            continue;
        const struct measure_info *info = measure_info(measure_from_code(ind->measure));
        ck_assert_msg(info, "%s: %s", ind->code, ind->measure);
        ck_assert_str_eq(ind->measure, info->code);
        ck_assert_msg(info->unit == indicator_unit(ind), "%s: %s", ind->code, info->code);
        if (*info->criterion)
            ck_assert_int_eq(strtol(info->criterion, NULL, 10), ind->criterion);
        linked++;
    }
    ck_assert_uint_ge(linked, 12);
    rubric_free(&r);
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++)
        each_word(measure_info((enum measure)m)->aliases, alias_not_shipped, (enum measure)m);
}
END_TEST

/* Migration 010 rewrites every alias stored in a database of version 9
 * (indicators and plan targets) to the current code. */
static char *old_db;

static void store_alias(const char *alias, enum measure m)
{
    (void)m;
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO indicator(criterion_id, code, text, kind, measure) "
             "VALUES (1, '%s', 'x', 'rate', '%s');"
             "INSERT INTO plan_target(plan_id, text, value, unit, direction, measure) "
             "VALUES (1, '%s', 90, 'percent', 'at_least', '%s');",
             alias, alias, alias, alias);
    test_raw_exec(old_db, sql);
}

static void alias_rewritten(const char *alias, enum measure m)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT measure FROM indicator WHERE code = '%s'", alias);
    ck_assert_str_eq(test_raw_text(old_db, sql), measure_info(m)->code);
    snprintf(sql, sizeof sql, "SELECT measure FROM plan_target WHERE text = '%s'", alias);
    ck_assert_str_eq(test_raw_text(old_db, sql), measure_info(m)->code);
}

START_TEST(migration_rewrites_aliases)
{
    char *dir = test_dir_new();
    old_db = test_join(dir, "old.db");
    struct db *d;
    int from = 0, to = 0;
    ck_assert_int_eq(db_open(old_db, &d), ST_OK);
    ck_assert_int_eq(migrate_apply_to(d, 9, false, &from, &to), ST_OK);
    db_close(d);
    test_raw_exec(old_db, "INSERT INTO rule_set(id, name) VALUES (1, 'r');"
                          "INSERT INTO criterion(id, rule_set_id, number, name) VALUES (1, 1, 1, 'c');"
                          "INSERT INTO plan(id, year, title, title_fold) VALUES (1, 2025, 'p', 'p');");
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++)
        each_word(measure_info((enum measure)m)->aliases, store_alias, (enum measure)m);
    ck_assert_int_eq(db_open(old_db, &d), ST_OK);
    ck_assert_msg(migrate_apply(d, false, &from, &to) == ST_OK, "%s", status_message());
    db_close(d);
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++)
        each_word(measure_info((enum measure)m)->aliases, alias_rewritten, (enum measure)m);
    free(old_db);
    test_dir_free(dir);
}
END_TEST

/* On the demo database a plan target and a score indicator linked to the
 * same code show the same figure (or are both not computable), and every
 * code the demo stores is a current code of the table. */
START_TEST(plan_and_score_agree_on_demo)
{
    unsetenv("TREEM_TODAY");
    char *path = test_tmp_path(".db");
    ck_assert_msg(demo_build(path, false) == ST_OK, "%s", status_message());
    score_set_measure_provider(NULL);
    struct db *d;
    ck_assert_msg(session_open(path, false, &d) == ST_OK, "%s", status_message());
    struct date today = date_today();
    int computed = 0, from_cases = 0;
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++) {
        const char *code = measure_info((enum measure)m)->code;
        struct plan_measured p = {0, 0, 0};
        struct score_measured s = {0};
        enum status a = measures_plan(d, (enum measure)m, today.y, today, &p);
        enum status b = score_compute(d, (enum measure)m, today.y, &s);
        ck_assert_msg(a == ST_OK || a == ST_NOTFOUND, "%s: %s", code, status_message());
        ck_assert_msg((a == ST_OK) == (b == ST_OK), "%s: plan %d, score %d", code, a, b);
        if (a == ST_OK) {
            ck_assert_msg(fabs(p.value - s.value) < 1e-9, "%s: plan %g, score %g", code, p.value,
                          s.value);
            computed++;
            from_cases += measure_info((enum measure)m)->from == MEASURE_FROM_CASES;
        }
    }
    ck_assert_int_ge(computed, 10); /* 14 of 15 in 12/2026: all but register updates */
    ck_assert_int_ge(from_cases, 1);
    char sql[2048] = "SELECT count(*) FROM (SELECT measure FROM plan_target UNION ALL "
                     "SELECT measure FROM indicator) WHERE measure IS NOT NULL AND measure NOT IN (''";
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++) {
        size_t len = strlen(sql);
        snprintf(sql + len, sizeof sql - len, ", '%s'", measure_info((enum measure)m)->code);
    }
    strncat(sql, ")", sizeof sql - strlen(sql) - 1);
    ck_assert_int_eq(test_query_int(d, sql), 0);
    ck_assert_int_gt(test_query_int(d, "SELECT count(*) FROM plan_target WHERE measure IS NOT NULL"), 0);
    db_close(d);
    remove(path);
    free(path);
}
END_TEST

Suite *suite_measures(void)
{
    Suite *s = test_suite((struct test_spec){"measures", "plan", setup, teardown,
                           .tests = TEST_LIST(empty_register_is_not_zero_percent, birth_registration_rate,
                                              vaccination_rate, uncomputable_measures_say_so)}, NULL);
    test_tcase(s, (struct test_spec){.tcase = "vocabulary", setup, teardown, .timeout = 120,
                   .tests = TEST_LIST(one_table, shipped_rubric_speaks_the_table, migration_rewrites_aliases,
                                      plan_and_score_agree_on_demo)});
    return s;
}
