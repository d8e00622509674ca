/* scr_case_form — the intake form (Mẫu 01), the step form and the child
 * picker (an unaccented search of the register). Nothing is saved until the
 * app layer accepts it; its message goes under the field it names. */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listscreen.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENUM_X_LABEL(id, code, label, aliases) label,
static const char *const source_choices[] = {CASE_SOURCE_LIST(ENUM_X_LABEL) NULL};
static const char *const kind_choices[] = {CASE_KIND_LIST(ENUM_X_LABEL) NULL};
static const char *const injury_choices[] = {CASE_INJURY_LIST(ENUM_X_LABEL) NULL};
static const char *const level_choices[] = {CASE_LEVEL_LIST(ENUM_X_LABEL) NULL};
static const char *const sex_choices[] = {CHILD_SEX_LIST(ENUM_X_LABEL) NULL};
static const char *const step_choices[] = {CASE_STEP_LIST(ENUM_X_LABEL) NULL};
static const char *const yesno_choices[] = {N_("No"), N_("Yes"), NULL};
static const char *const emergency_choices[] = {N_("Not asked"), N_("No"), N_("Yes"), NULL};

/* Puts the app's message under the field whose label it starts with. */
/* "field: message" under field i. */
static void form_errorf(struct form *f, size_t i, const char *name, const char *msg)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s: %s", name, msg);
    form_set_error(f, i, buf);
}

static void place_error(struct form *f, const char *const labels[], const size_t fields[],
                        size_t n, size_t fallback)
{
    const char *msg = status_message();
    for (size_t i = 0; i < n; i++) {
        const char *l = _(labels[i]);
        if (strncmp(msg, l, strlen(l)) == 0 && msg[strlen(l)] == ':') {
            form_set_error(f, fields[i], msg);
            return;
        }
    }
    form_set_error(f, fallback, msg);
}

static void set_now(struct form *f, size_t date_field, size_t hour_field)
{
    struct datetime now = date_now();
    char d[DATE_BUF], h[8];
    date_format(now.date, d);
    snprintf(h, sizeof h, "%02d:%02d", now.hour, now.min);
    form_set(f, date_field, d);
    form_set(f, hour_field, h);
}

/* The date and hour of two fields; false with the message at the bad one. */
static bool read_when(struct form *f, size_t df, size_t hf, const char *field, struct datetime *out)
{
    struct date d;
    size_t bad = date_parse(form_value(f, df), &d) == ST_OK ? hf : df;
    if (case_parse_datetime(field, form_value(f, df), form_value(f, hf), false, out) == ST_OK)
        return true;
    form_set_error(f, bad, status_message());
    return false;
}

/* Letters are never commands in a form: on a choice they choose. */
static bool form_text_mode_of(struct form *f)
{
    return f->n > 0;
}

/* ---- intake ------------------------------------------------------------ */

enum { I_DATE, I_HOUR, I_SOURCE, I_CHILD, I_AGE, I_SEX, I_KIND, I_INJURY, I_LEVEL, I_PLACE,
       I_STATE, I_CONSEQ, I_PARENTS, I_CARER, I_ACTIONS, I_CONSENT, I_RNAME, I_RPHONE, I_RADDR,
       I__COUNT };

static const struct form_def intake_defs[I__COUNT] = {
    {N_("Received on"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Hour"), FK_TEXT, 5, NULL, N_("hh:mm")},
    {N_("Report came"), FK_CHOICE, 0, source_choices, NULL},
    {N_("Child"), FK_TEXT, 100, NULL, N_("type a name, Enter finds it in the register")},
    {N_("Estimated age"), FK_TEXT, 2, NULL, N_("unidentified child: years")},
    {N_("Sex"), FK_CHOICE, 0, sex_choices, NULL},
    {N_("Case kind"), FK_CHOICE, 0, kind_choices, NULL},
    {N_("Injury cause"), FK_CHOICE, 0, injury_choices, NULL},
    {N_("Protection level"), FK_CHOICE, 0, level_choices, NULL},
    {N_("Place"), FK_TEXT, 200, NULL, NULL},
    {N_("Current state"), FK_TEXT, 500, NULL, NULL},
    {N_("Likely consequence"), FK_TEXT, 500, NULL, NULL},
    {N_("Parents"), FK_TEXT, 500, NULL, N_("name, age, job; family situation")},
    {N_("Carer"), FK_TEXT, 200, NULL, NULL},
    {N_("Actions taken"), FK_TEXT, 500, NULL, NULL},
    {N_("Reporter consents"), FK_CHOICE, 0, yesno_choices, NULL},
    {N_("Reporter's name"), FK_TEXT, 100, NULL, N_("only with consent")},
    {N_("Reporter's phone"), FK_TEXT, 20, NULL, N_("only with consent")},
    {N_("Reporter's address"), FK_TEXT, 200, NULL, N_("only with consent")},
};

struct intake_state {
    struct form form;
    struct child_pick pick;
};

static void intake_enter(struct screen *s)
{
    struct intake_state *st = s->state;
    form_init(&st->form, intake_defs, I__COUNT);
    set_now(&st->form, I_DATE, I_HOUR);
    form_set_choice(&st->form, I_LEVEL, CASE_LEVEL_SUPPORT);
    form_mark_saved(&st->form);
}

static void intake_leave(struct screen *s)
{
    struct intake_state *st = s->state;
    form_free(&st->form);
}

static void intake_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct intake_state *st = s->state;
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, _("New report (Mẫu 01) — F2 saves"));
    ui_attr(w, UC_OK, false);
    form_draw(w, &st->form, 2, 2, rows - 2, cols - 4);
}

static void intake_resume(struct screen *s)
{
    struct intake_state *st = s->state;
    if (st->pick.id)
        form_set(&st->form, I_CHILD, st->pick.label);
}

/* Reads the form into c; false with a message at the field. */
static bool intake_read(struct intake_state *st, struct case_file *c)
{
    struct form *f = &st->form;
    if (!read_when(f, I_DATE, I_HOUR, _("received"), &c->received))
        return false;
    const char *child = form_value(f, I_CHILD);
    if (*child && !(st->pick.id && strcmp(child, st->pick.label) == 0)) {
        form_set_error(f, I_CHILD, _("Child: press Enter to find the child in the register, "
                                     "or leave it empty for an unidentified child"));
        return false;
    }
    c->child_id = *child ? st->pick.id : 0;
    const char *age = form_value(f, I_AGE);
    long long years = -1;
    if (*age && number_parse_int(age, NUM_INT, &years) != ST_OK)
        return form_errorf(f, I_AGE, _("estimated age"), status_message()), false;
    c->est_age = years > 999 ? 999 : (int)years;
    c->source = form_choice(f, I_SOURCE);
    c->sex = form_choice(f, I_SEX);
    c->kind = form_choice(f, I_KIND);
    c->injury = form_choice(f, I_INJURY);
    c->level = form_choice(f, I_LEVEL);
    c->consent = form_choice(f, I_CONSENT) == 1;
    const size_t tf[] = {I_PLACE, I_STATE, I_CONSEQ, I_PARENTS, I_CARER, I_ACTIONS, I_RNAME,
                         I_RPHONE, I_RADDR};
    char **dst[] = {&c->place, &c->current_state, &c->consequence, &c->parents, &c->carer,
                    &c->actions_taken, &c->reporter_name, &c->reporter_phone, &c->reporter_address};
    for (size_t i = 0; i < 9; i++)
        *dst[i] = *form_value(f, tf[i]) ? strdup(form_value(f, tf[i])) : NULL;
    return true;
}

static enum screen_result intake_save(struct screen *s)
{
    struct intake_state *st = s->state;
    form_clear_errors(&st->form);
    struct case_file c;
    case_file_init(&c);
    if (!intake_read(st, &c)) {
        case_file_free(&c);
        return SR_HANDLED;
    }
    if (cases_add(s->ui->db, &c) != ST_OK) {
        static const char *const labels[] = {N_("received"), N_("reporter"), N_("injury cause"),
                                             N_("estimated age"), N_("child"), N_("case kind")};
        static const size_t fields[] = {I_DATE, I_RNAME, I_INJURY, I_AGE, I_CHILD, I_KIND};
        place_error(&st->form, labels, fields, 6, I_PLACE);
        case_file_free(&c);
        return SR_HANDLED;
    }
    *(long long *)s->arg = c.id;
    ui_status(s->ui, false, _("Recorded case %s."), c.code);
    case_file_free(&c);
    return SR_POP;
}

static enum screen_result intake_action(struct screen *s, enum action a, int digit)
{
    struct intake_state *st = s->state;
    (void)digit;
    if (a == ACT_SAVE)
        return intake_save(s);
    if (a == ACT_OPEN && st->form.focus == I_CHILD) {
        snprintf(st->pick.query, sizeof st->pick.query, "%s", form_value(&st->form, I_CHILD));
        st->pick.id = 0;
        ui_push(s->ui, &scr_child_pick_ops, &st->pick);
        return SR_HANDLED;
    }
    switch (form_key(&st->form, a)) {
    case FORM_SAVE: return intake_save(s);
    case FORM_USED: return SR_HANDLED;
    default: return SR_UNHANDLED; /* Esc: the frame asks when unsaved */
    }
}

static enum screen_result intake_text(struct screen *s, const char *utf8)
{
    struct intake_state *st = s->state;
    form_type(s->ui, &st->form, utf8);
    return SR_HANDLED;
}

static bool intake_text_mode(struct screen *s)
{
    return form_text_mode_of(&((struct intake_state *)s->state)->form);
}

static bool intake_unsaved(struct screen *s)
{
    return form_changed(&((struct intake_state *)s->state)->form);
}

static const enum action form_actions[] = {ACT_SAVE, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_case_intake_ops = {
    .title = N_("New case"),
    .actions = form_actions,
    .nactions = sizeof form_actions / sizeof *form_actions,
    .state_size = sizeof(struct intake_state),
    .enter = intake_enter,
    .leave = intake_leave,
    .draw = intake_draw,
    .on_action = intake_action,
    .on_text = intake_text,
    .text_mode = intake_text_mode,
    .unsaved = intake_unsaved,
    .resume = intake_resume,
};

/* ---- a step -------------------------------------------------------------- */

enum { S_KIND, S_DATE, S_HOUR, S_EMERG, S_WHO, S_NOTES, S_RISKS, S_TASK, S_DEPT, S_START, S_END,
       S_COST, S_SEP_DATE, S_SEP_HOUR, S__COUNT };

static const struct form_def step_defs[S__COUNT] = {
    {N_("Step"), FK_CHOICE, 0, step_choices, NULL},
    {N_("Carried out on"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Hour"), FK_TEXT, 5, NULL, N_("hh:mm")},
    {N_("Emergency"), FK_CHOICE, 0, emergency_choices, NULL},
    {N_("Who"), FK_TEXT, 100, NULL, NULL},
    {N_("Notes"), FK_TEXT, 2000, NULL, NULL},
    {N_("Risk ratings"), FK_TEXT, 500, NULL, N_("detailed assessment: factor=cao; factor=thấp")},
    {N_("Plan: service"), FK_TEXT, 200, NULL, N_("plan: a service or task")},
    {N_("Plan: department"), FK_CHOICE, 0, NULL, NULL}, /* the departments: a picker */
    {N_("Plan: start"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Plan: end"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Plan: cost"), FK_TEXT, 24, NULL, N_("đồng, e.g. 1.500.000")},
    {N_("Separation ended"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy, empty while it lasts")},
    {N_("Ended at"), FK_TEXT, 5, NULL, N_("hh:mm")},
};

/* The step form; the form first, so s->state is also the form. */
struct step_state {
    struct form form;
    struct form_def defs[S__COUNT];
    struct department *depts;
    size_t ndepts;
    const char **dept_labels;     /* "—", then each name; NULL-terminated */
};

static void step_enter(struct screen *s)
{
    struct step_state *st = s->state;
    memcpy(st->defs, step_defs, sizeof st->defs);
    st->dept_labels = department_choices(s->ui->db, &st->depts, &st->ndepts);
    st->defs[S_DEPT].choices = st->dept_labels;
    if (!st->dept_labels) /* out of memory: no departments to choose */
        st->defs[S_DEPT] = (struct form_def){N_("Plan: department"), FK_TEXT, 0, NULL, NULL};
    form_init(&st->form, st->defs, S__COUNT);
    set_now(&st->form, S_DATE, S_HOUR);
    form_mark_saved(&st->form);
}

static void step_leave(struct screen *s)
{
    struct step_state *st = s->state;
    form_free(&st->form);
    free(st->dept_labels);
    department_list_free(st->depts, st->ndepts);
}

static void step_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, _("Record a step — F2 saves"));
    ui_attr(w, UC_OK, false);
    form_draw(w, s->state, 2, 2, rows - 2, cols - 4);
}

/* "factor=rating; factor=rating" into risks (at most max); false at the field. */
static bool read_risks(struct form *f, struct case_risk *risks, size_t max, size_t *n)
{
    char *text = strdup(form_value(f, S_RISKS)), *save = NULL;
    *n = 0;
    for (char *p = strtok_r(text, ";", &save); p && *n < max; p = strtok_r(NULL, ";", &save)) {
        char *eq = strrchr(p, '=');
        int rating = eq ? enum_parse(&enum_case_rating, eq + 1) : -1;
        if (rating < 0) {
            form_set_error(f, S_RISKS, _("Risk ratings: write factor=cao, trung bình or thấp"));
            free(text);
            return false;
        }
        *eq = '\0';
        risks[*n].factor = strdup(p);
        risks[*n].rating = rating;
        (*n)++;
    }
    free(text);
    return true;
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
    const size_t df[] = {S_START, S_END};
    struct date *dd[] = {&v->start_on, &v->end_on};
    for (int i = 0; i < 2; i++)
        if (*form_value(f, df[i]) && date_parse(form_value(f, df[i]), dd[i]) != ST_OK)
            return form_set_error(f, df[i], status_message()), false;
    long long cost;
    if (*form_value(f, S_COST)) {
        if (number_parse_int(form_value(f, S_COST), NUM_MONEY, &cost) != ST_OK)
            return form_errorf(f, S_COST, _("cost"), status_message()), false;
        v->cost = cost;
    }
    return true;
}

static enum screen_result step_save(struct screen *s)
{
    struct form *f = s->state;
    form_clear_errors(f);
    struct case_step st;
    case_step_init(&st, form_choice(f, S_KIND));
    st.case_id = *(long long *)s->arg;
    st.emergency = form_choice(f, S_EMERG) - 1;
    st.who = strdup(form_value(f, S_WHO));
    st.notes = strdup(form_value(f, S_NOTES));
    struct case_risk risks[16];
    struct case_service item;
    size_t nr = 0, ni = 0;
    bool ok = read_when(f, S_DATE, S_HOUR, _("step date"), &st.at) &&
              (!*form_value(f, S_SEP_DATE) ||
               read_when(f, S_SEP_DATE, S_SEP_HOUR, _("end"), &st.end)) &&
              read_risks(f, risks, 16, &nr) && read_item(s, f, &item, &ni);
    if (ok && cases_add_step(s->ui->db, &st, risks, nr, &item, ni) != ST_OK) {
        static const char *const labels[] = {N_("step date"), N_("approval"), N_("emergency"),
                                             N_("end"), N_("risk rating"), N_("risk factor"),
                                             N_("service or task"), N_("start"), N_("cost"),
                                             N_("step")};
        static const size_t fields[] = {S_DATE, S_DATE, S_EMERG, S_SEP_DATE, S_RISKS, S_RISKS,
                                        S_TASK, S_START, S_COST, S_KIND};
        place_error(f, labels, fields, 10, S_KIND);
        ok = false;
    }
    for (size_t i = 0; i < nr; i++)
        free(risks[i].factor);
    if (ni)
        free(item.task);
    case_step_free(&st);
    if (!ok)
        return SR_HANDLED;
    ui_status(s->ui, false, "%s", _("Step recorded."));
    return SR_POP;
}

static enum screen_result step_action(struct screen *s, enum action a, int digit)
{
    struct form *f = s->state;
    (void)digit;
    switch (form_key(f, a)) {
    case FORM_SAVE: return step_save(s);
    case FORM_USED: return SR_HANDLED;
    default: return SR_UNHANDLED; /* Esc: the frame asks when unsaved */
    }
}

static enum screen_result step_text(struct screen *s, const char *utf8)
{
    form_type(s->ui, s->state, utf8);
    return SR_HANDLED;
}

static bool step_text_mode(struct screen *s) { return form_text_mode_of(s->state); }
static bool step_unsaved(struct screen *s) { return form_changed(s->state); }

const struct screen_ops scr_case_step_ops = {
    .title = N_("Case step"),
    .actions = form_actions,
    .nactions = sizeof form_actions / sizeof *form_actions,
    .state_size = sizeof(struct step_state),
    .enter = step_enter,
    .leave = step_leave,
    .draw = step_draw,
    .on_action = step_action,
    .on_text = step_text,
    .text_mode = step_text_mode,
    .unsaved = step_unsaved,
};

/* ---- the child picker ----------------------------------------------------- */

#define PICK_ROWS 200

struct pick_state {
    struct listscreen ls;
    struct child_row rows[PICK_ROWS];
    size_t n;
};

static void pick_reload(struct screen *s)
{
    struct pick_state *st = s->state;
    struct child_query q;
    child_query_init(&q);
    q.text = field_text(&st->ls.search);
    st->n = 0;
    if (children_page(s->ui->db, &q, 0, PICK_ROWS, st->rows, &st->n) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->ls.lv, st->n);
}

static void pick_enter(struct screen *s)
{
    struct pick_state *st = s->state;
    const struct child_pick *p = s->arg;
    listscreen_init(&st->ls);
    field_set(&st->ls.search, p->query);
    snprintf(st->ls.filter, sizeof st->ls.filter, "%s", _("Pick the child: type to search, Enter picks"));
    const int w[] = {8, 30, 11};
    const char *c[] = {_("Code"), _("Full name"), _("Born")};
    ui_columns(st->ls.header, sizeof st->ls.header, w, c, 3);
    pick_reload(s);
}

static void pick_leave(struct screen *s) { listscreen_free(&((struct pick_state *)s->state)->ls); }

static void pick_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct pick_state *st = ctx;
    char born[DATE_BUF] = "—";
    if (st->rows[i].birth_date.y)
        date_format(st->rows[i].birth_date, born);
    const int w[] = {8, 30, 11};
    const char *c[] = {st->rows[i].code, st->rows[i].full_name, born};
    ui_columns(buf, bufsz, w, c, 3);
}

static void pick_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    listscreen_draw(w, rows, cols, &((struct pick_state *)s->state)->ls, pick_row, s->state);
}

static enum screen_result pick_action(struct screen *s, enum action a, int digit)
{
    struct pick_state *st = s->state;
    struct child_pick *p = s->arg;
    (void)digit;
    if (a == ACT_OPEN && st->ls.lv.selected < st->n) {
        const struct child_row *r = &st->rows[st->ls.lv.selected];
        p->id = r->id;
        snprintf(p->label, sizeof p->label, "%s (%s)", r->full_name, r->code);
        return SR_POP;
    }
    if (a == ACT_BACK)
        return SR_POP;
    enum ls_result r = listscreen_action(&st->ls, a);
    if (r == LS_SEARCH_CHANGED)
        pick_reload(s);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

static enum screen_result pick_text(struct screen *s, const char *utf8)
{
    struct pick_state *st = s->state;
    enum ls_result r = listscreen_text(&st->ls, utf8);
    if (r == LS_SEARCH_CHANGED)
        pick_reload(s);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

static bool pick_text_mode(struct screen *s) { (void)s; return true; }

static const enum action pick_actions[] = {ACT_OPEN, ACT_BACK};

const struct screen_ops scr_child_pick_ops = {
    .title = N_("Pick a child"),
    .actions = pick_actions,
    .nactions = sizeof pick_actions / sizeof *pick_actions,
    .state_size = sizeof(struct pick_state),
    .enter = pick_enter,
    .leave = pick_leave,
    .draw = pick_draw,
    .on_action = pick_action,
    .on_text = pick_text,
    .text_mode = pick_text_mode,
};
