/* report_more — the sections of the periodic report that read other
 * modules: health and nutrition (child_stats), protection (cases, counts
 * only), plans (targets, tasks) and the criteria (score). */
#include <config.h>
#include "report_internal.h"
#include "treem/app/cases.h"
#include "treem/app/child_stats.h"
#include "treem/app/plan.h"
#include "treem/app/score.h"
#include "treem/app/who_tables.h"
#include "treem/db/plan_repo.h"
#include "treem/db/report_repo.h"
#include "treem/db/target_repo.h"
#include "treem/db/task_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/model/case.h"
#include "treem/model/child.h"
#include "treem/model/rubric_score.h"

#include <stdlib.h>
#include <string.h>

void report_title(struct report *r)
{
    struct date hf, ht, yf, yt;
    report_half_year(r->from.y, &hf, &ht);
    report_full_year(r->from.y, &yf, &yt);
    if (!date_cmp(r->from, hf) && !date_cmp(r->to, ht)) {
        snprintf(r->title, sizeof r->title, _("6-month report %d"), r->from.y);
    } else if (!date_cmp(r->from, yf) && !date_cmp(r->to, yt)) {
        snprintf(r->title, sizeof r->title, _("Annual report %d"), r->from.y);
    } else {
        char f[DATE_BUF], t[DATE_BUF];
        date_format(r->from, f);
        date_format(r->to, t);
        snprintf(r->title, sizeof r->title, _("Report %s – %s"), f, t);
    }
}

/* A share from a stats call, or "cannot be computed" when the call failed. */
static enum status ratio_or_na(struct report *r, const char *label, enum status got,
                               const struct child_ratio *v)
{
    if (got != ST_OK) {
        status_clear();
        return report_na_line(r, REPORT_SEC_HEALTH, 1, label);
    }
    return report_ratio_line(r, REPORT_SEC_HEALTH, label, v->num, v->den);
}

static enum status add_nutrition(struct db *db, struct report *r)
{
    char on[DATE_BUF], label[REPORT_LABEL_BUF];
    date_format(r->on, on);
    snprintf(label, sizeof label, _("Children under 5 on %s"), on);
    const struct growth_ref *ref = who_tables_shared();
    struct child_nutrition n;
    if (!ref || child_stats_malnutrition(db, ref, r->on, &n) != ST_OK) {
        status_clear();
        enum status st = report_na_line(r, REPORT_SEC_HEALTH, 1, label);
        if (st == ST_OK)
            st = report_na_line(r, REPORT_SEC_HEALTH, 1, _("Underweight (of those weighed)"));
        if (st == ST_OK)
            st = report_na_line(r, REPORT_SEC_HEALTH, 1, _("Stunted (of those measured)"));
        return st;
    }
    enum status st = report_count_line(r, REPORT_SEC_HEALTH, 1, label, n.under5);
    if (st == ST_OK)
        st = report_ratio_line(r, REPORT_SEC_HEALTH, _("Underweight (of those weighed)"),
                               n.underweight, n.weighed);
    if (st == ST_OK)
        st = report_ratio_line(r, REPORT_SEC_HEALTH, _("Stunted (of those measured)"), n.stunted,
                               n.measured);
    return st;
}

enum status report_add_health(struct db *db, struct report *r)
{
    int year = r->to.y;
    char label[REPORT_LABEL_BUF];
    struct child_ratio v;
    snprintf(label, sizeof label, _("Born in %d, birth registered on time"), year);
    enum status st = ratio_or_na(r, label, child_stats_birth_reg(db, year, r->on, &v), &v);
    snprintf(label, sizeof label, _("Turning 1 in %d, fully vaccinated"), year);
    if (st == ST_OK)
        st = ratio_or_na(r, label, child_stats_vaccinated_under1(db, year, &v), &v);
    if (st == ST_OK)
        st = add_nutrition(db, r);
    snprintf(label, sizeof label, _("Health check in %d (children under 16)"), year);
    if (st == ST_OK)
        st = ratio_or_na(r, label, child_stats_health_check(db, year, &v), &v);
    if (st == ST_OK)
        st = ratio_or_na(r, _("Aged 3 to 5 attending pre-school"), child_stats_preschool(db, r->on, &v), &v);
    if (st == ST_OK)
        st = ratio_or_na(r, _("Under 6 with a health-insurance card"), child_stats_insurance(db, r->on, &v), &v);
    snprintf(label, sizeof label, _("In special circumstances in %d, helped"), year);
    if (st == ST_OK)
        st = ratio_or_na(r, label, child_stats_helped(db, r->on, &v), &v);
    return st;
}

/* Count of `code` in c, 0 when absent. */
static long long count_of(const struct report_count *c, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].key, code) == 0)
            return c[i].n;
    return 0;
}

/* A title line and one line per value of def, counted by code. */
static enum status add_breakdown(struct db *db, struct report *r, enum report_group g,
                                 const struct enum_def *def, size_t first, const char *title)
{
    struct report_count *c;
    size_t n;
    enum status st = report_repo_counts(db, g, r->from, r->to, &c, &n);
    if (st == ST_OK)
        st = report_add(r, REPORT_SEC_PROTECTION, 1, -1, title, "%s", "");
    for (size_t j = first; j < def->n && st == ST_OK; j++) {
        /* Sex: boys, girls, then not known. */
        size_t i = def == &enum_child_sex ? (j + 1) % def->n : j;
        st = report_count_line(r, REPORT_SEC_PROTECTION, 2, enum_label(def, (int)i),
                               count_of(c, n, def->items[i].code));
    }
    free(c);
    return st;
}

enum status report_add_protection(struct db *db, struct report *r)
{
    long long received, died, closed;
    enum status st = report_repo_case_totals(db, r->from, r->to, &received, &died, &closed);
    if (st == ST_OK)
        st = report_count_line(r, REPORT_SEC_PROTECTION, 1, _("Cases received in the period"), received);
    if (st == ST_OK)
        st = add_breakdown(db, r, REPORT_CASE_KIND, &enum_case_kind, 0, _("By kind"));
    if (st == ST_OK)
        st = add_breakdown(db, r, REPORT_CASE_INJURY, &enum_case_injury, 1,
                           _("Accidents and injuries by cause"));
    if (st == ST_OK)
        st = add_breakdown(db, r, REPORT_CASE_LEVEL, &enum_case_level, 0, _("By protection level"));
    if (st == ST_OK)
        st = add_breakdown(db, r, REPORT_CASE_SEX, &enum_child_sex, 0, _("By the child's sex"));
    if (st == ST_OK)
        st = report_count_line(r, REPORT_SEC_PROTECTION, 1, _("The child died"), died);
    if (st == ST_OK)
        st = report_count_line(r, REPORT_SEC_PROTECTION, 1, _("Cases closed in the period"), closed);
    long open = 0, overdue = 0;
    char today[DATE_BUF], label[REPORT_LABEL_BUF];
    date_format(date_today(), today);
    if (st == ST_OK && cases_counts(db, date_now(), &open, &overdue) != ST_OK) {
        status_clear();
        open = overdue = -1;
    }
    snprintf(label, sizeof label, _("Open cases today (%s)"), today);
    if (st == ST_OK)
        st = open < 0 ? report_na_line(r, REPORT_SEC_PROTECTION, 1, label)
                      : report_count_line(r, REPORT_SEC_PROTECTION, 1, label, open);
    snprintf(label, sizeof label, _("Overdue steps today (%s)"), today);
    if (st == ST_OK)
        st = overdue < 0 ? report_na_line(r, REPORT_SEC_PROTECTION, 1, label)
                         : report_count_line(r, REPORT_SEC_PROTECTION, 1, label, overdue);
    return st;
}

static enum status add_target(struct db *db, struct report *r, const struct plan_target *t, int year)
{
    struct plan_target_view v;
    enum status st = plan_target_view(db, t, year, r->on, &v);
    if (st != ST_OK) {
        status_clear();
        return report_na_line(r, REPORT_SEC_PLANS, 2, t->text);
    }
    char aim[48], got[48];
    plan_format_value(t->value, t->unit, aim, sizeof aim);
    if (v.source == PLAN_VALUE_NONE)
        return report_add(r, REPORT_SEC_PLANS, 2, -1, t->text, _("%s %s: no value yet"),
                          plan_direction_label(t->direction), aim);
    plan_format_value(v.value, t->unit, got, sizeof got);
    return report_add(r, REPORT_SEC_PLANS, 2, -1, t->text, _("%s %s: %s, %s"),
                      plan_direction_label(t->direction), aim, got, plan_target_result_label(v.result));
}

static enum status add_plan_targets(struct db *db, struct report *r, const struct plan *p)
{
    char label[REPORT_LABEL_BUF];
    plan_label(p->number, p->year, label, sizeof label);
    struct plan_target *t;
    size_t n;
    enum status st = target_repo_list(db, p->id, &t, &n);
    if (st != ST_OK)
        return st;
    st = report_add(r, REPORT_SEC_PLANS, 1, -1, label, "%s", p->title);
    for (size_t i = 0; i < n && st == ST_OK; i++)
        st = add_target(db, r, &t[i], p->year);
    if (st == ST_OK && n == 0)
        st = report_add(r, REPORT_SEC_PLANS, 2, -1, _("Targets"), "%s", _("none recorded"));
    plan_target_list_free(t, n);
    return st;
}

struct dept_tally { long long id; const char *name; long done, overdue, total; };

static enum status add_tasks(struct db *db, struct report *r, int year)
{
    struct task_filter f = {0};
    f.year = year;
    struct task *t;
    size_t n;
    enum status st = task_repo_list(db, &f, &t, &n);
    if (st != ST_OK)
        return st;
    struct dept_tally *d = calloc(n ? n : 1, sizeof *d);
    size_t nd = 0;
    for (size_t i = 0; d && i < n; i++) {
        size_t k = 0;
        while (k < nd && d[k].id != t[i].department_id)
            k++;
        if (k == nd)
            d[nd++] = (struct dept_tally){t[i].department_id, t[i].department_name, 0, 0, 0};
        bool done = t[i].done && date_cmp(t[i].done_on, r->on) <= 0;
        d[k].total++;
        d[k].done += done;
        d[k].overdue += !done && date_cmp(t[i].due_on, r->on) < 0;
    }
    st = d ? report_add(r, REPORT_SEC_PLANS, 1, -1, _("Tasks by department"), "%s",
                        n ? "" : _("none recorded"))
           : status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t k = 0; k < nd && st == ST_OK; k++)
        st = report_add(r, REPORT_SEC_PLANS, 2, -1, d[k].name ? d[k].name : "?",
                        _("%ld done, %ld overdue, of %ld"), d[k].done, d[k].overdue, d[k].total);
    free(d);
    task_list_free(t, n);
    return st;
}

enum status report_add_plans(struct db *db, struct report *r)
{
    int year = r->to.y;
    struct plan *p;
    size_t n;
    enum status st = plan_repo_list(db, year, &p, &n);
    if (st != ST_OK)
        return st;
    char label[REPORT_LABEL_BUF];
    snprintf(label, sizeof label, _("Plans of %d"), year);
    if (n == 0)
        st = report_add(r, REPORT_SEC_PLANS, 1, -1, label, "%s", _("none recorded"));
    for (size_t i = 0; i < n && st == ST_OK; i++)
        st = add_plan_targets(db, r, &p[i]);
    plan_list_free(p, n);
    if (st == ST_OK)
        st = add_tasks(db, r, year);
    return st;
}

enum status report_add_criteria(struct db *db, struct report *r)
{
    int year = r->to.y;
    char label[REPORT_LABEL_BUF];
    snprintf(label, sizeof label, _("Self-assessment %d"), year);
    struct score_sheet s;
    memset(&s, 0, sizeof s);
    enum status got = score_sheet_build(db, year, NULL, &s);
    enum status st;
    if (got != ST_OK || !s.stored) {
        status_clear();
        st = report_add(r, REPORT_SEC_CRITERIA, 1, -1, label, "%s", _("not scored yet"));
    } else {
        st = report_add(r, REPORT_SEC_CRITERIA, 1, -1, _("Total points"), "%.0f%s", s.score.total,
                        s.score.partial ? _(" (partial)") : "");
        struct strbuf v = {0};
        if (st == ST_OK && rubric_verdict_text(&s.score, &v))
            st = report_add(r, REPORT_SEC_CRITERIA, 1, -1, _("Verdict"), "%s", strbuf_str(&v));
        strbuf_free(&v);
    }
    if (got == ST_OK)
        score_sheet_free(&s);
    return st;
}
