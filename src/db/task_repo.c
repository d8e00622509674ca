/* task_repo — the task and task_note tables. */
#include <config.h>
#include "treem/db/task_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row_kind.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TASK_SELECT "SELECT t.id, t.plan_id, t.department_id, t.text, t.criteria, t.start_on, " \
    "t.due_on, t.done, t.done_on, t.evidence, d.name, p.number, p.year " \
    "FROM task t JOIN department d ON d.id = t.department_id JOIN plan p ON p.id = t.plan_id "

static bool read_task(sqlite3_stmt *st, void *elem)
{
    struct task *t = elem;
    bool ok = true;
    char label[128];
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
    long long n = 0;
    enum status rc = row_query_int(db, "SELECT count(*) FROM plan WHERE id = ?1", &n,
                                   ROW_INT(t->plan_id));
    if (rc == ST_OK && n == 0)
        return status_set(ST_NOTFOUND, _("%s: there is no plan %lld"), _("plan"), t->plan_id);
    if (rc == ST_OK)
        rc = row_query_int(db, "SELECT active FROM department WHERE id = ?1", &n,
                           ROW_INT(t->department_id));
    if (rc == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, _("%s: there is no department %lld"), _("department"),
                          t->department_id);
    if (rc == ST_OK && n == 0)
        return status_set(ST_INVALID, _("%s: department %lld is no longer active"),
                          _("department"), t->department_id);
    return rc;
}

/* Validates t (and, with refs, that its plan and department exist),
 * normalises its criteria into *crit (caller frees) and runs the write sql
 * of t with ?1 text, ?2 fold, ?3 department, ?4 criteria, ?5 start, ?6 due,
 * ?7 done, ?8 done date, ?9 evidence and ?10 key. */
static enum status save_task(struct db *db, const char *sql, const struct task *t, bool refs,
                             long long key, char **crit)
{
    *crit = NULL;
    enum status rc = task_validate(t);
    if (rc == ST_OK && refs)
        rc = check_refs(db, t);
    if (rc == ST_OK)
        rc = task_criteria_normalize(t->criteria, crit);
    if (rc != ST_OK)
        return rc;
    return row_exec(db, sql, _("cannot save the task"), ROW_NFC(_("task text"), t->text),
                    ROW_FOLD(_("task text"), t->text), ROW_INT(t->department_id), ROW_TEXT(*crit),
                    ROW_DATE(t->start_on), ROW_DATE(t->due_on), ROW_INT(t->done),
                    ROW_DATE(t->done ? t->done_on : PLAN_NO_DATE),
                    ROW_NFC(_("evidence"), t->evidence ? t->evidence : ""), ROW_INT(key));
}

enum status task_repo_insert(struct db *db, struct task *t)
{
    char *crit;
    enum status rc = save_task(db, "INSERT INTO task(text, text_fold, department_id, criteria, "
                               "start_on, due_on, done, done_on, evidence, plan_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", t, true,
                               t->plan_id, &crit);
    free(crit);
    if (rc != ST_OK)
        return rc;
    t->id = sqlite3_last_insert_rowid(db->sql);
    return audit_record_id(db, AUDIT_CREATE, "task", t->id, NULL, NULL, t->text);
}

static enum status audit_task_diff(struct db *db, const struct task *a,
                                   const struct task *b, const char *crit)
{
    char da[24], db_[24], d[6][DATE_BUF];
    snprintf(da, sizeof da, "%lld", a->department_id);
    snprintf(db_, sizeof db_, "%lld", b->department_id);
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
    return audit_fields_id(db, "task", b->id, f, sizeof f / sizeof *f);
}

enum status task_repo_update(struct db *db, const struct task *t)
{
    struct task old;
    char *crit;
    enum status rc = task_repo_get(db, t->id, &old);
    if (rc != ST_OK)
        return rc;
    /* An existing task may keep a department that was deactivated since. */
    rc = save_task(db, "UPDATE task SET text = ?1, text_fold = ?2, department_id = ?3, "
                   "criteria = ?4, start_on = ?5, due_on = ?6, done = ?7, done_on = ?8, "
                   "evidence = ?9 WHERE id = ?10", t, old.department_id != t->department_id,
                   t->id, &crit);
    if (rc == ST_OK)
        rc = audit_task_diff(db, &old, t, crit);
    free(crit);
    task_clear(&old);
    return rc;
}

static void clear_task(void *elem) { task_clear(elem); }

static const struct row_kind task_kind = {
    .entity = "task", .size = sizeof(struct task), .label = offsetof(struct task, text),
    .read = read_task, .clear = clear_task, .get_sql = TASK_SELECT "WHERE t.id = ?1",
    .missing = N_("there is no task %lld"), .cannot_delete = N_("cannot delete the task"),
};

enum status task_repo_delete(struct db *db, long long id)
{
    enum status rc = row_audit_deleted(db, "task_note",
                                       "SELECT id, text FROM task_note WHERE task_id = ?1", id);
    return rc == ST_OK ? row_kind_delete(db, &task_kind, id) : rc;
}

enum status task_repo_get(struct db *db, long long id, struct task *out)
{
    return row_kind_get(db, &task_kind, id, out);
}

enum status task_repo_list(struct db *db, const struct task_filter *f, struct task **out,
                           size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, TASK_SELECT
        "WHERE (?1 IS NULL OR t.plan_id = ?1) AND (?2 IS NULL OR t.department_id = ?2) "
        "AND (?3 IS NULL OR p.year = ?3) AND (?4 = 0 OR t.done = 0) "
        "AND (?5 IS NULL OR t.due_on < ?5) AND (?6 IS NULL OR instr(t.text_fold, ?6) > 0) "
        "ORDER BY t.due_on, d.name, t.id", &st, ROW_ID(f->plan_id), ROW_ID(f->department_id),
        ROW_ID(f->year), ROW_INT(f->open_only || f->overdue_only),
        f->overdue_only ? ROW_DATE(f->on) : ROW_NULL,
        f->search && *f->search ? ROW_FOLD(_("search"), f->search) : ROW_NULL);
    if (rc != ST_OK)
        return rc;
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

enum status task_repo_note_add(struct db *db, struct task_note *n)
{
    const char *who = db_actor(db); /* the note's author */
    char tid[24];
    long long count = 0;
    snprintf(tid, sizeof tid, "%lld", n->task_id);
    enum status rc = task_note_validate(n);
    if (rc == ST_OK)
        rc = row_query_int(db, "SELECT count(*) FROM task WHERE id = ?1", &count,
                           ROW_INT(n->task_id));
    if (rc == ST_OK && count == 0)
        rc = status_set(ST_NOTFOUND, _("there is no task %lld"), n->task_id);
    if (rc == ST_OK)
        rc = row_exec(db, "INSERT INTO task_note(task_id, noted_on, text, who) "
                      "VALUES (?1, ?2, ?3, ?4)", _("cannot save the note"), ROW_INT(n->task_id),
                      ROW_DATE(n->noted_on), ROW_NFC(_("note"), n->text), ROW_TEXT(who));
    if (rc != ST_OK)
        return rc;
    n->id = sqlite3_last_insert_rowid(db->sql);
    free(n->who);
    n->who = strdup(who);
    /* The note's text, then which task it belongs to. */
    rc = audit_record_id(db, AUDIT_CREATE, "task_note", n->id, NULL, NULL, n->text);
    if (rc == ST_OK)
        rc = audit_record_id(db, AUDIT_CREATE, "task_note", n->id, "task_id", NULL, tid);
    return rc;
}

static bool read_note(sqlite3_stmt *st, void *elem)
{
    struct task_note *note = elem;
    bool ok = true;
    note->id = sqlite3_column_int64(st, 0);
    note->task_id = sqlite3_column_int64(st, 1);
    note->noted_on = row_date(st, 2);
    note->text = row_text(st, 3, true, &ok);
    note->who = row_text(st, 4, true, &ok);
    return ok;
}

static void clear_note(void *elem) { task_note_clear(elem); }

enum status task_repo_notes(struct db *db, long long task_id, struct task_note **out,
                            size_t *n)
{
    return row_list_id(db, "SELECT id, task_id, noted_on, text, who FROM task_note "
                       "WHERE task_id = ?1 ORDER BY noted_on, id", task_id, sizeof **out,
                       read_note, clear_note, (void **)out, n);
}
