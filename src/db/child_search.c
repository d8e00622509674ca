/* child_search — paged list queries over the child table. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/child_search.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 16
/* Below this many trigram candidates the list is built from them (a look-up
 * and a sort each); above, walking the sorted index finds a page sooner.
 * At 100k children both ways then cost about 2 ms (see bench_search). */
#define FTS_MAX_CANDIDATES 256
/* Counting from the trigram candidates costs a look-up each; walking costs
 * the whole register: up to this many candidates, counting uses them. */
#define FTS_MAX_COUNT 4000
/* Fixed parameter numbers; the typed words follow from P_WORDS. */
enum { P_DAY = 1, P_CUT16, P_VILLAGE, P_SEX, P_AGE_FROM, P_AGE_TO, P_GROUP, P_LIMIT, P_OFFSET,
       P_USER, P_MATCH, P_WORDS };

void child_query_init(struct child_query *q)
{
    memset(q, 0, sizeof *q);
    q->sex = -1;
    q->age_from = q->age_to = -1;
    q->scope = CHILD_SCOPE_CHILDREN;
}

/* A query prepared for binding: folded words, the day, the strategy. */
struct prepared {
    char *fold;                 /* words, NUL-separated */
    const char *words[MAX_WORDS];
    int nwords;
    struct strbuf match;        /* FTS5 query of the words of 3+ characters */
    bool use_fts;               /* candidates from child_fts, else walk child_list */
    struct date day;
    bool group_is_code;
};

/* Words of three characters or more can use the trigram index. */
static bool long_word(const char *w)
{
    return utf8_char_count(w) >= 3;
}

static void prepared_free(struct prepared *p)
{
    free(p->fold);
    p->fold = NULL;
    strbuf_free(&p->match);
}

/* '"w1" AND "w2"': each word a quoted string (quotes doubled). */
static bool build_match(struct prepared *p)
{
    bool ok = true;
    for (int i = 0; ok && i < p->nwords; i++) {
        if (!long_word(p->words[i]))
            continue;
        ok = strbuf_puts(&p->match, p->match.len ? " AND \"" : "\"");
        for (const char *c = p->words[i]; ok && *c; c++)
            ok = strbuf_append(&p->match, c, 1) && (*c != '"' || strbuf_append(&p->match, "\"", 1));
        ok = ok && strbuf_puts(&p->match, "\"");
    }
    return ok;
}

/* Uses the trigram index when the long words have fewer than `most`
 * candidates. */
static enum status choose_strategy(struct db *db, struct prepared *p, long long most)
{
    if (!p->match.len)
        return ST_OK;
    long long waiting = 0; /* rows not yet in the index (db/child_bulk.h): walk */
    enum status rc = db_query_int(db, "SELECT EXISTS (SELECT 1 FROM child_fts_pending)", NULL, &waiting);
    if (rc != ST_OK || waiting)
        return rc;
    if (most < 0) { /* every match is wanted: the candidates are the cheapest way */
        p->use_fts = true;
        return ST_OK;
    }
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT rowid FROM child_fts WHERE child_fts "
                              "MATCH ?1 LIMIT %lld)", most);
    long long n = 0;
    rc = db_query_int(db, sql, strbuf_str(&p->match), &n);
    p->use_fts = rc == ST_OK && n < most;
    return rc;
}

static enum status check_group(struct db *db, const char *group, bool *is_code)
{
    *is_code = strchr(group, '.') != NULL;
    if (strcmp(group, "*") == 0)
        return ST_OK;
    long long n = 0;
    enum status rc = db_query_int(db, *is_code ? "SELECT count(*) FROM sc_subgroup WHERE code = ?1"
                                               : "SELECT count(*) FROM sc_group WHERE letter = ?1",
                                  group, &n);
    if (rc == ST_OK && n == 0)
        rc = status_set(ST_INVALID, _("group: '%s' is neither a group letter (a, b, …, đ, …, o) "
                                      "nor a sub-group code (like a.1)"), group);
    return rc;
}

static enum status prepare_query(struct db *db, const struct child_query *q, long long fts_most,
                                 struct prepared *p)
{
    memset(p, 0, sizeof *p);
    p->day = q->day.y ? q->day : date_today();
    p->fold = utf8_fold(q->text ? q->text : "");
    if (!p->fold)
        return status_set(ST_INVALID, "%s", _("the search text is not valid UTF-8"));
    char *save = NULL;
    for (char *w = strtok_r(p->fold, " ", &save); w && p->nwords < MAX_WORDS; w = strtok_r(NULL, " ", &save))
        p->words[p->nwords++] = w;
    enum status rc = build_match(p) ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK && q->group && *q->group)
        rc = check_group(db, q->group, &p->group_is_code);
    if (rc == ST_OK)
        rc = choose_strategy(db, p, fts_most);
    if (rc != ST_OK)
        prepared_free(p);
    return rc;
}

static bool where_sql(struct strbuf *sql, const struct child_query *q, const struct prepared *p)
{
    /* The unary + keeps the planner off the single-column indexes: walking
     * child_list in list order (or the few trigram candidates) is faster. */
    bool ok = p->use_fts ? strbuf_printf(sql, " FROM child_fts CROSS JOIN child c ON c.id = child_fts.rowid"
                                              " WHERE child_fts MATCH ?%d", P_MATCH)
                         : strbuf_puts(sql, " FROM child c WHERE 1");
    for (int i = 0; ok && i < p->nwords; i++)
        if (!p->use_fts || !long_word(p->words[i]))
            ok = strbuf_printf(sql, " AND instr(c.search, ?%d) > 0", P_WORDS + i);
    if (ok && q->village_id)
        ok = strbuf_printf(sql, " AND +c.village_id = ?%d", P_VILLAGE);
    if (ok && q->only_user)
        ok = strbuf_printf(sql, " AND +c.village_id IN (SELECT village_id FROM app_user_village WHERE user_id = ?%d)",
                           P_USER);
    if (ok && q->sex >= 0)
        ok = strbuf_printf(sql, " AND +c.sex = ?%d", P_SEX);
    if (ok && q->scope == CHILD_SCOPE_CHILDREN)
        ok = strbuf_printf(sql, " AND (+c.birth_eff IS NULL OR (+c.birth_eff > ?%d AND +c.birth_eff <= ?%d))",
                           P_CUT16, P_DAY);
    if (ok && q->scope == CHILD_SCOPE_OVER16)
        ok = strbuf_printf(sql, " AND +c.birth_eff <= ?%d", P_CUT16);
    if (ok && q->age_from >= 0)
        ok = strbuf_printf(sql, " AND +c.birth_eff <= ?%d", P_AGE_FROM);
    if (ok && q->age_to >= 0)
        ok = strbuf_printf(sql, " AND +c.birth_eff > ?%d", P_AGE_TO);
    if (ok && q->group && *q->group) {
        ok = strbuf_printf(sql, " AND EXISTS (SELECT 1 FROM child_sc_period p WHERE p.child_id = c.id"
                                " AND p.from_date <= ?%d AND (p.to_date IS NULL OR p.to_date >= ?%d)",
                           P_DAY, P_DAY);
        if (ok && strcmp(q->group, "*") != 0)
            ok = p->group_is_code
                ? strbuf_printf(sql, " AND p.subgroup_code = ?%d", P_GROUP)
                : strbuf_printf(sql, " AND p.subgroup_code IN (SELECT code FROM sc_subgroup WHERE letter = ?%d)",
                                P_GROUP);
        ok = ok && strbuf_puts(sql, ")");
    }
    return ok;
}

/* Binds the parameters of q that the statement holds (where_sql). */
static enum status bind_query(sqlite3_stmt *st, const struct child_query *q, const struct prepared *p)
{
    const struct row_arg args[] = {
        [P_DAY - 1] = ROW_DATE(p->day),
        [P_CUT16 - 1] = ROW_DATE(date_minus_years(p->day, CHILD_AGE_LIMIT)),
        [P_VILLAGE - 1] = ROW_INT(q->village_id),
        [P_SEX - 1] = ROW_TEXT(enum_code(&enum_child_sex, q->sex)),
        [P_AGE_FROM - 1] = q->age_from >= 0 ? ROW_DATE(date_minus_years(p->day, q->age_from)) : ROW_NULL,
        [P_AGE_TO - 1] = q->age_to >= 0 ? ROW_DATE(date_minus_years(p->day, q->age_to + 1)) : ROW_NULL,
        [P_GROUP - 1] = ROW_TEXT(q->group),
        [P_LIMIT - 1] = ROW_NULL, /* the caller's */
        [P_OFFSET - 1] = ROW_NULL,
        [P_USER - 1] = ROW_INT(q->only_user),
        [P_MATCH - 1] = ROW_TEXT(p->use_fts ? strbuf_str(&p->match) : NULL),
    };
    enum status rc = row_bind_used(st, 1, args, sizeof args / sizeof *args);
    for (int i = 0; rc == ST_OK && i < p->nwords; i++)
        rc = row_bind_used(st, P_WORDS + i, ROW_ARGS(ROW_TEXT(p->words[i])));
    return rc;
}

/* Prepares "<head> FROM … WHERE … <tail>" and binds q; p is freed on
 * failure. */
static enum status prepare_stmt(struct db *db, const struct child_query *q, long long fts_most,
                                struct prepared *p, const char *head, const char *tail,
                                sqlite3_stmt **st)
{
    enum status rc = prepare_query(db, q, fts_most, p);
    if (rc != ST_OK)
        return rc;
    struct strbuf sql = STRBUF_INIT;
    bool ok = strbuf_puts(&sql, head) && where_sql(&sql, q, p) && strbuf_puts(&sql, tail);
    rc = ok ? db_prepare(db, strbuf_str(&sql), st) : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sql);
    if (rc == ST_OK && (rc = bind_query(*st, q, p)) != ST_OK)
        sqlite3_finalize(*st);
    if (rc != ST_OK)
        prepared_free(p);
    return rc;
}

/* "ORDER BY <the child's own name, code or ID holds every word> DESC,
 * sort_key, search LIMIT … OFFSET …" */
static bool order_sql(struct strbuf *sql, const struct prepared *p)
{
    bool ok = strbuf_puts(sql, " ORDER BY ");
    for (int i = 0; ok && i < p->nwords; i++)
        ok = strbuf_printf(sql, "%sinstr(c.name_fold || ' ' || lower(c.code) || ' ' || c.personal_id, "
                                "?%d) > 0", i ? " AND " : "(", P_WORDS + i);
    if (ok && p->nwords)
        ok = strbuf_puts(sql, ") DESC, ");
    return ok && strbuf_printf(sql, "c.sort_key, c.search LIMIT ?%d OFFSET ?%d", P_LIMIT, P_OFFSET);
}

static bool all_in(const char *text, const struct prepared *p, int *missing)
{
    char *f = utf8_fold(text ? text : "");
    bool all = f != NULL;
    for (int i = 0; f && i < p->nwords; i++)
        if (!strstr(f, p->words[i])) {
            if (all && missing)
                *missing = i;
            all = false;
        }
    free(f);
    return all;
}

/* Where the words the name lacks were found (columns 8…13 and the village). */
static void why_matched(sqlite3_stmt *st, const struct prepared *p, struct child_row *r)
{
    static const struct { int col; const char *label; } where[] = {
        {8, N_("mother")}, {9, N_("father")}, {10, N_("carer")}, {11, N_("mother's phone")},
        {12, N_("father's phone")}, {13, N_("carer's phone")}, {7, N_("village")},
    };
    int missing = -1;
    r->why[0] = '\0';
    if (!p->nwords || all_in(r->full_name, p, &missing) || missing < 0)
        return;
    for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
        const char *v = (const char *)sqlite3_column_text(st, where[i].col);
        char *f = v && *v ? utf8_fold(v) : NULL;
        bool hit = f && strstr(f, p->words[missing]);
        free(f);
        if (hit) { /* the village is in the row already */
            if (where[i].col != 7)
                snprintf(r->why, sizeof r->why, "%s (%s)", v, _(where[i].label));
            return;
        }
    }
}

static void read_row(sqlite3_stmt *st, struct date day, struct child_row *r)
{
    const char *s;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    snprintf(r->code, sizeof r->code, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(r->full_name, sizeof r->full_name, "%s", (const char *)sqlite3_column_text(st, 2));
    if ((s = (const char *)sqlite3_column_text(st, 3)) && date_parse(s, &r->birth_date) != ST_OK)
        r->birth_date = (struct date){0, 0, 0};
    r->est_age = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 4);
    if ((s = (const char *)sqlite3_column_text(st, 5)) && date_parse(s, &r->birth_eff) != ST_OK)
        r->birth_eff = (struct date){0, 0, 0};
    int sex = enum_from_code(&enum_child_sex, (const char *)sqlite3_column_text(st, 6));
    r->sex = sex < 0 ? CHILD_SEX_UNKNOWN : sex;
    s = (const char *)sqlite3_column_text(st, 7);
    snprintf(r->village, sizeof r->village, "%s", s ? s : "");
    r->age = r->birth_eff.y && date_cmp(day, r->birth_eff) >= 0 ? date_age_years(r->birth_eff, day) : -1;
}

#define ROW_HEAD "SELECT c.id, c.code, c.full_name, c.birth_date, c.est_age, c.birth_eff, c.sex, " \
    "(SELECT v.name FROM village v WHERE v.id = c.village_id), c.mother_name, c.father_name, " \
    "c.carer_name, c.mother_phone, c.father_phone, c.carer_phone"

/* The rows of q from offset on, at most limit (< 0: all), each to fn. */
static enum status each_row(struct db *db, const struct child_query *q, long long fts_most,
                            size_t offset, long long limit, child_row_fn fn, void *ctx)
{
    struct prepared p;
    sqlite3_stmt *st = NULL;
    enum status rc = prepare_query(db, q, fts_most, &p);
    if (rc != ST_OK)
        return rc;
    struct strbuf sql = STRBUF_INIT;
    bool ok = strbuf_puts(&sql, ROW_HEAD) && where_sql(&sql, q, &p) && order_sql(&sql, &p);
    rc = ok ? db_prepare(db, strbuf_str(&sql), &st) : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sql);
    if (rc != ST_OK) {
        prepared_free(&p);
        return rc;
    }
    rc = bind_query(st, q, &p);
    if (rc == ST_OK)
        rc = row_bind(st, P_LIMIT, ROW_INT(limit), ROW_INT((long long)offset));
    int step = SQLITE_DONE;
    struct child_row r;
    while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        read_row(st, p.day, &r);
        why_matched(st, &p, &r);
        if (!fn(ctx, &r))
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the register"));
    sqlite3_finalize(st);
    prepared_free(&p);
    return rc;
}

struct page_ctx { struct child_row *rows; size_t *n; };

static bool page_add(void *ctx, const struct child_row *r)
{
    struct page_ctx *pc = ctx;
    pc->rows[(*pc->n)++] = *r;
    return true;
}

enum status child_search_page(struct db *db, const struct child_query *q, size_t offset,
                              size_t limit, struct child_row *rows, size_t *n)
{
    *n = 0;
    struct page_ctx pc = {rows, n};
    return limit ? each_row(db, q, FTS_MAX_CANDIDATES, offset, (long long)limit, page_add, &pc)
                 : ST_OK;
}

enum status child_search_each(struct db *db, const struct child_query *q, size_t offset,
                              long long limit, child_row_fn fn, void *ctx)
{
    return each_row(db, q, -1, offset, limit < 0 ? -1 : limit, fn, ctx);
}

enum status child_search_count_upto(struct db *db, const struct child_query *q, long long cap,
                                    long long *n)
{
    *n = 0;
    struct prepared p;
    sqlite3_stmt *st = NULL;
    char tail[48];
    snprintf(tail, sizeof tail, " LIMIT ?%d)", P_LIMIT);
    /* From the candidates the count stops at cap matches (or runs out of
     * candidates); walking stops at cap matches too, which takes long when
     * matches are rare: so candidates are used whenever they are few. */
    enum status rc = prepare_stmt(db, q, FTS_MAX_COUNT, &p, "SELECT count(*) FROM (SELECT 1", tail, &st);
    if (rc != ST_OK)
        return rc;
    rc = row_bind(st, P_LIMIT, ROW_INT(cap < 0 ? -1 : cap));
    if (rc == ST_OK)
        rc = row_int(db, st, n, _("cannot read the register"));
    else
        sqlite3_finalize(st);
    prepared_free(&p);
    return rc;
}

enum status child_search_count(struct db *db, const struct child_query *q, long long *n)
{
    return child_search_count_upto(db, q, -1, n);
}

enum status child_search_ids_born_after(struct db *db, struct date born, long long **ids,
                                        size_t *n)
{
    sqlite3_stmt *st = NULL;
    *ids = NULL;
    *n = 0;
    enum status rc = row_prepare(db, "SELECT id FROM child WHERE birth_eff > ?1 ORDER BY id", &st,
                                 ROW_DATE(born));
    if (rc != ST_OK)
        return rc;
    return row_collect_ids(db, st, ids, n);
}
