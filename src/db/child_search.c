/* child_search — paged list queries over the child table. */
#include <config.h>
#include "treem/db/child_search.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 16
/* Fixed parameter numbers; the typed words follow from P_WORDS. */
enum { P_DAY = 1, P_CUT16, P_VILLAGE, P_SEX, P_AGE_FROM, P_AGE_TO, P_GROUP, P_LIMIT, P_OFFSET, P_WORDS };

void child_query_init(struct child_query *q)
{
    memset(q, 0, sizeof *q);
    q->sex = -1;
    q->age_from = q->age_to = -1;
    q->scope = CHILD_SCOPE_CHILDREN;
}

/* A query prepared for binding: folded words and the ISO days it needs. */
struct prepared {
    char *fold;                 /* words, NUL-separated */
    const char *words[MAX_WORDS];
    int nwords;
    struct date day;
    bool group_is_code;
};

static struct date minus_years(struct date d, int years)
{
    d.y -= years;
    if (d.m == 2 && d.d == 29 && !date_is_leap(d.y))
        d.d = 28;
    return d;
}

static void bind_date(sqlite3_stmt *st, int idx, struct date d)
{
    char iso[DATE_BUF];
    date_iso(d, iso);
    db_bind_text(st, idx, iso);
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

static enum status prepare_query(struct db *db, const struct child_query *q, struct prepared *p)
{
    memset(p, 0, sizeof *p);
    p->day = q->day.y ? q->day : date_today();
    p->fold = utf8_fold(q->text ? q->text : "");
    if (!p->fold)
        return status_set(ST_INVALID, "%s", _("the search text is not valid UTF-8"));
    char *save = NULL;
    for (char *w = strtok_r(p->fold, " ", &save); w && p->nwords < MAX_WORDS; w = strtok_r(NULL, " ", &save))
        p->words[p->nwords++] = w;
    if (q->group && *q->group) {
        enum status rc = check_group(db, q->group, &p->group_is_code);
        if (rc != ST_OK) {
            free(p->fold);
            p->fold = NULL;
            return rc;
        }
    }
    return ST_OK;
}

static bool where_sql(struct strbuf *sql, const struct child_query *q, const struct prepared *p)
{
    bool ok = strbuf_puts(sql, " WHERE 1");
    for (int i = 0; ok && i < p->nwords; i++)
        ok = strbuf_printf(sql, " AND instr(c.search, ?%d) > 0", P_WORDS + i);
    if (ok && q->village_id)
        ok = strbuf_printf(sql, " AND c.village_id = ?%d", P_VILLAGE);
    if (ok && q->sex >= 0)
        ok = strbuf_printf(sql, " AND c.sex = ?%d", P_SEX);
    if (ok && q->scope == CHILD_SCOPE_CHILDREN)
        ok = strbuf_printf(sql, " AND (c.birth_eff IS NULL OR (c.birth_eff > ?%d AND c.birth_eff <= ?%d))",
                           P_CUT16, P_DAY);
    if (ok && q->scope == CHILD_SCOPE_OVER16)
        ok = strbuf_printf(sql, " AND c.birth_eff <= ?%d", P_CUT16);
    if (ok && q->age_from >= 0)
        ok = strbuf_printf(sql, " AND c.birth_eff <= ?%d", P_AGE_FROM);
    if (ok && q->age_to >= 0)
        ok = strbuf_printf(sql, " AND c.birth_eff > ?%d", P_AGE_TO);
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

static void bind_query(sqlite3_stmt *st, const struct child_query *q, const struct prepared *p)
{
    bind_date(st, P_DAY, p->day);
    bind_date(st, P_CUT16, minus_years(p->day, CHILD_AGE_LIMIT));
    sqlite3_bind_int64(st, P_VILLAGE, q->village_id);
    db_bind_text(st, P_SEX, enum_code(&enum_child_sex, q->sex));
    if (q->age_from >= 0)
        bind_date(st, P_AGE_FROM, minus_years(p->day, q->age_from));
    if (q->age_to >= 0)
        bind_date(st, P_AGE_TO, minus_years(p->day, q->age_to + 1));
    db_bind_text(st, P_GROUP, q->group);
    for (int i = 0; i < p->nwords; i++)
        db_bind_text(st, P_WORDS + i, p->words[i]);
}

/* Prepares "<head> FROM child c … WHERE … <tail>" and binds q. */
static enum status prepare_stmt(struct db *db, const struct child_query *q, struct prepared *p,
                                const char *head, const char *tail, sqlite3_stmt **st)
{
    enum status rc = prepare_query(db, q, p);
    if (rc != ST_OK)
        return rc;
    struct strbuf sql = STRBUF_INIT;
    bool ok = strbuf_puts(&sql, head) && where_sql(&sql, q, p) && strbuf_puts(&sql, tail);
    rc = ok ? db_prepare(db, strbuf_str(&sql), st) : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sql);
    if (rc == ST_OK)
        bind_query(*st, q, p);
    return rc;
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

enum status child_search_page(struct db *db, const struct child_query *q, size_t offset,
                              size_t limit, struct child_row *rows, size_t *n)
{
    *n = 0;
    struct prepared p;
    sqlite3_stmt *st = NULL;
    char tail[64];
    snprintf(tail, sizeof tail, " ORDER BY c.sort_key, c.search LIMIT ?%d OFFSET ?%d", P_LIMIT, P_OFFSET);
    enum status rc = prepare_stmt(db, q, &p,
        "SELECT c.id, c.code, c.full_name, c.birth_date, c.est_age, c.birth_eff, c.sex, "
        "(SELECT v.name FROM village v WHERE v.id = c.village_id) FROM child c", tail, &st);
    if (rc == ST_OK) {
        sqlite3_bind_int64(st, P_LIMIT, (long long)limit);
        sqlite3_bind_int64(st, P_OFFSET, (long long)offset);
        int step = SQLITE_DONE;
        while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW)
            read_row(st, p.day, &rows[(*n)++]);
        if (*n < limit && step != SQLITE_DONE)
            rc = db_fail(db, _("cannot read the register"));
    }
    sqlite3_finalize(st);
    free(p.fold);
    return rc;
}

enum status child_search_count(struct db *db, const struct child_query *q, long long *n)
{
    *n = 0;
    struct prepared p;
    sqlite3_stmt *st = NULL;
    enum status rc = prepare_stmt(db, q, &p, "SELECT count(*) FROM child c", "", &st);
    if (rc == ST_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            *n = sqlite3_column_int64(st, 0);
        else
            rc = db_fail(db, _("cannot read the register"));
    }
    sqlite3_finalize(st);
    free(p.fold);
    return rc;
}
