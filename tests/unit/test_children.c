/* test_children — the app-level use cases: save with tidying, validation,
 * duplicate check and audit; edits, deletes, facts, indicator counts and
 * the demo register. */
#include <config.h>
#include "tests.h"
#include "treem/app/children.h"
#include "treem/app/child_stats.h"
#include "treem/app/commune.h"
#include "treem/app/demo.h"
#include "treem/app/who_tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct db *db;

static void setup(void)
{
    setenv("TREEM_TODAY", "2025-06-30", 1);
    db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Đông"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Tây"), ST_OK);
    ck_assert_int_eq(db_setting_set(db, "officer_name", "Cán bộ Thử"), ST_OK);
}

static void teardown(void)
{
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

static long long count_sql(const char *sql, const char *param)
{
    long long n = -1;
    ck_assert_int_eq(db_query_int(db, sql, param, &n), ST_OK);
    return n;
}

/* A new record from "key=value" pairs (NULL-terminated). */
static void make(struct child *c, const char *const kv[])
{
    child_init(c);
    for (int i = 0; kv[i]; i++) {
        char key[40];
        const char *eq = strchr(kv[i], '=');
        snprintf(key, sizeof key, "%.*s", (int)(eq - kv[i]), kv[i]);
        ck_assert_msg(child_field_parse(c, child_field_find(key), eq + 1) == ST_OK, "%s", status_message());
    }
}

/* make(), then saved. */
static void make_saved(struct child *c, const char *const kv[])
{
    make(c, kv);
    ck_assert_msg(children_save(db, c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
}

static const char *const DAO[] = {"full_name=Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o",
                                  "birth_date=15/03/2018", "sex=nữ", "village=thon dong",
                                  "mother_name=Trần Thị Hoa", NULL};

START_TEST(save_new_record)
{
    struct child c;
    make(&c, DAO);
    enum child_field bad = CF_SEX;
    ck_assert_msg(children_save(db, &c, NULL, NULL, &bad) == ST_OK, "%s", status_message());
    ck_assert_int_eq(bad, CF_NONE);
    ck_assert_str_eq(c.code, "TE-0001");
    ck_assert_str_eq(c.full_name, "Nguyễn Thị Đào");       /* NFC */
    ck_assert_str_eq(c.village, "Thôn Đông");              /* resolved */
    ck_assert_uint_eq(strlen(c.uid), 16);
    ck_assert(strncmp(c.uid, "00004-", 6) == 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'create' AND who = ?1",
                               "Cán bộ Thử"), 1);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child WHERE full_name = ?1", "Nguyễn Thị Đào"), 1);
    child_free(&c);
}
END_TEST

static const struct { const char *kv; enum child_field bad; const char *msg; } refused[] = {
    {"full_name=", CF_FULL_NAME, "full name: must not be empty"},
    {"birth_date=31/12/2025", CF_BIRTH_DATE, "date of birth: 31/12/2025 is in the future"},
    {"birth_date=01/06/2008", CF_BIRTH_DATE, "date of birth: this person is 17 years old"},
    {"personal_id=12345", CF_PERSONAL_ID, "personal ID number: must have exactly 12 digits (has 5)"},
    {"village=Thôn Bắc", CF_VILLAGE, "village: no village called 'Thôn Bắc' (villages: Thôn Đông, Thôn Tây)"},
    {"village=thon", CF_VILLAGE, "village: 'thon' fits more than one village"},
    {"carer_phone=123", CF_CARER_PHONE, "carer's phone: '123' is not a phone number"},
};

START_TEST(bad_input_saves_nothing)
{
    struct child c;
    make(&c, DAO);
    char key[40];
    const char *eq = strchr(refused[_i].kv, '=');
    snprintf(key, sizeof key, "%.*s", (int)(eq - refused[_i].kv), refused[_i].kv);
    ck_assert_int_eq(child_field_parse(&c, child_field_find(key), eq + 1), ST_OK);
    enum child_field bad = CF_NONE;
    ck_assert_int_eq(children_save(db, &c, NULL, NULL, &bad), ST_INVALID);
    ck_assert_int_eq(bad, refused[_i].bad);
    ck_assert_msg(strstr(status_message(), refused[_i].msg), "got '%s'", status_message());
    ck_assert_int_eq(c.id, 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child", NULL), 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log", NULL), 0);
    child_free(&c);
}
END_TEST

START_TEST(duplicate_is_reported_then_forced)
{
    struct child a, b;
    make(&a, DAO);
    ck_assert_int_eq(children_save(db, &a, NULL, NULL, NULL), ST_OK);
    const char *const again[] = {"full_name=nguyen thi dao", "birth_date=15/03/2018", "village=Thôn Đông", NULL};
    make(&b, again);
    struct child_matches dups;
    ck_assert_int_eq(children_save(db, &b, NULL, &dups, NULL), ST_EXISTS);
    ck_assert_uint_eq(dups.n, 1);
    ck_assert_str_eq(dups.items[0].child.code, "TE-0001");
    ck_assert(dups.items[0].dup.reasons & DUP_SAME_NAME);
    ck_assert(dups.items[0].dup.reasons & DUP_SAME_BIRTH);
    child_matches_free(&dups);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child", NULL), 1);
    struct children_save_opts force = {true, NULL, 0};
    ck_assert_int_eq(children_save(db, &b, &force, &dups, NULL), ST_OK);
    ck_assert_uint_eq(dups.n, 0);
    ck_assert_str_eq(b.code, "TE-0002");
    /* an estimated age close to the birth date and the same mother also counts */
    struct child e;
    const char *const est[] = {"full_name=Nguyễn Thị Đào", "est_age=8", "village=Thôn Đông",
                               "carer_name=Trần Thị Hoa", NULL};
    make(&e, est);
    ck_assert_int_eq(children_save(db, &e, NULL, &dups, NULL), ST_EXISTS);
    ck_assert_uint_eq(dups.n, 2);
    ck_assert(dups.items[0].dup.score >= dups.items[1].dup.score);
    child_matches_free(&dups);
    child_free(&a);
    child_free(&b);
    child_free(&e);
}
END_TEST

START_TEST(edit_audits_and_refuses_stale_copy)
{
    struct child c, stale, again;
    make_saved(&c, DAO);
    ck_assert_int_eq(children_find(db, "te-1", &stale), ST_OK);
    child_field_parse(&c, CF_CARER_PHONE, "0912 345 678");
    ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'change' AND field = ?1",
                               "carer_phone"), 1);
    ck_assert_int_eq(children_get(db, c.id, &again), ST_OK);
    ck_assert_str_eq(again.carer_phone, "0912 345 678");
    ck_assert_int_eq(again.rev, 2);
    child_field_parse(&stale, CF_NOTES, "từ bản cũ");
    ck_assert_int_eq(children_save(db, &stale, NULL, NULL, NULL), ST_CONFLICT);
    child_free(&again);
    ck_assert_int_eq(children_get(db, c.id, &again), ST_OK);
    ck_assert_str_eq(again.notes, "");
    child_free(&again);
    child_free(&stale);
    child_free(&c);
}
END_TEST

START_TEST(record_past_16_stays_editable)
{
    setenv("TREEM_TODAY", "2020-01-01", 1);
    struct child c;
    const char *const kv[] = {"full_name=Lê Văn Nam", "birth_date=01/06/2005", NULL};
    make(&c, kv);
    ck_assert_int_eq(children_save(db, &c, NULL, NULL, NULL), ST_OK);
    setenv("TREEM_TODAY", "2025-06-30", 1);
    child_field_parse(&c, CF_NOTES, "đã quá 16 tuổi, vẫn giữ hồ sơ");
    ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
    struct child_query q;
    child_query_init(&q);
    long long n = -1;
    ck_assert_int_eq(children_count(db, &q, &n), ST_OK);
    ck_assert_int_eq(n, 0);
    q.scope = CHILD_SCOPE_OVER16;
    ck_assert_int_eq(children_count(db, &q, &n), ST_OK);
    ck_assert_int_eq(n, 1);
    child_free(&c);
}
END_TEST

START_TEST(periods_saved_with_record)
{
    struct child c;
    make(&c, DAO);
    struct child_period p[2];
    memset(p, 0, sizeof p);
    strcpy(p[0].code, "A.1");  /* typed in capitals */
    p[0].from = (struct date){2024, 5, 1};
    strcpy(p[1].code, "q.7");
    p[1].from = (struct date){2024, 5, 1};
    struct children_save_opts o = {false, p, 2};
    ck_assert_int_eq(children_save(db, &c, &o, NULL, NULL), ST_INVALID);  /* q.7 is no sub-group */
    ck_assert_int_eq(c.id, 0);
    ck_assert_str_eq(c.code, "");
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child", NULL), 0);
    o.nperiods = 1;
    ck_assert_msg(children_save(db, &c, &o, NULL, NULL) == ST_OK, "%s", status_message());
    struct child_period *got;
    size_t n;
    ck_assert_int_eq(children_periods(db, c.id, &got, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(got[0].code, "a.1");
    ck_assert_int_eq(children_end_period(db, c.id, got[0].id, (struct date){2024, 4, 1}), ST_INVALID);
    ck_assert_int_eq(children_end_period(db, c.id, got[0].id, (struct date){2025, 1, 1}), ST_OK);
    ck_assert_int_eq(children_delete_period(db, c.id + 1, got[0].id), ST_NOTFOUND);
    ck_assert_int_eq(children_delete_period(db, c.id, got[0].id), ST_OK);
    free(got);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE field = ?1", "group"), 3);
    struct child_subgroup *sg;
    ck_assert_int_eq(children_subgroups(db, &sg, &n), ST_OK);
    ck_assert_uint_eq(n, 48);
    ck_assert_str_eq(sg[0].code, "a.1");
    ck_assert_str_eq(sg[21].code, "đ.0");  /* a.1–4, b.1–2, c.1–12, d.1–3, then đ */
    ck_assert_str_eq(sg[47].code, "o.3");
    free(sg);
    child_free(&c);
}
END_TEST

START_TEST(measures_and_checks)
{
    struct child c;
    make_saved(&c, DAO);
    struct child_measure m = {0, c.id, {2025, 6, 1}, 200, 0};
    ck_assert_int_eq(children_add_measure(db, &m), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "weight:"));
    m = (struct child_measure){0, c.id, {2025, 7, 1}, 20, 110};
    ck_assert_int_eq(children_add_measure(db, &m), ST_INVALID);  /* future */
    m = (struct child_measure){0, c.id, {2017, 7, 1}, 20, 110};
    ck_assert_int_eq(children_add_measure(db, &m), ST_INVALID);  /* before birth */
    m = (struct child_measure){0, c.id, {2025, 6, 1}, 20.5, 0};
    ck_assert_int_eq(children_add_measure(db, &m), ST_OK);
    ck_assert_int_eq(children_add_check(db, c.id, (struct date){2025, 3, 2}), ST_OK);
    ck_assert_int_eq(children_add_check(db, c.id, (struct date){2025, 3, 2}), ST_EXISTS);
    ck_assert_int_eq(children_delete_measure(db, c.id, m.id), ST_OK);
    ck_assert_int_eq(children_delete_check(db, c.id, (struct date){2025, 3, 2}), ST_OK);
    ck_assert_int_eq(children_delete_check(db, c.id, (struct date){2025, 3, 2}), ST_NOTFOUND);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'change' AND field IN "
                               "('measure', 'health_check') AND who = ?1", "Cán bộ Thử"), 4);
    child_free(&c);
}
END_TEST

START_TEST(delete_removes_with_audit)
{
    struct child c;
    make_saved(&c, DAO);
    ck_assert_int_eq(children_delete(db, c.id), ST_OK);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child", NULL), 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity_id = ?1", c.uid), 1);
    child_free(&c);
    make_saved(&c, DAO); /* the deleted child's code is not handed out again */
    ck_assert_str_eq(c.code, "TE-0002");
    child_free(&c);
}
END_TEST

/* Saves a record (duplicates allowed) and returns its id. */
static long long save_kv(const char *const kv[])
{
    struct child c;
    make(&c, kv);
    struct children_save_opts force = {true, NULL, 0};
    ck_assert_msg(children_save(db, &c, &force, NULL, NULL) == ST_OK, "%s", status_message());
    long long id = c.id;
    child_free(&c);
    return id;
}

static void add_measure(long long id, struct date d, double kg, double cm)
{
    struct child_measure m = {0, id, d, kg, cm};
    ck_assert_msg(children_add_measure(db, &m) == ST_OK, "%s", status_message());
}

static void add_period(long long id, const char *code, struct date from, struct date to)
{
    struct child_period p;
    memset(&p, 0, sizeof p);
    p.child_id = id;
    snprintf(p.code, sizeof p.code, "%s", code);
    p.from = from;
    p.to = to;
    ck_assert_msg(children_add_period(db, &p) == ST_OK, "%s", status_message());
}

START_TEST(indicator_counts)
{
    const char *const k1[] = {"full_name=Một", "birth_date=10/02/2024", "sex=nu", "birth_reg_date=01/03/2024",
                              "vaccinated_on=01/12/2024", NULL};
    const char *const k2[] = {"full_name=Hai", "birth_date=05/05/2024", "sex=nam", "birth_reg_date=01/10/2024",
                              "vaccinated_on=10/05/2025", NULL};
    const char *const k3[] = {"full_name=Ba", "birth_date=20/12/2024", NULL};
    const char *const k4[] = {"full_name=Bốn", "birth_date=30/06/2024", "sex=nam", NULL};
    const char *const k5[] = {"full_name=Năm", "birth_date=01/01/2015", "sex=nam", NULL};
    const char *const k6[] = {"full_name=Sáu", "birth_date=01/01/2020", "school=mầm non", NULL};
    const char *const k7[] = {"full_name=Bảy", "birth_date=01/06/2020", "school=not_yet", NULL};
    long long c1 = save_kv(k1);
    save_kv(k2);
    save_kv(k3);
    long long c4 = save_kv(k4), c5 = save_kv(k5), c6 = save_kv(k6);
    save_kv(k7);
    add_measure(c1, (struct date){2025, 1, 1}, 5.0, 0);   /* older, would be underweight */
    add_measure(c1, (struct date){2025, 6, 1}, 9.0, 70);  /* latest: girl 15 months, stunted */
    add_measure(c4, (struct date){2025, 6, 30}, 7.6, 76); /* boy 12 months, underweight */
    ck_assert_int_eq(children_add_check(db, c5, (struct date){2025, 3, 1}), ST_OK);
    ck_assert_int_eq(children_add_check(db, c1, (struct date){2024, 12, 1}), ST_OK);
    add_period(c5, "a.1", (struct date){2025, 1, 1}, (struct date){0, 0, 0});
    add_period(c6, "b.1", (struct date){2024, 1, 1}, (struct date){2024, 12, 31});
    struct child_ratio r;
    /* Một, Hai, Ba, Bốn born in 2024; Ba (20/12, not registered) is still
     * inside her 60 days on 31/12/2024: neither on time nor late */
    ck_assert_int_eq(child_stats_birth_reg(db, 2024, (struct date){2024, 12, 31}, &r), ST_OK);
    ck_assert_int_eq(r.num, 1);
    ck_assert_int_eq(r.den, 3);
    ck_assert_int_eq(child_stats_vaccinated_under1(db, 2025, &r), ST_OK);
    ck_assert_int_eq(r.num, 1);
    ck_assert_int_eq(r.den, 4);
    ck_assert_int_eq(child_stats_health_check(db, 2025, &r), ST_OK);
    ck_assert_int_eq(r.num, 1);
    ck_assert_int_eq(r.den, 7);
    struct date today = {2025, 6, 30};
    ck_assert_int_eq(child_stats_preschool(db, today, &r), ST_OK);
    ck_assert_int_eq(r.num, 1);
    ck_assert_int_eq(r.den, 2);
    ck_assert_int_eq(child_stats_special(db, today, &r), ST_OK);
    ck_assert_int_eq(r.num, 1);
    ck_assert_int_eq(r.den, 7);
    ck_assert_int_eq(child_stats_special(db, (struct date){2024, 6, 1}, &r), ST_OK);
    ck_assert_int_eq(r.num, 1); /* Sáu, in b.1 then */
    struct child_nutrition nu;
    ck_assert_int_eq(child_stats_malnutrition(db, who_tables_shared(), today, &nu), ST_OK);
    ck_assert_int_eq(nu.under5, 4);  /* Một, Hai, Ba, Bốn; Sáu and Bảy are 5 already */
    ck_assert_int_eq(nu.weighed, 2);
    ck_assert_int_eq(nu.underweight, 1);
    ck_assert_int_eq(nu.measured, 2);
    ck_assert_int_eq(nu.stunted, 1);
}
END_TEST

START_TEST(demo_register)
{
    char *a = test_tmp_path(".db"), *b = test_tmp_path(".db");
    ck_assert_msg(demo_build(a, false) == ST_OK, "%s", status_message());
    ck_assert_msg(demo_build(b, false) == ST_OK, "%s", status_message());
    struct db *da, *dbb;
    ck_assert_int_eq(db_open_existing(a, &da), ST_OK);
    ck_assert_int_eq(db_open_existing(b, &dbb), ST_OK);
    static const char *const checks[] = {
        "SELECT count(*) FROM child",
        "SELECT count(*) FROM child WHERE birth_eff <= '2009-06-30'",      /* past 16 */
        "SELECT count(DISTINCT child_id) FROM child_sc_period",
        "SELECT count(*) FROM child_measure",
        "SELECT count(DISTINCT village_id) FROM child",
        "SELECT count(*) FROM child WHERE ethnicity <> 'Kinh'",
        "SELECT count(*) FROM child WHERE birth_date IS NULL",
        "SELECT count(*) FROM child WHERE full_name = 'Nguyễn Thị Đào'",
    };
    static const long long low[] = {400, 10, 10, 50, 6, 10, 5, 1};
    static const long long high[] = {400, 80, 60, 400, 6, 100, 60, 3};
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
        long long x = -1, y = -2;
        ck_assert_int_eq(db_query_int(da, checks[i], NULL, &x), ST_OK);
        ck_assert_int_eq(db_query_int(dbb, checks[i], NULL, &y), ST_OK);
        ck_assert_msg(x == y, "not deterministic: %s gives %lld and %lld", checks[i], x, y);
        ck_assert_msg(x >= low[i] && x <= high[i], "%s = %lld", checks[i], x);
    }
    long long same = 0;
    char sql[8300];
    snprintf(sql, sizeof sql, "ATTACH DATABASE '%s' AS other", b);
    ck_assert_int_eq(sqlite3_exec(da->sql, sql, NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(db_query_int(da, "SELECT count(*) FROM child c JOIN other.child o ON o.uid = c.uid "
                                      "AND o.full_name = c.full_name AND o.birth_eff IS c.birth_eff", NULL, &same), ST_OK);
    ck_assert_int_eq(same, 400);
    struct child_nutrition nu;
    ck_assert_int_eq(child_stats_malnutrition(da, who_tables_shared(), (struct date){2025, 6, 30}, &nu), ST_OK);
    ck_assert_msg(nu.underweight > 0 && nu.underweight < nu.weighed, "%lld of %lld", nu.underweight, nu.weighed);
    db_close(da);
    db_close(dbb);
    for (int i = 0; i < 2; i++) {
        char buf[8300];
        const char *p = i ? b : a;
        static const char *const sfx[] = {"", "-wal", "-shm"};
        for (int k = 0; k < 3; k++) {
            snprintf(buf, sizeof buf, "%s%s", p, sfx[k]);
            unlink(buf);
        }
    }
    free(a);
    free(b);
}
END_TEST

Suite *suite_children(void)
{
    return test_suite((struct test_spec){"children", "app", setup, teardown, .timeout = 30,
                       .tests = TEST_LIST(save_new_record, duplicate_is_reported_then_forced,
                                          edit_audits_and_refuses_stale_copy, record_past_16_stays_editable,
                                          periods_saved_with_record, measures_and_checks,
                                          delete_removes_with_audit, indicator_counts, demo_register),
                       .loops = LOOP_LIST(TEST_ROWS(bad_input_saves_nothing, refused))}, NULL);
}
