/* case_step_edit — updating and deleting case steps, audited. */
#include <config.h>
#include "treem/db/case_step_edit.h"
#include "treem/db/case_step_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The audited fields of a step as text: kind, at, emergency, end, who, notes. */
struct step_texts { char kind[24], at[DATETIME_BUF], emergency[8], end[DATETIME_BUF]; };

static void step_texts(const struct case_step *s, struct step_texts *t)
{
    snprintf(t->kind, sizeof t->kind, "%s", enum_code(&enum_case_step, s->kind));
    case_datetime_iso(s->at, t->at);
    snprintf(t->emergency, sizeof t->emergency, "%s",
             s->emergency < 0 ? "" : s->emergency ? "yes" : "no");
    if (s->end.date.y)
        case_datetime_iso(s->end, t->end);
    else
        t->end[0] = '\0';
}

static enum status audit_changes(struct db *db, const struct case_step *old,
                                 const struct case_step *s)
{
    struct step_texts a, b;
    step_texts(old, &a);
    step_texts(s, &b);
    const char *const f[][3] = {
        {"kind", a.kind, b.kind}, {"at", a.at, b.at}, {"emergency", a.emergency, b.emergency},
        {"end_at", a.end, b.end}, {"who", old->who, s->who}, {"notes", old->notes, s->notes},
    };
    return audit_fields_id(db, "case_step", s->id, f, sizeof f / sizeof *f);
}

enum status case_step_edit_update(struct db *db, const struct case_step *old,
                                  const struct case_step *s)
{
    enum status rc = case_step_repo_rewrite(db, s);
    return rc == ST_OK ? audit_changes(db, old, s) : rc;
}

/* Audits then deletes the rows of one detail table of step_id. */
static enum status clear_table(struct db *db, long long step_id,
                               const char *select, const char *del, const char *entity)
{
    sqlite3_stmt *st = NULL;
    enum status rc = row_prepare(db, select, &st, ROW_INT(step_id));
    if (rc != ST_OK)
        return rc;
    int step;
    while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = audit_record(db, AUDIT_DELETE, entity, (const char *)sqlite3_column_text(st, 0),
                          NULL, (const char *)sqlite3_column_text(st, 1), NULL);
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the step"));
    sqlite3_finalize(st);
    return rc == ST_OK ? row_exec_id(db, del, step_id, _("cannot delete the step")) : rc;
}

enum status case_step_edit_clear_details(struct db *db, long long step_id)
{
    enum status rc = clear_table(db, step_id,
        "SELECT id, 'step ' || step_id || ': ' || factor || '=' || rating FROM case_risk "
        "WHERE step_id = ?1 ORDER BY id", "DELETE FROM case_risk WHERE step_id = ?1", "case_risk");
    if (rc == ST_OK)
        rc = clear_table(db, step_id,
            "SELECT id, 'step ' || step_id || ': ' || task || '; ' || coalesce(department_id, '') "
            "|| '; ' || coalesce(start_on, '') || '; ' || coalesce(end_on, '') || '; ' || "
            "coalesce(cost, '') FROM case_service WHERE step_id = ?1 ORDER BY id",
            "DELETE FROM case_service WHERE step_id = ?1", "case_service");
    return rc;
}

char *case_step_edit_summary(const struct case_step *s)
{
    struct step_texts t;
    step_texts(s, &t);
    struct strbuf b = STRBUF_INIT;
    strbuf_printf(&b, "case %lld: %s %s", s->case_id, t.kind, t.at);
    if (*t.emergency)
        strbuf_printf(&b, "; emergency %s", t.emergency);
    if (*t.end)
        strbuf_printf(&b, "; end %s", t.end);
    if (s->who && *s->who)
        strbuf_printf(&b, "; who %s", s->who);
    if (s->notes && *s->notes)
        strbuf_printf(&b, "; notes %s", s->notes);
    return strbuf_take(&b);
}

enum status case_step_edit_delete(struct db *db, const struct case_step *s)
{
    enum status rc = case_step_edit_clear_details(db, s->id);
    if (rc == ST_OK)
        rc = row_exec(db, "DELETE FROM case_step WHERE id = ?1 AND case_id = ?2",
                      _("cannot delete the step"), ROW_INT(s->id), ROW_INT(s->case_id));
    if (rc != ST_OK)
        return rc;
    if (sqlite3_changes(db->sql) == 0)
        return status_set(ST_NOTFOUND, _("%s: there is no step %lld in this case"), _("step"),
                          s->id);
    char *what = case_step_edit_summary(s);
    if (!what)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    rc = audit_record_id(db, AUDIT_DELETE, "case_step", s->id, NULL, what, NULL);
    free(what);
    return rc;
}
