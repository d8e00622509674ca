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

/* A share from a stats call, or "cannot be computed" when the call failed. */
static enum status ratio_or_na(struct report *r, const char *code, const char *label,
                               enum status got, const struct child_ratio *v)
{
    if (got != ST_OK) {
        status_clear();
        return report_na(r, REPORT_SEC_HEALTH, 1, code, label);
    }
    return report_share(r, REPORT_SEC_HEALTH, 1, code, label, v->num, v->den);
}

/* YT03 under 5, YT04 underweight, YT05 stunted. */
static enum status add_nutrition(struct db *db, struct report *r)
{
    char on[DATE_BUF], label[REPORT_LABEL_BUF];
    date_format(r->on, on);
    snprintf(label, sizeof label, _("Children under 5 on %s"), on);
    const struct growth_ref *ref = who_tables_shared();
    struct child_nutrition n;
    if (!ref || child_stats_malnutrition(db, ref, r->on, &n) != ST_OK) {
        status_clear();
        enum status st = report_na(r, REPORT_SEC_HEALTH, 1, "YT03", label);
        if (st == ST_OK)
            st = report_na(r, REPORT_SEC_HEALTH, 1, "YT04", _("Underweight (of those weighed)"));
        if (st == ST_OK)
            st = report_na(r, REPORT_SEC_HEALTH, 1, "YT05", _("Stunted (of those measured)"));
        return st;
    }
    enum status st = report_num(r, REPORT_SEC_HEALTH, 1, "YT03", label, n.under5);
    if (st == ST_OK)
        st = report_share(r, REPORT_SEC_HEALTH, 1, "YT04", _("Underweight (of those weighed)"),
                          n.underweight, n.weighed);
    if (st == ST_OK)
        st = report_share(r, REPORT_SEC_HEALTH, 1, "YT05", _("Stunted (of those measured)"),
                          n.stunted, n.measured);
    return st;
}

enum status report_add_health(struct db *db, struct report *r)
{
    int year = r->to.y;
    char label[REPORT_LABEL_BUF];
    struct child_ratio v;
    snprintf(label, sizeof label, _("Born in %d, birth registered on time"), year);
    enum status st = ratio_or_na(r, "YT01", label, child_stats_birth_reg(db, year, r->on, &v), &v);
    snprintf(label, sizeof label, _("Turning 1 in %d, fully vaccinated"), year);
    if (st == ST_OK)
        st = ratio_or_na(r, "YT02", label, child_stats_vaccinated_under1(db, year, &v), &v);
    if (st == ST_OK)
        st = add_nutrition(db, r);
    snprintf(label, sizeof label, _("Health check in %d (children under 16)"), year);
    if (st == ST_OK)
        st = ratio_or_na(r, "YT06", label, child_stats_health_check(db, year, &v), &v);
    if (st == ST_OK)
        st = ratio_or_na(r, "YT07", _("Aged 3 to 5 attending pre-school"),
                         child_stats_preschool(db, r->on, &v), &v);
    if (st == ST_OK)
        st = ratio_or_na(r, "YT08", _("Under 6 with a health-insurance card (BHYT)"),
                         child_stats_insurance(db, r->on, &v), &v);
    snprintf(label, sizeof label, _("In special circumstances in %d, with help recorded (child help)"), year);
    if (st == ST_OK)
        st = ratio_or_na(r, "YT09", label, child_stats_helped(db, r->on, &v), &v);
    return st;
}

/* KH01.<n>: 1 met, 0 not met, empty unknown; counted into *met / *known. */
static enum status add_target(struct db *db, struct report *r, const struct plan_target *t,
                              int year, long long *met, long long *known)
{
    char code[REPORT_CODE_BUF];
    snprintf(code, sizeof code, "KH01.%lld", t->id);
    struct plan_target_view v;
    enum status st = plan_target_view(db, t, year, r->on, &v);
    if (st != ST_OK) {
        status_clear();
        st = report_na(r, REPORT_SEC_PLANS, 2, code, t->text);
    } else {
        char aim[48], got[48];
        plan_format_value(t->value, t->unit, aim, sizeof aim);
        plan_format_value(v.value, t->unit, got, sizeof got);
        if (v.source == PLAN_VALUE_NONE)
            st = report_text(r, REPORT_SEC_PLANS, 2, code, t->text, _("%s %s: no value yet"),
                             plan_direction_label(t->direction), aim);
        else
            st = report_text(r, REPORT_SEC_PLANS, 2, code, t->text, _("%s %s: %s, %s"),
                             plan_direction_label(t->direction), aim, got,
                             plan_target_result_label(v.result));
        if (st == ST_OK && v.source != PLAN_VALUE_NONE && v.result != TARGET_UNKNOWN) {
            r->lines[r->n - 1].count = v.result == TARGET_MET;
            *met += v.result == TARGET_MET;
            ++*known;
        }
    }
    if (st == ST_OK)
        r->lines[r->n - 1].local = true;
    return st;
}

static enum status add_plan_targets(struct db *db, struct report *r, const struct plan *p,
                                    long long *met, long long *known, long long *all)
{
    char label[REPORT_LABEL_BUF], code[REPORT_CODE_BUF];
    plan_label(p->number, p->year, label, sizeof label);
    snprintf(code, sizeof code, "KH00.%lld", p->id);
    struct plan_target *t;
    size_t n;
    enum status st = target_repo_list(db, p->id, &t, &n);
    if (st != ST_OK)
        return st;
    st = report_text(r, REPORT_SEC_PLANS, 1, code, label, "%s", p->title);
    if (st == ST_OK)
        r->lines[r->n - 1].local = true;
    for (size_t i = 0; i < n && st == ST_OK; i++)
        st = add_target(db, r, &t[i], p->year, met, known);
    *all += (long long)n;
    plan_target_list_free(t, n);
    return st;
}

struct dept_tally { long long id; const char *name; long long done, overdue, total; };

/* KH02 tasks, KH03 done, KH04 overdue; KH05.<department id> done of total. */
static enum status add_tasks(struct db *db, struct report *r, int year)
{
    struct task_filter f = {0};
    f.year = year;
    struct task *t;
    size_t n;
    enum status st = task_repo_list(db, &f, &t, &n);
    if (st != ST_OK)
        return st;
    struct dept_tally *d = calloc(n ? n : 1, sizeof *d), sum = {0};
    size_t nd = 0;
    for (size_t i = 0; d && i < n; i++) {
        size_t k = 0;
        while (k < nd && d[k].id != t[i].department_id)
            k++;
        if (k == nd)
            d[nd++] = (struct dept_tally){t[i].department_id, t[i].department_name, 0, 0, 0};
        bool done = t[i].done && date_cmp(t[i].done_on, r->on) <= 0;
        bool late = !done && date_cmp(t[i].due_on, r->on) < 0;
        d[k].total++, sum.total++;
        d[k].done += done, sum.done += done;
        d[k].overdue += late, sum.overdue += late;
    }
    st = d ? report_num(r, REPORT_SEC_PLANS, 1, "KH02", _("Tasks of the year's plans"), sum.total)
           : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK)
        st = report_share(r, REPORT_SEC_PLANS, 1, "KH03", _("Tasks done"), sum.done, sum.total);
    if (st == ST_OK)
        st = report_share(r, REPORT_SEC_PLANS, 1, "KH04", _("Tasks overdue"), sum.overdue, sum.total);
    for (size_t k = 0; k < nd && st == ST_OK; k++) {
        char code[REPORT_CODE_BUF];
        snprintf(code, sizeof code, "KH05.%lld", d[k].id);
        st = report_share(r, REPORT_SEC_PLANS, 2, code, d[k].name ? d[k].name : "?", d[k].done,
                          d[k].total);
        if (st == ST_OK) {
            struct report_line *l = &r->lines[r->n - 1];
            l->local = true;
            snprintf(l->value, sizeof l->value, _("%lld done, %lld overdue, of %lld"), d[k].done,
                     d[k].overdue, d[k].total);
        }
    }
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
    long long met = 0, known = 0, all = 0;
    for (size_t i = 0; i < n && st == ST_OK; i++)
        st = add_plan_targets(db, r, &p[i], &met, &known, &all);
    plan_list_free(p, n);
    char label[REPORT_LABEL_BUF];
    snprintf(label, sizeof label, _("Targets of the plans of %d met"), year);
    if (st == ST_OK)
        st = report_share(r, REPORT_SEC_PLANS, 1, "KH01", label, met, all);
    if (st == ST_OK && all == 0)
        snprintf(r->lines[r->n - 1].value, REPORT_VALUE_BUF, "%s", _("none recorded"));
    if (st == ST_OK)
        st = report_num(r, REPORT_SEC_PLANS, 2, "KH01.0", _("Targets with no value yet"),
                        all - known);
    if (st == ST_OK)
        st = add_tasks(db, r, year);
    return st;
}

static long long rounded(double v)
{
    return (long long)(v + (v < 0 ? -0.5 : 0.5));
}

/* TC01 total points, TC02 passed (1/0, empty without a verdict), TC03.<n>
 * points of each criterion. */
static enum status add_score(struct report *r, const struct score_sheet *s)
{
    struct report_line *l = report_push(r, REPORT_SEC_CRITERIA, 1, "TC01", rounded(s->score.total),
                                        _("Total points"));
    if (!l)
        return ST_NOMEM;
    snprintf(l->value, sizeof l->value, "%.0f%s", s->score.total,
             s->score.partial ? _(" (partial)") : "");
    struct strbuf v = {0};
    enum status st = rubric_verdict_text(&s->score, &v) ? ST_OK
                                                         : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_CRITERIA, 1, "TC02", _("Verdict (1 = passed)"), "%s",
                         strbuf_str(&v));
    strbuf_free(&v);
    if (st == ST_OK && (s->score.verdict == RUBRIC_PASS || s->score.verdict == RUBRIC_FAIL))
        r->lines[r->n - 1].count = s->score.verdict == RUBRIC_PASS;
    for (size_t i = 0; i < s->rubric.ncrit && st == ST_OK; i++) {
        char code[REPORT_CODE_BUF], label[REPORT_LABEL_BUF];
        snprintf(code, sizeof code, "TC03.%d", s->rubric.crit[i].number);
        snprintf(label, sizeof label, "%d. %s", s->rubric.crit[i].number, s->rubric.crit[i].name);
        st = report_num(r, REPORT_SEC_CRITERIA, 2, code, label, rounded(s->score.crit[i].points));
    }
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
        st = report_text(r, REPORT_SEC_CRITERIA, 1, "TC01", label, "%s", _("not scored yet"));
    } else {
        st = add_score(r, &s);
    }
    if (got == ST_OK)
        score_sheet_free(&s);
    return st;
}
