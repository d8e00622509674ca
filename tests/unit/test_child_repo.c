/* test_child_repo — the child table: codes, reads, audited updates and
 * deletes, and the paged search with its filters. */
#include <config.h>
#include "tests.h"
#include "treem/app/commune.h"
#include "treem/db/child_facts.h"
#include "treem/db/child_repo.h"
#include "treem/db/child_search.h"
#include "treem/model/child_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db *db;
static const struct date TODAY = {2025, 6, 30};

static long long village_id(const char *name)
{
    long long id = 0;
    ck_assert_int_eq(db_query_int(db, "SELECT id FROM village WHERE name = ?1", name, &id), ST_OK);
    return id;
}

static void setup(void)
{
    setenv("TREEM_TODAY", "2025-06-30", 1);
    db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Đông"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Tây"), ST_OK);
    ck_assert_int_eq(village_add(db, "Khu phố Lý Tây"), ST_OK);
}

static void teardown(void)
{
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

/* Inserts a child inside the caller's transaction; fields as "key=value"
 * strings; returns its id. */
static long long add_tx(const char *name, const char *dob, const char *village, const char *more[])
{
    static int n;
    struct child c;
    child_init(&c);
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, name), ST_OK);
    ck_assert_int_eq(child_field_parse(&c, dob[0] == '~' ? CF_EST_AGE : CF_BIRTH_DATE, dob + (dob[0] == '~')), ST_OK);
    for (int i = 0; more && more[i]; i++) {
        char key[40];
        const char *eq = strchr(more[i], '=');
        snprintf(key, sizeof key, "%.*s", (int)(eq - more[i]), more[i]);
        ck_assert_msg(child_field_parse(&c, child_field_find(key), eq + 1) == ST_OK, "%s", status_message());
    }
    c.village_id = village ? village_id(village) : 0;
    child_normalize(&c, TODAY);
    snprintf(c.uid, sizeof c.uid, "00004-TEST%06d", ++n);
    ck_assert_msg(child_repo_insert(db, &c) == ST_OK, "%s", status_message());
    long long id = c.id;
    child_free(&c);
    return id;
}

static long long add(const char *name, const char *dob, const char *village, const char *more[])
{
    ck_assert_int_eq(db_begin(db), ST_OK);
    long long id = add_tx(name, dob, village, more);
    ck_assert_int_eq(db_commit(db), ST_OK);
    return id;
}

static long long count_sql(const char *sql, const char *param)
{
    long long n = -1;
    ck_assert_int_eq(db_query_int(db, sql, param, &n), ST_OK);
    return n;
}

START_TEST(insert_assigns_codes_and_audits)
{
    long long a = add("Nguyễn Thị Đào", "15/03/2018", "Thôn Đông", NULL);
    long long b = add("Trần Văn Bình", "01/01/2020", NULL, NULL);
    struct child c;
    ck_assert_int_eq(child_repo_get(db, a, &c), ST_OK);
    ck_assert_str_eq(c.code, "TE-0001");
    ck_assert_str_eq(c.village, "Thôn Đông");
    ck_assert_int_eq(c.birth_date.y, 2018);
    ck_assert_int_eq(c.rev, 1);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity_id = ?1", c.uid), 1);
    child_free(&c);
    static const char *const codes[] = {"TE-0002", "te-0002", "te-2", "2", "TE 0002"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        ck_assert_msg(child_repo_get_by_code(db, codes[i], &c) == ST_OK, "%s", codes[i]);
        ck_assert_str_eq(c.full_name, "Trần Văn Bình");
        child_free(&c);
    }
    ck_assert_int_eq(child_repo_get_by_code(db, "TE-0099", &c), ST_NOTFOUND);
    ck_assert_int_eq(child_repo_get_by_code(db, "abc", &c), ST_NOTFOUND);
    ck_assert_int_eq(child_repo_get(db, b, &c), ST_OK);
    struct child same;
    ck_assert_int_eq(child_repo_get_by_uid(db, c.uid, &same), ST_OK);
    ck_assert_int_eq(same.id, b);
    child_free(&same);
    child_free(&c);
    ck_assert_int_eq(child_repo_get_by_uid(db, "00004-NOPE", &c), ST_NOTFOUND);
}
END_TEST

START_TEST(update_audits_each_changed_field)
{
    long long id = add("Nguyễn Thị Đào", "15/03/2018", "Thôn Đông", NULL);
    struct child old, c;
    ck_assert_int_eq(child_repo_get(db, id, &old), ST_OK);
    ck_assert_int_eq(child_copy(&c, &old), ST_OK);
    child_field_parse(&c, CF_CARER_NAME, "Trần Thị Hoa");
    child_field_parse(&c, CF_BIRTH_DATE, "16/03/2018");
    c.village_id = village_id("Thôn Tây");
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_msg(child_repo_update(db, &old, &c) == ST_OK, "%s", status_message());
    ck_assert_int_eq(db_commit(db), ST_OK);
    ck_assert_int_eq(c.rev, 2);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'change' AND entity_id = ?1", c.uid), 3);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE field = 'birth_date' AND "
                               "old_value = '2018-03-15' AND new_value = ?1", "2018-03-16"), 1);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE field = 'village' AND "
                               "old_value = 'Thôn Đông' AND new_value = ?1", "Thôn Tây"), 1);
    /* the search column follows the record */
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child WHERE instr(search, ?1) > 0", "tran thi hoa"), 1);
    /* a second save from the stale copy is refused */
    child_field_parse(&old, CF_NOTES, "stale");
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_repo_update(db, &old, &old), ST_CONFLICT);
    db_rollback(db);
    child_free(&old);
    child_free(&c);
}
END_TEST

START_TEST(delete_cascades_and_audits)
{
    long long id = add("Lê Văn Tám", "01/01/2015", NULL, NULL);
    struct child c;
    ck_assert_int_eq(child_repo_get(db, id, &c), ST_OK);
    struct child_period p = {0};
    p.child_id = id;
    strcpy(p.code, "a.1");
    p.from = (struct date){2024, 1, 1};
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(child_facts_period_add(db, &p, c.uid), ST_OK);
    ck_assert_int_eq(child_repo_delete(db, id), ST_OK);
    ck_assert_int_eq(db_commit(db), ST_OK);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child", NULL), 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM child_sc_period", NULL), 0);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE action = 'delete' AND "
                               "old_value LIKE 'TE-0001 Lê Văn Tám%' AND entity_id = ?1", c.uid), 1);
    ck_assert_int_eq(count_sql("SELECT count(*) FROM audit_log WHERE field = 'group' AND entity_id = ?1", c.uid), 1);
    ck_assert_int_eq(child_repo_delete(db, id), ST_NOTFOUND);
    child_free(&c);
}
END_TEST

/* ----------------------------------------------------------------- search */

/* Codes of all matches of q, space-separated, in list order. */
static char *codes_of(const struct child_query *q)
{
    static char out[2048];
    struct child_row rows[64];
    size_t n = 0;
    ck_assert_msg(child_search_page(db, q, 0, 64, rows, &n) == ST_OK, "%s", status_message());
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "", rows[i].code);
    long long count = -1;
    ck_assert_int_eq(child_search_count(db, q, &count), ST_OK);
    ck_assert_int_eq(count, (long long)n);
    return out;
}

static void add_search_fixture(void)
{
    const char *dao[] = {"mother_name=Trần Thị Hoa", "personal_id=036018001234", "carer_phone=0912345678", NULL};
    add("Nguyễn Thị Đào", "15/03/2018", "Thôn Đông", dao);                   /* TE-0001 */
    const char *binh[] = {"father_name=Nguyễn Văn Đạo", "sex=nam", NULL};
    add("Trần Văn Bình", "01/01/2020", "Khu phố Lý Tây", binh);              /* TE-0002 */
    const char *dao2[] = {"sex=nu", NULL};
    add("Đào Thị Nguyệt", "~9", "Thôn Tây", dao2);                           /* TE-0003 */
    add("Phạm Minh Đức", "10/10/2008", "Thôn Đông", NULL);                   /* TE-0004: 16 */
}

static const struct { const char *text; const char *codes; } search_cases[] = {
    {"nguyen thi dao", "TE-0001"},
    {"dao thi nguyen", "TE-0001"},            /* any word order */
    {"NGUYỄN THỊ ĐÀO", "TE-0001"},            /* case and marks */
    {"Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", "TE-0001"},  /* NFD input */
    {"nguyen dao", "TE-0001 TE-0002"},        /* her own name first; Bình's father is Nguyễn Văn Đạo */
    {"đào", "TE-0001 TE-0003 TE-0002"},       /* đ = d; own names by given name, then Bình (father Đạo) */
    {"te-0002", "TE-0002"},                   /* code */
    {"036018001234", "TE-0001"},              /* personal ID */
    {"tran thi hoa", "TE-0001"},              /* mother */
    {"0912345", "TE-0001"},                   /* phone */
    {"ly tay", "TE-0002"},                    /* village */
    {"  ", "TE-0002 TE-0001 TE-0003"},        /* nothing typed: all children (not the 16-year-old) */
    {"xyz", ""},
};

START_TEST(search_matches_folded_words)
{
    add_search_fixture();
    struct child_query q;
    child_query_init(&q);
    q.text = search_cases[_i].text;
    ck_assert_str_eq(codes_of(&q), search_cases[_i].codes);
}
END_TEST

START_TEST(filters)
{
    add_search_fixture();
    struct child_query q;
    child_query_init(&q);
    q.village_id = village_id("Thôn Đông");
    ck_assert_str_eq(codes_of(&q), "TE-0001");
    q.scope = CHILD_SCOPE_OVER16;
    ck_assert_str_eq(codes_of(&q), "TE-0004");
    q.scope = CHILD_SCOPE_ALL;
    ck_assert_str_eq(codes_of(&q), "TE-0001 TE-0004");
    child_query_init(&q);
    q.sex = CHILD_SEX_FEMALE;
    ck_assert_str_eq(codes_of(&q), "TE-0003");  /* TE-0001's sex was not given */
    child_query_init(&q);
    q.age_from = 5;
    q.age_to = 7;
    ck_assert_str_eq(codes_of(&q), "TE-0002 TE-0001");
    q.day = (struct date){2025, 12, 31};        /* Bình turns 6 on 01/01/2026 */
    q.age_to = 5;
    ck_assert_str_eq(codes_of(&q), "TE-0002");
    q.day = (struct date){2026, 1, 1};
    ck_assert_str_eq(codes_of(&q), "");
    child_query_init(&q);
    q.day = (struct date){2024, 10, 9};          /* the day before Đức's 16th birthday */
    ck_assert_str_eq(codes_of(&q), "TE-0002 TE-0001 TE-0004 TE-0003");
    q.day = (struct date){2024, 10, 10};
    ck_assert_str_eq(codes_of(&q), "TE-0002 TE-0001 TE-0003");
}
END_TEST

START_TEST(group_filter_on_a_day)
{
    add_search_fixture();
    struct child c;
    ck_assert_int_eq(child_repo_get_by_code(db, "TE-0002", &c), ST_OK);
    struct child_period p = {0};
    p.child_id = c.id;
    strcpy(p.code, "đ.0");
    p.from = (struct date){2024, 1, 1};
    p.to = (struct date){2024, 12, 31};
    ck_assert_int_eq(child_facts_period_check(db, &p, TODAY), ST_OK);
    ck_assert_int_eq(child_facts_period_add(db, &p, c.uid), ST_OK);
    child_free(&c);
    struct child_query q;
    child_query_init(&q);
    q.group = "*";
    ck_assert_str_eq(codes_of(&q), "");          /* the period ended before today */
    q.day = (struct date){2024, 12, 31};
    ck_assert_str_eq(codes_of(&q), "TE-0002");
    q.group = "đ";
    ck_assert_str_eq(codes_of(&q), "TE-0002");
    q.group = "d";
    ck_assert_str_eq(codes_of(&q), "");          /* d and đ are different groups */
    q.group = "đ.0";
    ck_assert_str_eq(codes_of(&q), "TE-0002");
    q.day = (struct date){2023, 12, 31};
    ck_assert_str_eq(codes_of(&q), "");
    q.group = "z.9";
    struct child_row rows[4];
    size_t n;
    ck_assert_int_eq(child_search_page(db, &q, 0, 4, rows, &n), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "group: 'z.9'"));
    strcpy(p.code, "x.1");
    ck_assert_int_eq(child_facts_period_check(db, &p, TODAY), ST_INVALID);
}
END_TEST

/* 300 "Nguyễn Văn An nnn" (codes TE-0001 …) and one other: more than the
 * trigram index is used for, so both ways of listing are exercised. */
static void add_many(void)
{
    char name[64];
    ck_assert_int_eq(db_begin(db), ST_OK);
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "Nguyễn Văn An %03d", i);
        add_tx(name, "01/01/2019", "Thôn Đông", NULL);
    }
    add_tx("Lê Thị Hoa", "01/01/2019", "Thôn Đông", NULL);
    ck_assert_int_eq(db_commit(db), ST_OK);
}

START_TEST(paging_never_exceeds_the_page)
{
    add_many();
    struct child_query q;
    child_query_init(&q);
    q.text = "an nguyen";
    long long total = 0, capped = 0;
    ck_assert_int_eq(child_search_count(db, &q, &total), ST_OK);
    ck_assert_int_eq(total, 300);
    ck_assert_int_eq(child_search_count_upto(db, &q, 100, &capped), ST_OK);
    ck_assert_int_eq(capped, 100);
    struct child_row rows[23];
    bool seen[310] = {false};
    size_t got = 0, n = 0;
    for (int page = 0; page < 15; page++) {
        rows[22].id = -7; /* sentinel past the page */
        ck_assert_int_eq(child_search_page(db, &q, (size_t)page * 22, 22, rows, &n), ST_OK);
        ck_assert_int_eq(rows[22].id, -7);
        ck_assert_uint_eq(n, page < 13 ? 22 : page == 13 ? 14 : 0);
        for (size_t i = 0; i < n; i++) {
            ck_assert(!seen[rows[i].id]);
            seen[rows[i].id] = true;
            ck_assert_ptr_nonnull(strstr(rows[i].full_name, "Nguyễn Văn An "));
            if (i > 0) /* list order: the given names "000" … "299" */
                ck_assert(strcmp(rows[i - 1].full_name, rows[i].full_name) < 0);
        }
        got += n;
    }
    ck_assert_uint_eq(got, 300);
    ck_assert_int_eq(child_search_page(db, &q, 0, 0, rows, &n), ST_OK);
    ck_assert_uint_eq(n, 0);
}
END_TEST

struct each_out { char codes[256]; char why[sizeof ((struct child_row *)0)->why]; };

static bool each_collect(void *ctx, const struct child_row *r)
{
    struct each_out *o = ctx;
    snprintf(o->codes + strlen(o->codes), sizeof o->codes - strlen(o->codes), "%s%s",
             o->codes[0] ? " " : "", r->code);
    if (r->why[0])
        snprintf(o->why, sizeof o->why, "%s", r->why);
    return true;
}

/* Every match in one pass, ranked like the pages: the child's own name
 * first, a parent's match after it saying whose name it is. */
START_TEST(each_lists_every_match_ranked)
{
    add_search_fixture();
    struct child_query q;
    child_query_init(&q);
    q.text = "nguyen dao";
    struct each_out o = {"", ""};
    ck_assert_int_eq(child_search_each(db, &q, 0, -1, each_collect, &o), ST_OK);
    ck_assert_str_eq(o.codes, "TE-0001 TE-0002");
    ck_assert_msg(strstr(o.why, "Nguyễn Văn Đạo (father)"), "why: %s", o.why);
    struct each_out one = {"", ""};
    ck_assert_int_eq(child_search_each(db, &q, 1, 1, each_collect, &one), ST_OK);
    ck_assert_str_eq(one.codes, "TE-0002");
}
END_TEST

START_TEST(rare_words_use_the_trigram_index)
{
    add_many();
    struct child_query q;
    child_query_init(&q);
    q.text = "nguyen 042";   /* "An 042", and TE-0042 (that is "An 041") */
    ck_assert_str_eq(codes_of(&q), "TE-0042 TE-0043");
    q.text = "042 nguyen an";
    ck_assert_str_eq(codes_of(&q), "TE-0042 TE-0043");
    q.text = "hoa";
    ck_assert_str_eq(codes_of(&q), "TE-0301");
    q.text = "an 29";        /* short words only: the walk; "29" in a name or a code */
    ck_assert_str_eq(codes_of(&q), "TE-0029 TE-0030 TE-0129 TE-0130 TE-0229 TE-0230 TE-0290 TE-0291 "
                                   "TE-0292 TE-0293 TE-0294 TE-0295 TE-0296 TE-0297 TE-0298 TE-0299 TE-0300");
    /* after an edit and a delete the index still agrees */
    struct child c, old;
    ck_assert_int_eq(child_repo_get_by_code(db, "TE-0043", &old), ST_OK);
    ck_assert_int_eq(child_copy(&c, &old), ST_OK);
    child_field_parse(&c, CF_FULL_NAME, "Trần Thị Bốn Hai");
    ck_assert_int_eq(child_repo_update(db, &old, &c), ST_OK);
    ck_assert_int_eq(child_repo_delete(db, c.id - 1), ST_OK); /* TE-0042 */
    q.text = "nguyen 042";
    ck_assert_str_eq(codes_of(&q), "");
    q.text = "bon hai";
    ck_assert_str_eq(codes_of(&q), "TE-0043");
    child_free(&c);
    child_free(&old);
}
END_TEST

START_TEST(row_shows_age_and_estimate)
{
    add_search_fixture();
    struct child_query q;
    child_query_init(&q);
    q.text = "nguyet";
    struct child_row r;
    size_t n;
    ck_assert_int_eq(child_search_page(db, &q, 0, 1, &r, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(r.birth_date.y, 0);
    ck_assert_int_eq(r.est_age, 9);
    ck_assert_int_eq(r.age, 9);
    ck_assert_int_eq(r.sex, CHILD_SEX_FEMALE);
    ck_assert_str_eq(r.village, "Thôn Tây");
}
END_TEST

Suite *suite_child_repo(void)
{
    return test_suite((struct test_spec){"child_repo", "repo", setup, teardown,
                       .tests = TEST_LIST(insert_assigns_codes_and_audits, update_audits_each_changed_field,
                                          delete_cascades_and_audits, filters, group_filter_on_a_day,
                                          paging_never_exceeds_the_page, each_lists_every_match_ranked,
                                          rare_words_use_the_trigram_index, row_shows_age_and_estimate),
                       .loops = LOOP_LIST(TEST_ROWS(search_matches_folded_words, search_cases))}, NULL);
}
