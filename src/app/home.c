/* home — figures for the home screen. */
#include <config.h>
#include "treem/app/home.h"
#include "treem/app/score.h"
#include "treem/app/cases.h"
#include "treem/app/child_stats.h"
#include "treem/app/auth.h"
#include "treem/db/scope_repo.h"
#include "treem/db/department_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/task_repo.h"
#include "treem/db/village_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <string.h>

/* A count, or -1 when the database could not give it. */
static long count_of(enum status st, long long n)
{
    return st == ST_OK ? (long)n : -1;
}

/* The children under 16 and those in special circumstances: of the
 * collaborator user's villages, or (user 0) of the commune. */
static enum status special_of(struct db *db, long long user, struct date today, struct child_ratio *out)
{
    if (!user)
        return child_stats_special(db, today, out);
    struct date from = today;
    from.y -= 16;
    if (from.m == 2 && from.d == 29 && !date_is_leap(from.y))
        from.d = 28;
    return scope_repo_special(db, user, from, today, &out->num, &out->den);
}

enum status home_stats_get(struct db *db, struct date today, struct home_stats *out)
{
    memset(out, 0, sizeof *out);
    long long n = 0, user = auth_village_scope();
    out->scoped = user != 0;
    enum status st = user ? scope_repo_villages(db, user, &n) : village_repo_count(db, &n);
    out->villages = count_of(st, n);
    st = department_repo_count(db, true, &n);
    out->departments = count_of(st, n);
    out->children = out->children_special = out->open_cases = -1;
    out->overdue_steps = out->tasks_due = out->criteria_points = -1;
    struct child_ratio special;
    if (special_of(db, user, today, &special) == ST_OK) {
        out->children = (long)special.den;
        out->children_special = (long)special.num;
    }
    /* Case deadlines are counted in hours: now, when today is the clock's day. */
    struct datetime now = date_now();
    if (date_cmp(now.date, today) != 0)
        now = (struct datetime){today, 0, 0};
    if (cases_counts(db, now, &out->open_cases, &out->overdue_steps) != ST_OK)
        out->open_cases = out->overdue_steps = -1;
    if (task_repo_count_due(db, today, 7, &out->tasks_due) != ST_OK)
        out->tasks_due = -1;
    struct date when;
    long long plan_id;
    enum plan_cal_kind kind;
    if (plan_repo_next_report(db, today, &when, &plan_id, &kind) == ST_OK) {
        char d[DATE_BUF];
        date_format(when, d);
        snprintf(out->next_report, sizeof out->next_report, "%s — %s", d,
                 kind == PLAN_CAL_REPORT_HALF ? _("6-month report") : _("annual report"));
    }
    struct score_sheet sheet; /* the commune's score: not a collaborator's (auth_require_commune_wide) */
    if (!user && score_sheet_build(db, today.y, NULL, &sheet) == ST_OK) {
        if (sheet.stored) {
            out->criteria_points = (long)(sheet.score.total + 0.5);
            out->criteria_partial = sheet.score.partial;
        }
        score_sheet_free(&sheet);
    }
    status_clear();
    return ST_OK;
}
