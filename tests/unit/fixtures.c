/* fixtures — records and steps the unit tests share: a fixed "today", a
 * child, a case and its steps saved through the app layer, a CSV file, and
 * one import checked against its expected first error. Failures end the
 * test (ck_assert). */
#include <config.h>
#include "tests.h"
#include "treem/app/auth.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/app/transfer.h"
#include "treem/app/transfer_kind.h"
#include "treem/db/department_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void test_today_2025(void) { setenv("TREEM_TODAY", "2025-06-30 10:00", 1); }
void test_today_2026(void) { setenv("TREEM_TODAY", "2026-03-16 09:00", 1); }

void test_today_end(void)
{
    unsetenv("TREEM_TODAY");
    auth_sign_out(NULL);
}

long long test_department_id(struct db *db, const char *text)
{
    struct department d;
    ck_assert_msg(department_repo_find(db, text, &d) == ST_OK, "%s: %s", text, status_message());
    long long id = d.id;
    department_clear(&d);
    return id;
}

long long test_add_child(struct db *db, const char *name, struct date birth)
{
    struct child c;
    child_init(&c);
    c.full_name = strdup(name);
    c.birth_date = birth;
    c.sex = CHILD_SEX_FEMALE;
    ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s: %s", name, status_message());
    long long id = c.id;
    child_free(&c);
    return id;
}

struct case_file test_intake(int source, int kind, struct datetime received)
{
    struct case_file c;
    case_file_init(&c);
    c.source = source;
    c.kind = kind;
    c.level = case_default_level(kind);
    c.received = received;
    return c;
}

long long test_save_case(struct db *db, struct case_file *c)
{
    ck_assert_msg(cases_add(db, c) == ST_OK, "%s", status_message());
    long long id = c->id;
    case_file_free(c);
    return id;
}

enum status test_try_step(struct db *db, long long case_id, int kind, struct datetime at, bool emergency,
                          const char *who, const char *notes, long long *id)
{
    struct case_step s;
    case_step_init(&s, kind);
    s.case_id = case_id;
    s.at = at;
    if (kind == CASE_STEP_INITIAL)
        s.emergency = emergency;
    s.who = who ? strdup(who) : NULL;
    s.notes = notes ? strdup(notes) : NULL;
    enum status st = cases_add_step(db, &s, NULL, 0, NULL, 0);
    if (id)
        *id = s.id;
    case_step_free(&s);
    return st;
}

long long test_add_step(struct db *db, long long case_id, int kind, struct datetime at, const char *who,
                        const char *notes)
{
    long long id = 0;
    ck_assert_msg(test_try_step(db, case_id, kind, at, false, who, notes, &id) == ST_OK, "%s", status_message());
    return id;
}

char *test_write_text(const char *suffix, const char *text)
{
    char *path = test_tmp_path(suffix);
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    ck_assert(fputs(text, f) >= 0);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

size_t test_import_rule(struct db *db, const char *kind, const char *text, const char *rule, const char *column,
                        const char *count_sql)
{
    char *path = test_write_text(".csv", text);
    struct transfer_import_opts o = {.no_backup = true};
    struct transfer_result r = {0};
    long long before = test_query_int(db, count_sql);
    enum status rc = transfer_import(db, transfer_kind_find(kind), path, &o, &r);
    long long after = test_query_int(db, count_sql);
    if (!rule) {
        ck_assert_msg(rc == ST_OK, "%s: %s", text, status_message());
        ck_assert_int_eq(after, before + 1);
    } else {
        ck_assert_int_eq(rc, ST_INVALID);
        test_first_error(&r.errs, rule, column);
        ck_assert_int_eq(after, before);
    }
    size_t added = r.counts.added;
    transfer_result_free(&r);
    unlink(path);
    free(path);
    return added;
}
