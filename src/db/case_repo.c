/* case_repo — the case_file table. */
#include <config.h>
#include "treem/db/case_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CASE_SELECT "SELECT id, uid, code, rev, source, received_at, child_id, child_note, " \
    "est_age, sex, place, current_state, consequence, parents, carer, actions_taken, kind, " \
    "injury_cause, died, level, reporter_consent, reporter_name, reporter_phone, " \
    "reporter_address, stage, created_at, updated_at, level_reason FROM case_file "

/* Shown in the audit log instead of the reporter's identity (Nghị định 56/2017 Điều 24). */
#define HIDDEN "(confidential)"

void case_filter_init(struct case_filter *f)
{
    memset(f, 0, sizeof *f);
    f->stage = f->kind = -1;
}

static void id_text(long long id, char buf[24])
{
    snprintf(buf, 24, "%lld", id);
}

static void now_text(char buf[20])
{
    char t[DATETIME_BUF];
    case_datetime_iso(date_now(), t);
    snprintf(buf, 20, "%s", t);
}

static bool read_case(sqlite3_stmt *st, struct case_file *c)
{
    bool ok = true;
    case_file_init(c);
    c->id = sqlite3_column_int64(st, 0);
    row_copy_text(st, 1, c->uid, sizeof c->uid);
    row_copy_text(st, 2, c->code, sizeof c->code);
    c->rev = sqlite3_column_int64(st, 3);
    c->source = enum_from_code(&enum_case_source, (const char *)sqlite3_column_text(st, 4));
    case_datetime_from_iso((const char *)sqlite3_column_text(st, 5), &c->received);
    c->child_id = sqlite3_column_int64(st, 6);
    c->child_note = row_text(st, 7, true, &ok);
    c->est_age = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 8);
    c->sex = enum_from_code(&enum_child_sex, (const char *)sqlite3_column_text(st, 9));
    char **texts[] = {&c->place, &c->current_state, &c->consequence, &c->parents, &c->carer,
                      &c->actions_taken};
    for (int i = 0; i < 6; i++)
        *texts[i] = row_text(st, 10 + i, true, &ok);
    c->kind = enum_from_code(&enum_case_kind, (const char *)sqlite3_column_text(st, 16));
    c->injury = enum_from_code(&enum_case_injury, (const char *)sqlite3_column_text(st, 17));
    c->died = sqlite3_column_int(st, 18) != 0;
    c->level = enum_from_code(&enum_case_level, (const char *)sqlite3_column_text(st, 19));
    c->consent = sqlite3_column_int(st, 20) != 0;
    c->reporter_name = row_text(st, 21, false, &ok);
    c->reporter_phone = row_text(st, 22, false, &ok);
    c->reporter_address = row_text(st, 23, false, &ok);
    c->stage = enum_from_code(&enum_case_stage, (const char *)sqlite3_column_text(st, 24));
    row_copy_text(st, 25, c->created_at, sizeof c->created_at);
    row_copy_text(st, 26, c->updated_at, sizeof c->updated_at);
    c->level_reason = row_text(st, 27, true, &ok);
    return ok;
}

static bool read_case_row(sqlite3_stmt *st, void *elem) { return read_case(st, elem); }

static enum status get_where(struct db *db, const char *where, long long key,
                             struct case_file *out, const char *what)
{
    struct strbuf sql = STRBUF_INIT;
    sqlite3_stmt *st = NULL;
    enum status rc = strbuf_printf(&sql, "%s%s", CASE_SELECT, where)
                     ? row_prepare(db, strbuf_str(&sql), &st, ROW_INT(key))
                     : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sql);
    if (rc != ST_OK)
        return rc;
    rc = row_one(db, st, out, read_case_row, NULL, _("cannot read the case"));
    if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND, _("there is no case %s"), what);
    return rc;
}

enum status case_repo_get(struct db *db, long long id, struct case_file *out)
{
    char what[24];
    id_text(id, what);
    return get_where(db, "WHERE id = ?1", id, out, what);
}

enum status case_repo_get_by_code(struct db *db, const char *code, struct case_file *out)
{
    const char *p = code ? code : "";
    if ((p[0] == 'V' || p[0] == 'v') && (p[1] == 'V' || p[1] == 'v'))
        p += 2 + (p[2] == '-');
    long long num = 0;
    if (strspn(p, "0123456789") != strlen(p) || number_parse_int(p, NUM_INT, &num) != ST_OK ||
        num <= 0)
        return status_set(ST_NOTFOUND, _("'%s' is not a case code (like VV-0007)"), code);
    return get_where(db, "WHERE code_num = ?1", num, out, code);
}

/* The search text into *out (malloc'd): code, the child's code, place and
 * kind (never names). A child that is gone adds no code. */
static enum status search_text(struct db *db, const struct case_file *c, char **out)
{
    char *child_code = NULL;
    enum status rc = c->child_id ? row_text_id(db, "SELECT code FROM child WHERE id = ?1",
                                               c->child_id, &child_code,
                                               _("cannot read the register"))
                                 : ST_OK;
    *out = NULL;
    if (rc == ST_NOTFOUND)
        rc = ST_OK;
    if (rc != ST_OK)
        return rc;
    struct strbuf sb = STRBUF_INIT;
    bool ok = strbuf_printf(&sb, "%s %s %s %s %s", c->code, child_code ? child_code : "",
                            c->place ? c->place : "", enum_code(&enum_case_kind, c->kind),
                            _(enum_case_kind.items[c->kind].label));
    *out = ok ? utf8_fold(strbuf_str(&sb)) : NULL;
    strbuf_free(&sb);
    free(child_code);
    return *out ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

/* ?1 … ?22: every stored field, the search text and updated_at; ?26 the
 * reason for the level. */
static enum status bind_case(struct db *db, sqlite3_stmt *st, const struct case_file *c)
{
    char when[DATETIME_BUF];
    case_datetime_iso(c->received, when);
    enum status rc = row_bind(st, 1, ROW_TEXT(enum_code(&enum_case_source, c->source)),
        ROW_TEXT(when), ROW_ID(c->child_id),
        ROW_NFC(_("child (unidentified)"), nz(c->child_note)),
        c->est_age >= 0 ? ROW_INT(c->est_age) : ROW_NULL,
        ROW_TEXT(enum_code(&enum_child_sex, c->sex)), ROW_NFC(_("place"), nz(c->place)),
        ROW_NFC(_("current state"), nz(c->current_state)),
        ROW_NFC(_("likely consequence"), nz(c->consequence)), ROW_NFC(_("parents"), nz(c->parents)),
        ROW_NFC(_("carer"), nz(c->carer)), ROW_NFC(_("actions already taken"), nz(c->actions_taken)),
        ROW_TEXT(enum_code(&enum_case_kind, c->kind)), ROW_TEXT(enum_code(&enum_case_injury, c->injury)),
        ROW_INT(c->died), ROW_TEXT(enum_code(&enum_case_level, c->level)), ROW_INT(c->consent),
        ROW_NFC(_("reporter's name"), c->consent ? c->reporter_name : NULL),
        ROW_NFC(_("reporter's phone"), c->consent ? c->reporter_phone : NULL),
        ROW_NFC(_("reporter's address"), c->consent ? c->reporter_address : NULL));
    if (rc == ST_OK)
        rc = row_bind(st, 26, ROW_NFC(_("reason for the level"), nz(c->level_reason)));
    char *search = NULL;
    if (rc == ST_OK)
        rc = search_text(db, c, &search);
    if (rc == ST_OK)
        rc = row_bind(st, 21, ROW_TEXT(search), ROW_TEXT(c->updated_at));
    free(search);
    return rc;
}

/* Runs the write sql of c (bind_case) with the n args from ?23 on. */
static enum status write_case(struct db *db, const char *sql, const struct case_file *c,
                              const struct row_arg *args, size_t n)
{
    sqlite3_stmt *st = NULL;
    enum status rc = db_prepare(db, sql, &st);
    if (rc != ST_OK)
        return rc;
    rc = bind_case(db, st, c);
    if (rc == ST_OK)
        rc = row_bind_args(st, 23, args, n);
    if (rc == ST_OK && sqlite3_step(st) != SQLITE_DONE) {
        if ((sqlite3_extended_errcode(db->sql) & 0xff) == SQLITE_CONSTRAINT)
            rc = status_set(ST_EXISTS, _("cannot save the case: %s"), sqlite3_errmsg(db->sql));
        else
            rc = db_fail(db, _("cannot save the case"));
    }
    sqlite3_finalize(st);
    return rc;
}

#define CASE_COLS "source, received_at, child_id, child_note, est_age, sex, place, " \
    "current_state, consequence, parents, carer, actions_taken, kind, injury_cause, died, " \
    "level, reporter_consent, reporter_name, reporter_phone, reporter_address, search, updated_at, " \
    "level_reason"

enum status case_repo_insert(struct db *db, struct case_file *c)
{
    long long num = 0;
    /* Codes are never reused, even after a delete (kept in the settings). */
    enum status rc = db_query_int(db, "SELECT max(coalesce((SELECT max(code_num) FROM case_file), 0), "
                                  "coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?1), 0)) + 1",
                                  "case_code_last", &num);
    char last[24];
    id_text(num, last);
    if (rc == ST_OK)
        rc = db_setting_set(db, "case_code_last", last);
    if (rc != ST_OK)
        return rc;
    snprintf(c->code, sizeof c->code, "VV-%04lld", num);
    now_text(c->created_at);
    memcpy(c->updated_at, c->created_at, sizeof c->updated_at);
    rc = write_case(db, "INSERT INTO case_file(" CASE_COLS ", uid, code_num, code, created_at, "
                    "stage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                    "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?26, ?23, ?24, ?25, ?22, 'intake')", c,
                    ROW_ARGS(ROW_TEXT(c->uid), ROW_INT(num), ROW_TEXT(c->code)));
    if (rc != ST_OK)
        return rc;
    c->id = sqlite3_last_insert_rowid(db->sql);
    c->rev = 1;
    c->stage = CASE_STAGE_INTAKE;
    return audit_record_id(db, AUDIT_CREATE, "case", c->id, NULL, NULL, c->code);
}

/* The audited fields of c as stored text (the reporter's as HIDDEN). */
struct case_texts { const char *v[17]; char when[DATETIME_BUF], child[24], age[8]; };
static const char *const audit_keys[17] = {
    "source", "received_at", "child_id", "child_note", "est_age", "sex", "place", "current_state",
    "consequence", "parents", "carer", "actions_taken", "kind", "injury_cause", "died", "level",
    "reporter",
};

static void case_texts(const struct case_file *c, struct case_texts *t)
{
    case_datetime_iso(c->received, t->when);
    id_text(c->child_id, t->child);
    snprintf(t->age, sizeof t->age, "%d", c->est_age);
    const char *v[17] = {
        enum_code(&enum_case_source, c->source), t->when, c->child_id ? t->child : "",
        c->child_note, c->est_age >= 0 ? t->age : "", enum_code(&enum_child_sex, c->sex),
        c->place, c->current_state, c->consequence, c->parents, c->carer, c->actions_taken,
        enum_code(&enum_case_kind, c->kind), enum_code(&enum_case_injury, c->injury),
        c->died ? "1" : "0", enum_code(&enum_case_level, c->level), c->consent ? HIDDEN : "",
    };
    memcpy(t->v, v, sizeof v);
}

enum status case_repo_update(struct db *db, const struct case_file *old,
                             struct case_file *c)
{
    now_text(c->updated_at);
    enum status rc = write_case(db, "UPDATE case_file SET (" CASE_COLS ") = (?1, ?2, ?3, ?4, ?5, "
                                "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                                "?20, ?21, ?22, ?26), rev = rev + 1 WHERE id = ?23 AND rev = ?24", c,
                                ROW_ARGS(ROW_INT(c->id), ROW_INT(c->rev)));
    if (rc == ST_OK && sqlite3_changes(db->sql) == 0)
        rc = status_set(ST_CONFLICT, _("case %s was changed meanwhile: open it again"), c->code);
    if (rc != ST_OK)
        return rc;
    c->rev++;
    struct case_texts a, b;
    case_texts(old, &a);
    case_texts(c, &b);
    const char *f[17][3];
    for (int i = 0; i < 17; i++) {
        f[i][0] = audit_keys[i];
        f[i][1] = a.v[i];
        f[i][2] = b.v[i];
    }
    return audit_fields_id(db, "case", c->id, (const char *const (*)[3])f, 17);
}

enum status case_repo_delete(struct db *db, long long id)
{
    struct case_file c;
    enum status rc = case_repo_get(db, id, &c);
    if (rc != ST_OK)
        return rc;
    char when[DATETIME_BUF], what[160];
    case_datetime_iso(c.received, when);
    snprintf(what, sizeof what, "%s %s %s", c.code, enum_code(&enum_case_kind, c.kind), when);
    case_file_free(&c);
    rc = row_exec_id(db, "DELETE FROM case_file WHERE id = ?1", id, _("cannot delete the case"));
    return rc == ST_OK ? audit_record_id(db, AUDIT_DELETE, "case", id, NULL, what, NULL) : rc;
}

enum status case_repo_set_stage(struct db *db, long long id, int stage)
{
    char key[24];
    id_text(id, key);
    char *old = NULL;
    enum status rc = row_text_id(db, "SELECT stage FROM case_file WHERE id = ?1", id, &old,
                                 _("cannot read the database"));
    if (rc == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, _("there is no case %s"), key);
    if (rc != ST_OK)
        return rc;
    const char *code = enum_code(&enum_case_stage, stage);
    if (strcmp(old, code) != 0) {
        rc = row_exec(db, "UPDATE case_file SET stage = ?1 WHERE id = ?2", _("cannot save the case"),
                      ROW_TEXT(code), ROW_INT(id));
        if (rc == ST_OK)
            rc = audit_field(db, "case", key, "stage", old, code);
    }
    free(old);
    return rc;
}

/* WHERE clause of f; the search words are bound from ?4 on. */
static bool list_sql(struct strbuf *sql, const struct case_filter *f, char **words, int nwords)
{
    bool ok = strbuf_puts(sql, "SELECT f.id, f.code, f.received_at, f.child_id, "
                               "coalesce(ch.code, ''), coalesce(ch.full_name, f.child_note), f.kind, "
                               "f.injury_cause, f.level, f.stage FROM case_file f "
                               "LEFT JOIN child ch ON ch.id = f.child_id "
                               "WHERE (?1 IS NULL OR f.stage = ?1) AND (?2 IS NULL OR f.kind = ?2) "
                               "AND (?3 = 0 OR f.child_id = ?3)");
    if (f->open_only)
        ok = ok && strbuf_puts(sql, " AND f.stage <> 'closed'");
    for (int i = 0; ok && i < nwords; i++)
        ok = strbuf_printf(sql, " AND instr(f.search, ?%d) > 0", 4 + i);
    if (f->created_by) /* ?20: after the search words (at most 8) */
        ok = ok && strbuf_puts(sql, " AND f.created_by = ?20");
    (void)words;
    return ok && strbuf_puts(sql, " ORDER BY f.received_at DESC, f.id DESC");
}

/* Splits the folded search text into words (in place; at most max). */
static int split_words(char *fold, char **words, int max)
{
    int n = 0;
    for (char *tok = strtok(fold, " \t"); tok && n < max; tok = strtok(NULL, " \t"))
        words[n++] = tok;
    return n;
}

static void clear_row(void *elem)
{
    (void)elem;
}

static bool read_row(sqlite3_stmt *st, void *elem)
{
    struct case_row *r = elem;
    r->id = sqlite3_column_int64(st, 0);
    row_copy_text(st, 1, r->code, sizeof r->code);
    case_datetime_from_iso((const char *)sqlite3_column_text(st, 2), &r->received);
    r->child_id = sqlite3_column_int64(st, 3);
    row_copy_text(st, 4, r->child_code, sizeof r->child_code);
    row_copy_text(st, 5, r->child_name, sizeof r->child_name);
    r->kind = enum_from_code(&enum_case_kind, (const char *)sqlite3_column_text(st, 6));
    r->injury = enum_from_code(&enum_case_injury, (const char *)sqlite3_column_text(st, 7));
    r->level = enum_from_code(&enum_case_level, (const char *)sqlite3_column_text(st, 8));
    r->stage = enum_from_code(&enum_case_stage, (const char *)sqlite3_column_text(st, 9));
    return true;
}

enum status case_repo_list(struct db *db, const struct case_filter *f, struct case_row **out,
                           size_t *n)
{
    *out = NULL;
    *n = 0;
    char *fold = utf8_fold(f->search ? f->search : "");
    if (!fold)
        return status_set(ST_INVALID, "%s", _("search: the text is not valid UTF-8"));
    char *words[8];
    int nwords = split_words(fold, words, 8);
    struct strbuf sql = STRBUF_INIT;
    sqlite3_stmt *st = NULL;
    enum status rc = list_sql(&sql, f, words, nwords) ? db_prepare(db, strbuf_str(&sql), &st)
                                                       : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sql);
    if (rc == ST_OK)
        rc = row_bind(st, 1, ROW_TEXT(f->stage >= 0 ? enum_code(&enum_case_stage, f->stage) : NULL),
                      ROW_TEXT(f->kind >= 0 ? enum_code(&enum_case_kind, f->kind) : NULL),
                      ROW_INT(f->child_id));
    for (int i = 0; rc == ST_OK && i < nwords; i++)
        rc = row_bind(st, 4 + i, ROW_TEXT(words[i]));
    if (rc == ST_OK && f->created_by)
        rc = row_bind(st, 20, ROW_TEXT(f->created_by));
    if (rc == ST_OK)
        rc = row_collect(db, st, sizeof **out, read_row, clear_row, (void **)out, n);
    else if (st)
        sqlite3_finalize(st);
    free(fold);
    return rc;
}

enum status case_repo_count(struct db *db, bool open_only, long long *n)
{
    if (open_only)
        return db_query_int(db, "SELECT count(*) FROM case_file WHERE stage <> ?1", "closed", n);
    return db_query_int(db, "SELECT count(*) FROM case_file", NULL, n);
}

enum status case_repo_id_by_uid(struct db *db, const char *uid, long long *id)
{
    return db_query_int(db, "SELECT id FROM case_file WHERE uid = ?1", uid, id);
}
