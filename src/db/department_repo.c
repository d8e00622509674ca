/* department_repo — the department table. */
#include <config.h>
#include "treem/db/department_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/model/task.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEPT_SELECT "SELECT id, code, name, contact, phone, criteria, active FROM department "

static bool read_dept(sqlite3_stmt *st, struct department *d)
{
    bool ok = true;
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(st, 0);
    d->code = row_text(st, 1, false, &ok);
    d->name = row_text(st, 2, true, &ok);
    d->contact = row_text(st, 3, true, &ok);
    d->phone = row_text(st, 4, true, &ok);
    d->criteria = row_text(st, 5, true, &ok);
    d->active = sqlite3_column_int(st, 6) != 0;
    return ok;
}

static bool read_dept_row(sqlite3_stmt *st, void *elem) { return read_dept(st, elem); }
static void department_clear_row(void *elem) { department_clear(elem); }

enum status department_repo_list(struct db *db, bool with_inactive, struct department **out,
                                 size_t *n)
{
    return row_list_id(db, DEPT_SELECT "WHERE ?1 OR active = 1 ORDER BY id", with_inactive,
                       sizeof **out, read_dept_row, department_clear_row, (void **)out, n);
}

enum status department_repo_get(struct db *db, long long id, struct department *out)
{
    enum status rc = row_get_id(db, DEPT_SELECT "WHERE id = ?1", id, out, sizeof *out,
                                read_dept_row, department_clear_row, _("database"));
    if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND, _("%s: there is no department %lld"), _("department"), id);
    return rc;
}

/* True when a word of the folded text starts with the len bytes of w; a
 * word starts after anything that is not a letter or digit ("(mam" holds
 * the word "mam"). */
static bool has_word_prefix(const char *text, const char *w, size_t len)
{
    for (size_t i = 0; text[i]; i++) {
        bool start = i == 0 || !isalnum((unsigned char)text[i - 1]);
        if (start && strncmp(text + i, w, len) == 0)
            return true;
    }
    return false;
}

/* True when each word of the folded query begins a word of the name
 * ("cong an" finds "Công an xã", not "Công đoàn"). */
static bool words_in(const char *query_fold, const char *name)
{
    char *fold = utf8_fold(name);
    bool all = fold != NULL;
    for (const char *p = query_fold; all && *p;) {
        size_t len = strcspn(p, " ");
        all = has_word_prefix(fold, p, len);
        p += len;
        p += strspn(p, " ");
    }
    free(fold);
    return all;
}

/* Picks the single department whose name holds the words of key. */
static enum status find_by_words(struct department *list, size_t n, const char *key,
                                 struct department *out)
{
    char *q = utf8_fold(key);
    if (!q)
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), _("department"));
    size_t found = n, count = 0;
    struct strbuf names = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (!*q || !words_in(q, list[i].name))
            continue;
        /* An exact name wins over the names that merely contain it. */
        char *f = utf8_fold(list[i].name);
        bool exact = f && strcmp(f, q) == 0;
        free(f);
        if (exact) {
            found = i;
            count = 1;
            break;
        }
        found = i;
        count++;
        strbuf_printf(&names, "%s%s", names.len ? "; " : "", list[i].name);
    }
    free(q);
    enum status rc = ST_OK;
    if (count == 0)
        rc = status_set(ST_NOTFOUND, _("%s: no department matches '%s' (see: treem dept list)"),
                        _("department"), key);
    else if (count > 1)
        rc = status_set(ST_INVALID, _("%s: '%s' matches several departments: %s"),
                        _("department"), key, strbuf_str(&names));
    strbuf_free(&names);
    if (rc == ST_OK) {
        *out = list[found];
        memset(&list[found], 0, sizeof list[found]);
    }
    return rc;
}

enum status department_repo_find(struct db *db, const char *key, struct department *out)
{
    memset(out, 0, sizeof *out);
    long long id = 0;
    if (key && number_parse_int(key, NUM_INT, &id) == ST_OK && id > 0)
        return department_repo_get(db, id, out);
    struct department *list;
    size_t n;
    enum status rc = department_repo_list(db, true, &list, &n);
    if (rc != ST_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (list[i].code && key && strcmp(list[i].code, key) == 0) {
            *out = list[i];
            memset(&list[i], 0, sizeof list[i]);
            department_list_free(list, n);
            return ST_OK;
        }
    }
    rc = find_by_words(list, n, key ? key : "", out);
    department_list_free(list, n);
    return rc;
}

/* Runs the write sql of d with ?1 name, ?2 contact, ?3 phone, ?4 criteria
 * (normalised: crit), ?5 active and ?6 key (the code of a new department,
 * NULL for none; the id of a stored one). */
static enum status write_dept(struct db *db, const char *sql, const struct department *d,
                              const char *crit, struct row_arg key)
{
    return row_exec(db, sql, _("cannot save the department"),
                    ROW_NFC(_("department name"), d->name),
                    ROW_NFC(_("contact person"), d->contact ? d->contact : ""),
                    ROW_TEXT(d->phone ? d->phone : ""), ROW_TEXT(crit), ROW_INT(d->active), key);
}

enum status department_repo_insert(struct db *db, struct department *d)
{
    char *crit = NULL;
    enum status rc = department_validate(d);
    if (rc == ST_OK)
        rc = task_criteria_normalize(d->criteria, &crit);
    if (rc == ST_OK)
        rc = write_dept(db, "INSERT INTO department(name, contact, phone, criteria, active, code) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", d, crit,
                        ROW_TEXT(d->code && *d->code ? d->code : NULL));
    if (rc == ST_DB && sqlite3_extended_errcode(db->sql) == SQLITE_CONSTRAINT_UNIQUE)
        rc = status_set(ST_EXISTS, _("%s: code '%s' is already used"), _("department"), d->code);
    free(crit);
    if (rc != ST_OK)
        return rc;
    d->id = sqlite3_last_insert_rowid(db->sql);
    return audit_record_id(db, AUDIT_CREATE, "department", d->id, NULL, NULL, d->name);
}

enum status department_repo_update(struct db *db, const struct department *d)
{
    struct department old;
    char *crit = NULL;
    enum status rc = department_validate(d);
    if (rc == ST_OK)
        rc = task_criteria_normalize(d->criteria, &crit);
    if (rc == ST_OK)
        rc = department_repo_get(db, d->id, &old);
    if (rc != ST_OK) {
        free(crit);
        return rc;
    }
    rc = write_dept(db, "UPDATE department SET name = ?1, contact = ?2, phone = ?3, "
                    "criteria = ?4, active = ?5 WHERE id = ?6", d, crit, ROW_INT(d->id));
    const char *const f[][3] = {
        {"name", old.name, d->name}, {"contact", old.contact, d->contact},
        {"phone", old.phone, d->phone}, {"criteria", old.criteria, crit},
        {"active", old.active ? "1" : "0", d->active ? "1" : "0"},
    };
    if (rc == ST_OK)
        rc = audit_fields_id(db, "department", d->id, f, sizeof f / sizeof *f);
    free(crit);
    department_clear(&old);
    return rc;
}

enum status department_repo_count(struct db *db, bool active_only, long long *n)
{
    return db_query_int(db, active_only ? "SELECT count(*) FROM department WHERE active"
                                        : "SELECT count(*) FROM department", NULL, n);
}

enum status department_repo_code_known(struct db *db, const char *code, bool *known)
{
    long long n = 0;
    enum status rc = db_query_int(db, "SELECT count(*) FROM department WHERE code = ?1", code, &n);
    *known = rc == ST_OK && n > 0;
    return rc;
}

enum status department_repo_is_active(struct db *db, long long id, bool *active)
{
    long long v = 0;
    enum status rc = row_query_int(db, "SELECT active FROM department WHERE id = ?1", &v,
                                   ROW_INT(id));
    *active = rc == ST_OK && v != 0;
    return rc;
}

enum status department_repo_first_active(struct db *db, long long *id)
{
    return db_query_int(db, "SELECT id FROM department WHERE active ORDER BY id LIMIT 1", NULL, id);
}
