/* scr_case_step — the step form: records a new step or corrects a saved one
 * (arg struct case_step_ref). The Step field offers only the kinds that may
 * come at that place of the timeline (Nghị định 56/2017 order); the app
 * refuses a date that would put a step out of order, with the reason under
 * the field. Editing shows the step's risk ratings and its first plan item;
 * they are replaced only when changed (the other plan items stay). */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/form.h"
#include "treem/app/case_edit.h"
#include "treem/db/case_step_repo.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/tui/formscreen.h"
#include "treem/core/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENUM_X_LABEL(id, code, label, aliases) label,
static const char *const step_labels[] = {CASE_STEP_LIST(ENUM_X_LABEL) NULL};
static const char *const emergency_choices[] = {N_("Not asked"), N_("No"), N_("Yes"), NULL};

enum { S_KIND, S_DATE, S_HOUR, S_EMERG, S_WHO, S_NOTES, S_RISKS, S_TASK, S_DEPT, S_START, S_END,
       S_COST, S_SEP_DATE, S_SEP_HOUR, S__COUNT };
enum { PLAN_FIRST = S_RISKS, PLAN_LAST = S_COST };

static const struct form_def step_defs[S__COUNT] = {
    {N_("Step"), FK_CHOICE, 0, NULL, NULL},
    {N_("Carried out on"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Hour"), FK_TEXT, 5, NULL, N_("hh:mm")},
    {N_("Emergency"), FK_CHOICE, 0, emergency_choices, NULL},
    {N_("Who"), FK_TEXT, 100, NULL, NULL},
    {N_("Notes"), FK_TEXT, 2000, NULL, NULL},
    {N_("Risk ratings"), FK_TEXT, 500, NULL, N_("detailed assessment: factor=cao; factor=thấp")},
    {N_("Plan: service"), FK_TEXT, 200, NULL, N_("plan: a service or task")},
    {N_("Plan: department"), FK_TEXT, 100, NULL, N_("who is responsible")},
    {N_("Plan: start"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Plan: end"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Plan: cost"), FK_TEXT, 24, NULL, N_("đồng, e.g. 1.500.000")},
    {N_("Separation ended"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy, empty while it lasts")},
    {N_("Ended at"), FK_TEXT, 5, NULL, N_("hh:mm")},
};

struct step_state {
    struct formscreen fs;         /* the base: first */
    struct form_def defs[S__COUNT];
    const char *choices[CASE_STEP__COUNT + 1];
    int kinds[CASE_STEP__COUNT];
    size_t nkinds;
    struct case_service *items;   /* editing: the step's saved plan items */
    size_t nitems;
    char *details[S__COUNT];      /* editing: the risk and plan fields as shown */
    struct department *depts;     /* the departments the plan item chooses from */
    size_t ndepts;
    const char **dept_labels;     /* "—", then each name; NULL: typed (out of memory) */
};

/* The plan item's department in the form: its place in the list. */
static void set_department(struct step_state *st, const struct case_service *v)
{
    if (!st->dept_labels) {
        form_set(&st->fs.form, S_DEPT, v->department_name ? v->department_name : "");
        return;
    }
    for (size_t d = 0; d < st->ndepts; d++)
        if (st->depts[d].id == v->department_id)
            form_set_choice(&st->fs.form, S_DEPT, (int)d + 1);
}

/* The ratings of the step as "factor=Cao; factor=Thấp", its first plan item. */
static void fill_details(struct screen *s, struct step_state *st, const struct case_step_ref *ref)
{
    struct case_risk *risks = NULL;
    size_t nr = 0;
    struct strbuf b = STRBUF_INIT;
    if (case_step_repo_risks(s->ui->db, ref->case_id, &risks, &nr) == ST_OK)
        for (size_t i = 0; i < nr; i++)
            if (risks[i].step_id == ref->step_id)
                strbuf_printf(&b, "%s%s=%s", b.len ? "; " : "", risks[i].factor,
                              enum_label(&enum_case_rating, risks[i].rating));
    form_set(&st->fs.form, S_RISKS, strbuf_str(&b));
    strbuf_free(&b);
    case_risks_free(risks, nr);
    struct case_service *all = NULL;
    size_t na = 0;
    bool first = true;
    if (case_step_repo_services(s->ui->db, ref->case_id, &all, &na) == ST_OK)
        for (size_t i = 0; i < na; i++)
            if (all[i].step_id == ref->step_id) {
                struct case_service *v = &all[i];
                if (first) {
                    char cost[24];
                    form_set(&st->fs.form, S_TASK, v->task);
                    set_department(st, v);
                    form_set_date(&st->fs.form, S_START, v->start_on);
                    form_set_date(&st->fs.form, S_END, v->end_on);
                    snprintf(cost, sizeof cost, "%lld", v->cost);
                    form_set(&st->fs.form, S_COST, v->cost >= 0 ? cost : "");
                }
                first = false;
            }
    st->items = all;  /* kept whole: the step's are those with its step_id */
    st->nitems = na;
}

static void fill_step(struct screen *s, struct step_state *st, const struct case_step_ref *ref)
{
    struct case_step p;
    if (case_edit_get_step(s->ui->db, ref->case_id, ref->step_id, &p) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return;
    }
    for (size_t k = 0; k < st->nkinds; k++)
        if (st->kinds[k] == p.kind)
            form_set_choice(&st->fs.form, S_KIND, (int)k);
    case_form_set_when(&st->fs.form, S_DATE, S_HOUR, p.at);
    form_set_choice(&st->fs.form, S_EMERG, p.emergency + 1);
    form_set(&st->fs.form, S_WHO, p.who);
    form_set(&st->fs.form, S_NOTES, p.notes);
    if (p.end.date.y)
        case_form_set_when(&st->fs.form, S_SEP_DATE, S_SEP_HOUR, p.end);
    case_step_free(&p);
    fill_details(s, st, ref);
    for (size_t i = PLAN_FIRST; i <= PLAN_LAST; i++)
        st->details[i] = strdup(form_value(&st->fs.form, i));
}

static bool step_save(struct ui *ui, struct form *f, void *ctx);

/* defs: the state's copy, with the kinds that may come and the departments */
static const struct formscreen_spec step_spec = {NULL, S__COUNT, NULL, "", step_save, NULL, NULL,
                                                 NULL};

static void step_enter(struct screen *s)
{
    struct step_state *st = s->state;
    const struct case_step_ref *ref = s->arg;
    if (case_edit_next_kinds(s->ui->db, ref->case_id, ref->step_id, st->kinds, &st->nkinds) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    for (size_t k = 0; k < st->nkinds; k++)
        st->choices[k] = step_labels[st->kinds[k]];
    st->choices[st->nkinds] = NULL;
    memcpy(st->defs, step_defs, sizeof step_defs);
    st->defs[S_KIND].choices = st->choices;
    /* the department of a plan item: chosen from the list (a picker) */
    st->dept_labels = department_choices(s->ui->db, &st->depts, &st->ndepts);
    if (st->dept_labels)
        st->defs[S_DEPT] = (struct form_def){N_("Plan: department"), FK_CHOICE, 0, st->dept_labels, NULL};
    struct formscreen_spec spec = step_spec;
    spec.defs = st->defs;
    if (!formscreen_begin(s, &spec, NULL))
        return;
    if (ref->step_id)
        formscreen_set_headingf(s, _("Correct step #%lld — F2 saves"), ref->step_id);
    else
        formscreen_set_heading(s, st->nkinds ? _("Record a step — F2 saves")
                                             : _("No step can come next"));
    if (ref->step_id)
        fill_step(s, st, ref);
    else
        case_form_set_now(&st->fs.form, S_DATE, S_HOUR);
    form_mark_saved(&st->fs.form);
}

static void step_leave(struct screen *s)
{
    struct step_state *st = s->state;
    formscreen_end(s);
    case_services_free(st->items, st->nitems);
    for (size_t i = 0; i < S__COUNT; i++)
        free(st->details[i]);
    free(st->dept_labels);
    department_list_free(st->depts, st->ndepts);
}

/* "factor=rating; factor=rating" into *out (malloc'd); false at the field. */
static bool read_risks(struct form *f, struct case_risk **out, size_t *n)
{
    const char *v = form_value(f, S_RISKS);
    size_t max = 1;
    for (const char *p = v; *p; p++)
        max += *p == ';';
    char *text = strdup(v), *save = NULL;
    *out = calloc(max, sizeof **out);
    *n = 0;
    bool ok = text && *out;
    for (char *p = ok ? strtok_r(text, ";", &save) : NULL; p; p = strtok_r(NULL, ";", &save)) {
        char *eq = strrchr(p, '=');
        int rating = eq ? enum_parse(&enum_case_rating, eq + 1) : -1;
        if (rating < 0) {
            form_set_error(f, S_RISKS, _("Risk ratings: write factor=cao, trung bình or thấp"));
            ok = false;
            break;
        }
        *eq = '\0';
        (*out)[*n].factor = strdup(p);
        (*out)[(*n)++].rating = rating;
    }
    free(text);
    return ok;
}

/* The plan item of the form, when a service is typed. */
static bool read_item(struct screen *s, struct form *f, struct case_service *v, size_t *n)
{
    *n = 0;
    memset(v, 0, sizeof *v);
    v->cost = -1;
    if (!*form_value(f, S_TASK))
        return true;
    v->task = strdup(form_value(f, S_TASK));
    *n = 1;
    const struct step_state *ss = s->state;
    int dept = ss->dept_labels ? form_choice(f, S_DEPT) : 0;
    if (dept > 0 && (size_t)dept <= ss->ndepts)
        v->department_id = ss->depts[dept - 1].id;
    struct department d;
    if (!ss->dept_labels && *form_value(f, S_DEPT)) {
        if (department_repo_find(s->ui->db, form_value(f, S_DEPT), &d) != ST_OK)
            return form_set_error(f, S_DEPT, status_message()), false;
        v->department_id = d.id;
        department_clear(&d);
    }
    const size_t df[] = {S_START, S_END};
    struct date *dd[] = {&v->start_on, &v->end_on};
    for (int i = 0; i < 2; i++)
        if (*form_value(f, df[i]) && date_parse(form_value(f, df[i]), dd[i]) != ST_OK)
            return form_set_error(f, df[i], status_message()), false;
    const char *cost = form_value(f, S_COST);
    if (!*cost)
        return true;
    long long dong;
    if (number_parse_int(cost, NUM_MONEY, &dong) != ST_OK) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: %s", _("Plan: cost"), status_message());
        return form_set_error(f, S_COST, msg), false;
    }
    v->cost = dong;
    return true;
}

/* Editing: true when a risk or plan field differs from what was shown. */
static bool details_changed(const struct step_state *st)
{
    for (size_t i = PLAN_FIRST; i <= PLAN_LAST; i++)
        if (strcmp(st->details[i] ? st->details[i] : "", form_value(&st->fs.form, i)) != 0)
            return true;
    return false;
}

/* The plan items to save: the form's, then the step's others (editing). */
static struct case_service *all_items(struct step_state *st, long long step_id,
                                      const struct case_service *item, size_t ni, size_t *n)
{
    struct case_service *out = calloc(st->nitems + 1, sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    if (ni)
        out[(*n)++] = *item;
    bool first = true;
    for (size_t i = 0; step_id && i < st->nitems; i++)
        if (st->items[i].step_id == step_id) {
            if (!first)
                out[(*n)++] = st->items[i]; /* shallow: still owned by st->items */
            first = false;
        }
    return out;
}

static enum status save_step(struct screen *s, struct step_state *st, struct case_step *p,
                             struct case_risk *risks, size_t nr, struct case_service *item,
                             size_t ni)
{
    const struct case_step_ref *ref = s->arg;
    if (!ref->step_id)
        return cases_add_step(s->ui->db, p, risks, nr, item, ni);
    p->id = ref->step_id;
    bool replace = details_changed(st);
    size_t n = 0;
    struct case_service *items = replace ? all_items(st, ref->step_id, item, ni, &n) : NULL;
    if (replace && !items)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status rc = case_edit_step(s->ui->db, p, replace, risks, nr, items, n);
    free(items);
    return rc;
}

/* The names the app's messages start with → the field they go under. */
static const struct form_label step_labels_at[] = {
    {N_("step date"), S_DATE},   {N_("approval"), S_DATE},     {N_("emergency"), S_EMERG},
    {N_("end"), S_SEP_DATE},     {N_("risk rating"), S_RISKS}, {N_("risk factor"), S_RISKS},
    {N_("service or task"), S_TASK}, {N_("start"), S_START},   {N_("cost"), S_COST},
    {N_("step"), S_KIND}};

static bool step_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct step_state *st = s->state;
    const struct case_step_ref *ref = s->arg;
    if (!st->nkinds)
        return ui_status(ui, true, "%s", _("No step can come next.")), false;
    struct case_step p;
    case_step_init(&p, st->kinds[form_choice(f, S_KIND)]);
    p.case_id = ref->case_id;
    p.emergency = form_choice(f, S_EMERG) - 1;
    p.who = strdup(form_value(f, S_WHO));
    p.notes = strdup(form_value(f, S_NOTES));
    struct case_risk *risks = NULL;
    struct case_service item;
    size_t nr = 0, ni = 0;
    bool ok = case_form_read_when(f, S_DATE, S_HOUR, _("step date"), &p.at) &&
              (!*form_value(f, S_SEP_DATE) ||
               case_form_read_when(f, S_SEP_DATE, S_SEP_HOUR, _("end"), &p.end)) &&
              read_risks(f, &risks, &nr) && read_item(s, f, &item, &ni);
    if (ok && save_step(s, st, &p, risks, nr, &item, ni) != ST_OK) {
        formscreen_error_map(ui, f, status_message(), step_labels_at,
                             sizeof step_labels_at / sizeof *step_labels_at, S_KIND);
        ok = false;
    }
    case_risks_free(risks, nr);
    if (ni)
        free(item.task);
    case_step_free(&p);
    if (ok)
        ui_status(ui, false, "%s", ref->step_id ? _("Step saved.") : _("Step recorded."));
    return ok;
}

static const enum action step_actions[] = {ACT_SAVE, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_case_step_ops = {
    .title = N_("Case step"),
    FORMSCREEN_SCREEN(struct step_state, step_enter, step_leave, step_actions),
};
