/* test_schema_enums — the closed lists of model/ (enums.h, case.h) and the
 * CHECK lists of the schema are one truth: every code the model knows is
 * stored, and a code it does not know is refused by the database. A list
 * that grows on one side only fails here. */
#include <config.h>
#include "tests.h"
#include "treem/model/case.h"
#include "treem/model/enums.h"

#include <stdio.h>

struct column {
    const char *table, *column;
    const struct enum_def *def;
    const char *extra; /* more assignments the row's other CHECKs need, or "" */
};

/* One row in each table, with the fewest columns its constraints allow. */
static const char rows_sql[] =
    "INSERT INTO child (uid, code_num, code, full_name, name_fold, sort_key, search, created_at,"
    " updated_at) VALUES ('00004-TEST', 1, 'TE-0001', 'A', 'a', 'a', 'a', '2026-01-01 08:00',"
    " '2026-01-01 08:00');"
    "INSERT INTO case_file (uid, code_num, code, source, received_at, kind, level, created_at,"
    " updated_at) VALUES ('00004-CASE', 1, 'VV-0001', 'phone', '2026-01-01 08:00', 'violence',"
    " 'support', '2026-01-01 08:00', '2026-01-01 08:00');"
    "INSERT INTO case_step (case_id, kind, at, created_by) VALUES"
    " ((SELECT id FROM case_file), 'detailed', '2026-01-02 08:00', 't');"
    "INSERT INTO case_risk (step_id, factor, rating) VALUES ((SELECT id FROM case_step), 'f', 'low');";

static enum status set_code(struct db *db, const struct column *c, const char *code)
{
    char sql[512];
    snprintf(sql, sizeof sql, "UPDATE %s SET %s = '%s'%s", c->table, c->column, code, c->extra);
    return db_exec(db, sql);
}

/* What the row's other CHECKs need beside code: a case of kind injury has
 * a cause, and only it. */
static const char *extra_for(const struct column *c, size_t i)
{
    if (c->def == &enum_case_kind)
        return i == CASE_KIND_INJURY ? ", injury_cause = 'other'" : ", injury_cause = ''";
    if (c->def == &enum_case_injury)
        return i == CASE_INJ_NONE ? ", kind = 'violence'" : ", kind = 'injury'";
    return c->extra;
}

static void check_column(struct db *db, const struct column *c)
{
    for (size_t i = 0; i < c->def->n; i++) {
        struct column with = *c;
        with.extra = extra_for(c, i);
        const char *code = c->def->items[i].code;
        ck_assert_msg(set_code(db, &with, code) == ST_OK, "%s.%s refuses the model's code '%s': %s",
                      c->table, c->column, code, status_message());
    }
    ck_assert_msg(set_code(db, c, "not_a_code") != ST_OK, "%s.%s takes a code the model does not know",
                  c->table, c->column);
}

START_TEST(every_model_code_is_stored_and_no_other)
{
    static const struct column columns[] = {
        {"child", "sex", &enum_child_sex, ""},
        {"child", "birth_reg_timing", &enum_birth_reg_timing, ""},
        {"child", "household", &enum_household, ""},
        {"child", "school", &enum_school, ""},
        {"case_file", "sex", &enum_child_sex, ""},
        {"case_file", "source", &enum_case_source, ""},
        {"case_file", "kind", &enum_case_kind, ""},
        {"case_file", "injury_cause", &enum_case_injury, ""},
        {"case_file", "level", &enum_case_level, ""},
        {"case_file", "stage", &enum_case_stage, ""},
        {"case_step", "kind", &enum_case_step, ""},
        {"case_risk", "rating", &enum_case_rating, ""},
    };
    struct db *db = test_db_new(true);
    ck_assert_msg(db_exec(db, rows_sql) == ST_OK, "%s", status_message());
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        check_column(db, &columns[i]);
    test_db_free(db);
}
END_TEST

Suite *suite_schema_enums(void)
{
    return test_suite((struct test_spec){"schema_enums", "core",
                       .tests = TEST_LIST(every_model_code_is_stored_and_no_other)}, NULL);
}
