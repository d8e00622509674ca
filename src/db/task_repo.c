/* task_repo — the task and task_note tables. */
#include <config.h>
#include "treem/db/task_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TASK_SELECT "SELECT t.id, t.plan_id, t.department_id, t.text, t.criteria, t.start_on, " \
    "t.due_on, t.done, t.done_on, t.evidence, d.name, p.number, p.year " \
    "FROM task t JOIN department d ON d.id = t.department_id JOIN plan p ON p.id = t.plan_id "

static void id_text(long long id, char buf[24])
{
    snprintf(buf, 24, "%lld", id);
}

static bool read_task(sqlite3_stmt *st, struct task *t)
{
    bool ok = true;
    char label[128];
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    t->plan_id = sqlite3_column_int64(st, 1);
    t->department_id = sqlite3_column_int64(st, 2);
    t->text = row_text(st, 3, true, &ok);
    t->criteria = row_text(st, 4, true, &ok);
    t->start_on = row_date(st, 5);
    t->due_on = row_date(st, 6);
    t->done = sqlite3_column_int(st, 7) != 0;
    t->done_on = row_date(st, 8);
    t->evidence = row_text(st, 9, true, &ok);
    t->department_name = row_text(st, 10, true, &ok);
    plan_label((const char *)sqlite3_column_text(st, 11), sqlite3_column_int(st, 12),
               label, sizeof label);
    t->plan_label = strdup(label);
    return ok && t->plan_label;
}

/* Checks that the plan and an active department exist. */
static enum status check_refs(struct db *db, const struct task *t)
{
    char id[24];
    long long n = 0;
    id_text(t->plan_id, id);
    enum status rc = db_query_int(db, "SELECT count(*) FROM plan WHERE id = ?1", id, &n);
    if (rc == ST_OK && n == 0)
        return status_set(ST_NOTFOUND, _("%s: there is no plan %lld"), _("plan"), t->plan_id);
    id_text(t->department_id, id);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT active FROM department WHERE id = ?1", id, &n);
    if (rc == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, _("%s: there is no department %lld"), _("department"),
                          t->department_id);
    if (rc == ST_OK && n == 0)
        return status_set(ST_INVALID, _("%s: department %lld is no longer active"),
                          _("department"), t->department_id);
    return rc;
}

/* ?1 text, ?2 fold, ?3 department, ?4 criteria (normalised), ?5 start,
 * ?6 due, ?7 done, ?8 done date, ?9 evidence. */
struct task_write {
    const struct task *t;
    const char *criteria; /* normalised */
};

static enum status bind_task(sqlite3_stmt *st, const void *rec)
{
    const struct task *t = ((const struct task_write *)rec)->t;
    const char *criteria = ((const struct task_write *)rec)->criteria;
    enum status rc = row_bind_nfc(st, 1, _("task text"), t->text);
    if (rc == ST_OK)
        rc = row_bind_fold(st, 2, _("task text"), t->text);
    sqlite3_bind_int64(st, 3, t->department_id);
    db_bind_text(st, 4, criteria);
    row_bind_date(st, 5, t->start_on);
    row_bind_date(st, 6, t->due_on);
    sqlite3_bind_int(st, 7, t->done);
    row_bind_date(st, 8, t->done ? t->done_on : PLAN_NO_DATE);
    if (rc == ST_OK)
        rc = row_bind_nfc(st, 9, _("evidence"), t->evidence ? t->evidence : "");
    return rc;
}

/* Validates t, checks its references, normalises its criteria (*crit). */
static enum status prepare_write(struct db *db, const struct task *t, char **crit)
{
    *crit = NULL;
    enum status rc = task_validate(t);
    if (rc == ST_OK)
        rc = check_refs(db, t);
    if (rc == ST_OK)
        rc = task_criteria_normalize(t->criteria, crit);
    return rc;
}

enum status task_repo_insert(struct db *db, const char *who, struct task *t)
{
    char *crit;
    enum status rc = prepare_write(db, t, &crit);
    struct task_write w = {t, crit};
    if (rc == ST_OK)
        rc = row_write_rec(db, "INSERT INTO task(text, text_fold, department_id, criteria, "
                           "start_on, due_on, done, done_on, evidence, plan_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           bind_task, &w, 10, t->plan_id, _("cannot save the task"));
    free(crit);
    if (rc != ST_OK)
        return rc;
    t->id = sqlite3_last_insert_rowid(db->sql);
    char id[24];
    id_text(t->id, id);
    return audit_record(db, who, AUDIT_CREATE, "task", id, NULL, NULL, t->text);
}

static enum status audit_task_diff(struct db *db, const char *who, const struct task *a,
                                   const struct task *b, const char *crit)
{
    char id[24], da[24], db_[24], d[6][DATE_BUF];
    id_text(b->id, id);
    id_text(a->department_id, da);
    id_text(b->department_id, db_);
    const char *const f[][3] = {
        {"text", a->text, b->text},
        {"department_id", da, db_},
        {"criteria", a->criteria, crit},
        {"start_on", row_iso(a->start_on, d[0]), row_iso(b->start_on, d[1])},
        {"due_on", row_iso(a->due_on, d[2]), row_iso(b->due_on, d[3])},
        {"done", a->done ? "1" : "0", b->done ? "1" : "0"},
        {"done_on", row_iso(a->done_on, d[4]), row_iso(b->done ? b->done_on : PLAN_NO_DATE, d[5])},
        {"evidence", a->evidence, b->evidence},
    };
    return audit_fields(db, who, "task", id, f, sizeof f / sizeof *f);
}

enum status task_repo_update(struct db *db, const char *who, const struct task *t)
{
    struct task old;
    char *crit = NULL;
    enum status rc = task_repo_get(db, t->id, &old);
    if (rc != ST_OK)
        return rc;
    /* An existing task may keep a department that was deactivated since. */
    if (old.department_id == t->department_id) {
        rc = task_validate(t);
        if (rc == ST_OK)
            rc = task_criteria_normalize(t->criteria, &crit);
    } else {
        rc = prepare_write(db, t, &crit);
    }
    struct task_write w = {t, crit};
    if (rc == ST_OK)
        rc = row_write_rec(db, "UPDATE task SET text = ?1, text_fold = ?2, department_id = ?3, "
                           "criteria = ?4, start_on = ?5, due_on = ?6, done = ?7, done_on = ?8, "
                           "evidence = ?9 WHERE id = ?10",
                           bind_task, &w, 10, t->id, _("cannot save the task"));
    if (rc == ST_OK)
        rc = audit_task_diff(db, who, &old, t, crit);
    free(crit);
    task_clear(&old);
    return rc;
}

enum status task_repo_delete(struct db *db, const char *who, long long id)
{
    struct task old;
    enum status rc = task_repo_get(db, id, &old);
    if (rc != ST_OK)
        return rc;
    sqlite3_stmt *st;
    rc = db_prepare(db, "SELECT id, text FROM task_note WHERE task_id = ?1", &st);
    if (rc == ST_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (rc == ST_OK && row_next(db, st, &rc)) {
            char nid[24];
            id_text(sqlite3_column_int64(st, 0), nid);
            rc = audit_record(db, who, AUDIT_DELETE, "task_note", nid, NULL,
                              (const char *)sqlite3_column_text(st, 1), NULL);
        }
        sqlite3_finalize(st);
    }
    if (rc == ST_OK)
        rc = row_delete_id(db, who, "DELETE FROM task WHERE id = ?1", "task", id, old.text,
                           _("cannot delete the task"));
    task_clear(&old);
    return rc;
}

static bool read_task_row(sqlite3_stmt *st, void *elem) { return read_task(st, elem); }
static void task_clear_row(void *elem) { task_clear(elem); }

enum status task_repo_get(struct db *db, long long id, struct task *out)
{
    enum status rc = row_get_id(db, TASK_SELECT "WHERE t.id = ?1", id, out, sizeof *out,
                                read_task_row, task_clear_row, _("database"));
    if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND, _("there is no task %lld"), id);
    return rc;
}

/* Binds the filter's parameters ?1–?6 of the list query. */
static enum status bind_filter(sqlite3_stmt *st, const struct task_filter *f)
{
    row_bind_id(st, 1, f->plan_id);
    row_bind_id(st, 2, f->department_id);
    if (f->year)
        sqlite3_bind_int(st, 3, f->year);
    sqlite3_bind_int(st, 4, f->open_only || f->overdue_only);
    if (f->overdue_only)
        row_bind_date(st, 5, f->on);
    if (f->search && *f->search)
        return row_bind_fold(st, 6, _("search"), f->search);
    return ST_OK;
}

enum status task_repo_list(struct db *db, const struct task_filter *f, struct task **out,
                           size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    enum status rc = db_prepare(db, TASK_SELECT
        "WHERE (?1 IS NULL OR t.plan_id = ?1) AND (?2 IS NULL OR t.department_id = ?2) "
        "AND (?3 IS NULL OR p.year = ?3) AND (?4 = 0 OR t.done = 0) "
        "AND (?5 IS NULL OR t.due_on < ?5) AND (?6 IS NULL OR instr(t.text_fold, ?6) > 0) "
        "ORDER BY t.due_on, d.name, t.id", &st);
    if (rc != ST_OK)
        return rc;
    rc = bind_filter(st, f);
    size_t cap = 0;
    while (rc == ST_OK && row_next(db, st, &rc)) {
        const char *crit = (const char *)sqlite3_column_text(st, 4);
        if (f->criterion && *f->criterion && !task_criteria_match(crit, f->criterion))
            continue;
        if (!row_grow(out, &cap, *n, sizeof **out) || !read_task(st, &(*out)[(*n)++]))
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    sqlite3_finalize(st);
    if (rc != ST_OK) {
        task_list_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

enum status task_repo_count_due(struct db *db, struct date today, int days, long *out)
{
    char until[DATE_BUF];
    long long n = 0;
    date_iso(date_add_days(today, days), until);
    enum status rc = db_query_int(db, "SELECT count(*) FROM task WHERE done = 0 AND due_on <= ?1",
                                  until, &n);
    *out = (long)n;
    return rc;
}

enum status task_repo_note_add(struct db *db, const char *who, struct task_note *n)
{
    char tid[24];
    long long count = 0;
    id_text(n->task_id, tid);
    enum status rc = task_note_validate(n);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM task WHERE id = ?1", tid, &count);
    if (rc == ST_OK && count == 0)
        rc = status_set(ST_NOTFOUND, _("there is no task %lld"), n->task_id);
    sqlite3_stmt *st = NULL;
    if (rc == ST_OK)
        rc = row_prepare(db, "INSERT INTO task_note(task_id, noted_on, text, who) "
                         "VALUES (?1, ?2, ?3, ?4)", &st,
                         ROW_INT(n->task_id), ROW_DATE(n->noted_on));
    if (rc != ST_OK)
        return rc;
    rc = row_bind_nfc(st, 3, _("note"), n->text);
    db_bind_text(st, 4, who);
    if (rc == ST_OK)
        rc = db_step_done(db, st, _("cannot save the note"));
    sqlite3_finalize(st);
    if (rc != ST_OK)
        return rc;
    n->id = sqlite3_last_insert_rowid(db->sql);
    free(n->who);
    n->who = strdup(who);
    char id[24];
    id_text(n->id, id);
    /* The note's text, then which task it belongs to. */
    rc = audit_record(db, who, AUDIT_CREATE, "task_note", id, NULL, NULL, n->text);
    if (rc == ST_OK)
        rc = audit_record(db, who, AUDIT_CREATE, "task_note", id, "task_id", NULL, tid);
    return rc;
}

enum status task_repo_notes(struct db *db, long long task_id, struct task_note **out,
                            size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "SELECT id, task_id, noted_on, text, who FROM task_note "
                                 "WHERE task_id = ?1 ORDER BY noted_on, id", &st, ROW_INT(task_id));
    if (rc != ST_OK)
        return rc;
    size_t cap = 0;
    while (rc == ST_OK && row_next(db, st, &rc)) {
        bool ok = row_grow(out, &cap, *n, sizeof **out);
        if (ok) {
            struct task_note *note = &(*out)[(*n)++];
            note->id = sqlite3_column_int64(st, 0);
            note->task_id = sqlite3_column_int64(st, 1);
            note->noted_on = row_date(st, 2);
            note->text = row_text(st, 3, true, &ok);
            note->who = row_text(st, 4, true, &ok);
        }
        if (!ok)
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    sqlite3_finalize(st);
    if (rc != ST_OK) {
        task_note_list_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}
