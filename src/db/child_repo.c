/* child_repo — the child table. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/child_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/model/child_rules.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTITY "child"
#define META_COLS "c.id, c.uid, c.code, c.rev, c.created_at, c.updated_at, c.village_id"
#define META_N 7

/* The column of field f in the child table. */
static const char *column(enum child_field f)
{
    return f == CF_VILLAGE ? "village_id" : child_fields[f].key;
}

/* SQL texts spelt out from the field table. They never change, so each is
 * built once and kept for the life of the process (an import asks for them
 * once a row; building them costs more than running them). */
static const char *built_sql(char **slot, bool (*build)(struct strbuf *))
{
    if (!*slot) {
        struct strbuf sb = STRBUF_INIT;
        if (build(&sb))
            *slot = strbuf_take(&sb);
        strbuf_free(&sb);
    }
    return *slot;
}

/* "SELECT <meta>, <fields> FROM child c LEFT JOIN village v … " */
static bool build_select(struct strbuf *sql)
{
    bool ok = strbuf_puts(sql, "SELECT " META_COLS);
    for (int f = 0; ok && f < CF__COUNT; f++)
        ok = f == CF_VILLAGE ? strbuf_puts(sql, ", v.name") : strbuf_printf(sql, ", c.%s", column(f));
    return ok && strbuf_puts(sql, " FROM child c LEFT JOIN village v ON v.id = c.village_id ");
}

static bool select_sql(struct strbuf *sql, const char *where)
{
    static char *head;
    const char *h = built_sql(&head, build_select);
    return h && strbuf_puts(sql, h) && strbuf_puts(sql, where);
}

/* The SELECT for a where clause that is a string literal (the memo knows
 * it by its address), built once per literal: the same pointer each time also finds db_prepare_cached()'s
 * statement without comparing the text. NULL: no memory. */
static const char *select_for(const char *where)
{
    static struct { const char *where; char *sql; } memo[8];
    size_t i = 0;
    while (i < sizeof memo / sizeof *memo && memo[i].where && memo[i].where != where)
        i++;
    if (i < sizeof memo / sizeof *memo && memo[i].where)
        return memo[i].sql;
    struct strbuf sb = STRBUF_INIT;
    char *sql = select_sql(&sb, where) ? strbuf_take(&sb) : NULL;
    strbuf_free(&sb);
    if (sql && i < sizeof memo / sizeof *memo) {
        memo[i].where = where;
        memo[i].sql = sql;
    }
    return sql; /* (more clauses than slots would leak: there are five) */
}

static void now_text(char out[20])
{
    struct datetime now = date_now();
    char iso[DATE_BUF];
    date_iso(now.date, iso);
    snprintf(out, 20, "%s %02d:%02d", iso, now.hour, now.min);
}

/* Reads field f from column i of a SELECT built by select_sql(). */
static enum status read_field(sqlite3_stmt *st, int i, enum child_field f, struct child *c)
{
    const struct child_field_def *d = &child_fields[f];
    void *at = (char *)c + d->offset;
    bool null = sqlite3_column_type(st, i) == SQLITE_NULL;
    switch (d->kind) {
    case CFK_DATE:
        *(struct date *)at = (struct date){0, 0, 0};
        if (!null && date_parse(row_str(st, i), at) != ST_OK)
            *(struct date *)at = (struct date){0, 0, 0};
        return ST_OK;
    case CFK_AGE:
    case CFK_BOOL:
        *(int *)at = null ? -1 : sqlite3_column_int(st, i);
        return ST_OK;
    case CFK_ENUM: {
        int v = enum_from_code(d->def, row_str(st, i));
        *(int *)at = v < 0 ? 0 : v;
        return ST_OK;
    }
    default:
        if (!(*(char **)at = strdup(row_str(st, i))))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        return ST_OK;
    }
}

/* Column i into a fixed buffer, cut to fit (an export reads four a row). */
static void copy_col(sqlite3_stmt *st, int i, char *out, size_t size)
{
    const char *s = row_str(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    if (n >= size)
        n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

static enum status read_child(sqlite3_stmt *st, struct child *c)
{
    child_init(c);
    c->id = sqlite3_column_int64(st, 0);
    copy_col(st, 1, c->uid, sizeof c->uid);
    copy_col(st, 2, c->code, sizeof c->code);
    c->rev = sqlite3_column_int64(st, 3);
    copy_col(st, 4, c->created_at, sizeof c->created_at);
    copy_col(st, 5, c->updated_at, sizeof c->updated_at);
    c->village_id = sqlite3_column_int64(st, 6);
    for (int f = 0; f < CF__COUNT; f++) {
        if (read_field(st, META_N + f, f, c) != ST_OK) {
            child_free(c);
            return ST_NOMEM;
        }
    }
    return ST_OK;
}

/* Runs a one-row SELECT with a bound text or integer key. */
static enum status get_where(struct db *db, const char *where, const char *text, long long num,
                             struct child *out, const char *what)
{
    const char *sql = select_for(where);
    sqlite3_stmt *st = NULL;
    enum status rc = sql ? db_prepare_cached(db, sql, &st) : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK)
        rc = row_bind(st, 1, text ? ROW_TEXT(text) : ROW_INT(num));
    if (rc != ST_OK) {
        if (st)
            sqlite3_reset(st);
        return rc;
    }
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        rc = read_child(st, out);
    else if (step == SQLITE_DONE)
        rc = status_set(ST_NOTFOUND, _("no child with %s"), what);
    else
        rc = db_fail(db, _("cannot read the register"));
    sqlite3_reset(st);
    return rc;
}

enum status child_repo_get(struct db *db, long long id, struct child *out)
{
    char what[40];
    snprintf(what, sizeof what, "id %lld", id);
    return get_where(db, "WHERE c.id = ?1", NULL, id, out, what);
}

enum status child_repo_get_by_uid(struct db *db, const char *uid, struct child *out)
{
    return get_where(db, "WHERE c.uid = ?1", uid, 0, out, uid);
}

enum status child_repo_get_by_code(struct db *db, const char *code, struct child *out)
{
    const char *p = code;
    if ((p[0] == 'T' || p[0] == 't') && (p[1] == 'E' || p[1] == 'e'))
        p += 2;
    if (*p == '-' || *p == ' ')
        p++;
    long long num = 0;
    bool digits = *p != '\0';
    for (; *p && digits; p++) {
        digits = isdigit((unsigned char)*p) && num < 100000000;
        num = num * 10 + (*p - '0');
    }
    if (!digits)
        return status_set(ST_NOTFOUND, _("'%s' is not a child code (like TE-0042)"), code);
    return get_where(db, "WHERE c.code_num = ?1", NULL, num, out, code);
}

enum status child_repo_each(struct db *db, child_repo_each_fn fn, void *ctx)
{
    struct strbuf sql = STRBUF_INIT;
    sqlite3_stmt *st = NULL;
    enum status rc = select_sql(&sql, "ORDER BY c.id") ? db_prepare(db, strbuf_str(&sql), &st)
                                                       : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sql);
    while (rc == ST_OK && row_next(db, st, &rc)) {
        struct child c;
        if ((rc = read_child(st, &c)) != ST_OK)
            break;
        rc = fn(&c, ctx);
        child_free(&c);
    }
    sqlite3_finalize(st);
    return rc;
}

enum status child_repo_total(struct db *db, long long *n)
{
    return db_query_int(db, "SELECT count(*) FROM child", NULL, n);
}

/* ----------------------------------------------------------------- writes */

/* The stored value of field f of c. */
static struct row_arg field_arg(const struct child *c, enum child_field f)
{
    const struct child_field_def *d = &child_fields[f];
    const void *at = (const char *)c + d->offset;
    if (d->kind == CFK_VILLAGE)
        return ROW_ID(c->village_id);
    if (d->kind == CFK_AGE || d->kind == CFK_BOOL)
        return *(const int *)at < 0 ? ROW_NULL : ROW_INT(*(const int *)at);
    if (d->kind == CFK_DATE)
        return ROW_DATE(*(const struct date *)at);
    if (d->kind == CFK_ENUM)
        return ROW_TEXT(enum_code(d->def, *(const int *)at));
    const char *text = *(char *const *)at;
    return ROW_TEXT(text ? text : "");
}

static enum status bind_fields(sqlite3_stmt *st, int first, const struct child *c)
{
    enum status rc = ST_OK;
    for (int f = 0; rc == ST_OK && f < CF__COUNT; f++)
        rc = row_bind(st, first + f, field_arg(c, f));
    return rc;
}

static bool append_fold(struct strbuf *sb, const char *s)
{
    if (!s || !*s)
        return true;
    char *fold = utf8_fold(s);
    bool ok = fold && (sb->len == 0 || strbuf_puts(sb, " ")) && strbuf_puts(sb, fold);
    free(fold);
    return ok;
}

char *child_repo_search_text(const struct child *c)
{
    const char *parts[] = {c->full_name, c->code, c->personal_id, c->father_name,
                           c->mother_name, c->carer_name, c->father_phone, c->mother_phone,
                           c->carer_phone, c->village};
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!append_fold(&sb, parts[i])) {
            strbuf_free(&sb);
            return NULL;
        }
    }
    char *text = strbuf_take(&sb);
    return text ? text : strdup("");
}

/* Binds name_fold, sort_key, birth_eff, search at first..first+3. */
static enum status bind_derived(sqlite3_stmt *st, int first, const struct child *c)
{
    char *fold = utf8_fold(c->full_name ? c->full_name : "");
    char *search = child_repo_search_text(c);
    struct strbuf key = STRBUF_INIT;
    if (!fold || !search) {
        free(fold);
        free(search);
        return status_set(ST_INVALID, "%s", _("full name: the text is not valid UTF-8"));
    }
    const char *given = strrchr(fold, ' ');
    strbuf_printf(&key, "%s %s", given ? given + 1 : fold, fold);
    enum status rc = row_bind(st, first, ROW_TEXT(fold), ROW_TEXT(strbuf_str(&key)),
                              ROW_DATE(child_birth_eff(c)), ROW_TEXT(search));
    free(fold);
    free(search);
    strbuf_free(&key);
    return rc;
}

/* Makes c->village the name of c->village_id ("" for none). */
static enum status refresh_village(struct db *db, struct child *c)
{
    char *name = NULL;
    if (c->village_id) {
        sqlite3_stmt *st;
        enum status rc = row_prepare_cached(db, "SELECT name FROM village WHERE id = ?1", &st,
                                            ROW_INT(c->village_id));
        if (rc != ST_OK)
            return rc;
        if (row_next(db, st, &rc))
            name = strdup(row_str(st, 0));
        else if (rc == ST_OK)
            rc = status_set(ST_INVALID, _("village: no village with number %lld"), c->village_id);
        sqlite3_reset(st);
        if (rc != ST_OK)
            return rc;
    } else {
        name = strdup("");
    }
    if (!name)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(c->village);
    c->village = name;
    return ST_OK;
}

static bool build_insert(struct strbuf *sql)
{
    bool ok = strbuf_puts(sql, "INSERT INTO child(uid, code_num, code, created_at, updated_at, "
                               "name_fold, sort_key, birth_eff, search");
    for (int f = 0; ok && f < CF__COUNT; f++)
        ok = strbuf_printf(sql, ", %s", column(f));
    ok = ok && strbuf_puts(sql, ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9");
    for (int f = 0; ok && f < CF__COUNT; f++)
        ok = strbuf_printf(sql, ", ?%d", 10 + f);
    return ok && strbuf_puts(sql, ")");
}

static enum status prepare_insert(struct db *db, sqlite3_stmt **st)
{
    static char *insert_text;
    const char *sql = built_sql(&insert_text, build_insert);
    return sql ? db_prepare_cached(db, sql, st) : status_set(ST_NOMEM, "%s", _("out of memory"));
}

/* The next child code number: codes are never reused, even after a
 * delete (the last one handed out is kept in the settings). */
enum status child_repo_next_code(struct db *db, long long *num)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db, "SELECT max(coalesce((SELECT max(code_num) FROM child), 0), "
        "coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'child_code_last'), 0)) + 1", &st);
    if (rc != ST_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *num = sqlite3_column_int64(st, 0);
    else
        rc = db_fail(db, _("database"));
    sqlite3_reset(st);
    return rc;
}

static enum status step_write(struct db *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return ST_OK;
    if ((sqlite3_extended_errcode(db->sql) & 0xff) == SQLITE_CONSTRAINT)
        return status_set(ST_EXISTS, _("cannot save the child: %s"), sqlite3_errmsg(db->sql));
    return db_fail(db, _("cannot save the child"));
}

enum status child_repo_insert_numbered(struct db *db, struct child *c, long long num,
                                      const char *updated, bool audit)
{
    snprintf(c->code, sizeof c->code, "TE-%04lld", num);
    now_text(c->created_at);
    snprintf(c->updated_at, sizeof c->updated_at, "%s", updated && *updated ? updated : c->created_at);
    sqlite3_stmt *st = NULL;
    enum status rc = prepare_insert(db, &st);
    if (rc != ST_OK)
        return rc;
    rc = row_bind(st, 1, ROW_TEXT(c->uid), ROW_INT(num), ROW_TEXT(c->code), ROW_TEXT(c->created_at),
                  ROW_TEXT(c->updated_at));
    if (rc == ST_OK)
        rc = bind_derived(st, 6, c);
    if (rc == ST_OK)
        rc = bind_fields(st, 10, c);
    if (rc == ST_OK)
        rc = step_write(db, st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != ST_OK)
        return rc;
    c->id = sqlite3_last_insert_rowid(db->sql);
    c->rev = 1;
    return audit ? audit_record(db, AUDIT_CREATE, ENTITY, c->uid, NULL, NULL, c->code) : ST_OK;
}

enum status child_repo_insert(struct db *db, struct child *c)
{
    long long num = 0;
    enum status rc = refresh_village(db, c);
    if (rc == ST_OK)
        rc = child_repo_next_code(db, &num);
    char last[24];
    snprintf(last, sizeof last, "%lld", num);
    if (rc == ST_OK)
        rc = db_setting_set(db, "child_code_last", last);
    return rc == ST_OK ? child_repo_insert_numbered(db, c, num, NULL, true) : rc;
}

static bool build_update(struct strbuf *sql)
{
    bool ok = strbuf_puts(sql, "UPDATE child SET rev = rev + 1, updated_at = ?1, name_fold = ?2, "
                               "sort_key = ?3, birth_eff = ?4, search = ?5");
    for (int f = 0; ok && f < CF__COUNT; f++)
        ok = strbuf_printf(sql, ", %s = ?%d", column(f), 8 + f);
    return ok && strbuf_puts(sql, " WHERE id = ?6 AND rev = ?7");
}

/* One "change" audit line per field whose stored text differs. */
static enum status audit_changes(struct db *db, const struct child *old, const struct child *c)
{
    enum status rc = ST_OK;
    for (int f = 0; rc == ST_OK && f < CF__COUNT; f++) {
        struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
        if (child_field_text(old, f, CHILD_FMT_STORE, &a) && child_field_text(c, f, CHILD_FMT_STORE, &b))
            rc = audit_field(db, ENTITY, c->uid, child_fields[f].key, strbuf_str(&a), strbuf_str(&b));
        else
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
        strbuf_free(&a);
        strbuf_free(&b);
    }
    return rc;
}

enum status child_repo_update(struct db *db, const struct child *old, struct child *c)
{
    enum status rc = refresh_village(db, c);
    if (rc != ST_OK)
        return rc;
    char now[20];
    now_text(now);
    static char *update_text;
    const char *sql = built_sql(&update_text, build_update);
    sqlite3_stmt *st = NULL;
    rc = sql ? db_prepare_cached(db, sql, &st) : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc != ST_OK)
        return rc;
    rc = row_bind(st, 1, ROW_TEXT(now));
    if (rc == ST_OK)
        rc = bind_derived(st, 2, c);
    if (rc == ST_OK)
        rc = row_bind(st, 6, ROW_INT(c->id), ROW_INT(c->rev));
    if (rc == ST_OK)
        rc = bind_fields(st, 8, c);
    if (rc == ST_OK)
        rc = step_write(db, st);
    sqlite3_reset(st);
    if (rc == ST_OK && sqlite3_changes(db->sql) == 0)
        rc = status_set(ST_CONFLICT, _("%s was changed or deleted by someone else meanwhile; open it again"),
                        c->code);
    if (rc != ST_OK)
        return rc;
    c->rev++;
    memcpy(c->updated_at, now, sizeof now);
    return audit_changes(db, old, c);
}

/* Appends to what every field of c as stored ("; key=value") and how many
 * rows of its facts the deletion takes with it. */
static enum status deleted_whole(struct db *db, const struct child *c, struct strbuf *what)
{
    struct strbuf v = STRBUF_INIT;
    for (int f = 0; f < CF__COUNT; f++) {
        strbuf_reset(&v);
        if (!child_field_text(c, (enum child_field)f, CHILD_FMT_STORE, &v)) {
            strbuf_free(&v);
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        }
        if (v.len)
            strbuf_printf(what, "; %s=%s", child_fields[f].key, strbuf_str(&v));
    }
    strbuf_free(&v);
    static const char *const facts[][2] = {
        {"periods", "SELECT count(*) FROM child_sc_period WHERE child_id = ?1"},
        {"measures", "SELECT count(*) FROM child_measure WHERE child_id = ?1"},
        {"health checks", "SELECT count(*) FROM child_health_check WHERE child_id = ?1"},
        {"risk periods", "SELECT count(*) FROM child_risk_period WHERE child_id = ?1"},
        {"help", "SELECT count(*) FROM child_help WHERE child_id = ?1"},
    };
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < sizeof facts / sizeof *facts; i++) {
        long long n = 0;
        rc = row_query_int(db, facts[i][1], &n, ROW_INT(c->id));
        if (rc == ST_OK && n)
            strbuf_printf(what, "; %s: %lld", facts[i][0], n);
    }
    return rc;
}

enum status child_repo_dependents(struct db *db, long long id, long long *facts,
                                  long long *cases)
{
    *facts = *cases = 0;
    enum status rc = row_query_int(db,
        "SELECT (SELECT count(*) FROM child_sc_period WHERE child_id = ?1) + "
        "(SELECT count(*) FROM child_measure WHERE child_id = ?1) + "
        "(SELECT count(*) FROM child_health_check WHERE child_id = ?1) + "
        "(SELECT count(*) FROM child_risk_period WHERE child_id = ?1) + "
        "(SELECT count(*) FROM child_help WHERE child_id = ?1)", facts, ROW_INT(id));
    if (rc == ST_OK)
        rc = row_query_int(db, "SELECT count(*) FROM case_file WHERE child_id = ?1", cases, ROW_INT(id));
    return rc;
}

enum status child_repo_delete(struct db *db, long long id)
{
    struct child old;
    enum status rc = child_repo_get(db, id, &old);
    if (rc != ST_OK)
        return rc;
    struct strbuf what = STRBUF_INIT;
    strbuf_printf(&what, "%s %s ", old.code, old.full_name);
    child_field_text(&old, old.birth_date.y ? CF_BIRTH_DATE : CF_EST_AGE, CHILD_FMT_SHOW, &what);
    rc = deleted_whole(db, &old, &what); /* nothing is lost: the whole record */
    if (rc != ST_OK) {
        strbuf_free(&what);
        child_free(&old);
        return rc;
    }
    rc = row_exec_id(db, "DELETE FROM child WHERE id = ?1", id, _("cannot delete the child"));
    if (rc == ST_OK)
        rc = audit_record(db, AUDIT_DELETE, ENTITY, old.uid, NULL, strbuf_str(&what), NULL);
    strbuf_free(&what);
    child_free(&old);
    return rc;
}

enum status child_repo_similar(struct db *db, const struct child *c, size_t max,
                               struct child **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    char *fold = utf8_fold(c->full_name ? c->full_name : "");
    if (!fold)
        return status_set(ST_INVALID, "%s", _("full name: the text is not valid UTF-8"));
    sqlite3_stmt *st = NULL;
    /* Only records that can be likely duplicates (child_dup_score): the same
     * ID, or the same name with a birth within a year — so a common name
     * borne by many children neither slows the check down nor pushes the
     * real match past the limit. Without an ID the query has no OR, so the
     * name index alone serves it, in id order, with no sort (an import asks
     * once a row). "personal_id <> ''" spelt out so the partial index serves
     * the ID branch. */
    bool pid = c->personal_id && *c->personal_id;
    const char *text = select_for(pid ? "WHERE c.id <> ?1 AND ((c.name_fold = ?2 AND c.birth_eff BETWEEN ?5 AND ?6) "
                                        "OR (c.personal_id = ?3 AND c.personal_id <> '')) ORDER BY c.id LIMIT ?4"
                                      : "WHERE c.name_fold = ?2 AND c.birth_eff BETWEEN ?5 AND ?6 AND c.id <> ?1 "
                                        "ORDER BY c.id LIMIT ?4");
    enum status rc = text ? db_prepare_cached(db, text, &st) : status_set(ST_NOMEM, "%s", _("out of memory"));
    struct child *list = rc == ST_OK && max ? calloc(max, sizeof *list) : NULL;
    if (rc == ST_OK && max && !list)
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    struct date eff = child_birth_eff(c);
    if (rc == ST_OK) /* no birth date: NULL bounds, only the ID can match */
        rc = row_bind(st, 1, ROW_INT(c->id), ROW_TEXT(fold), ROW_TEXT(pid ? c->personal_id : NULL),
                      ROW_INT((long long)max),
                      eff.y ? ROW_DATE(date_add_days(eff, -366)) : ROW_NULL,
                      eff.y ? ROW_DATE(date_add_days(eff, 366)) : ROW_NULL);
    if (rc == ST_OK) {
        while (rc == ST_OK && *n < max && row_next(db, st, &rc))
            if ((rc = read_child(st, &list[*n])) == ST_OK)
                (*n)++;
    }
    if (st)
        sqlite3_reset(st);
    free(fold);
    *out = list;
    return rc;
}
