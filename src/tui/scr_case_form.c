/* scr_case_form — the intake form (Mẫu 01), the step form and the child
 * picker (an unaccented search of the register). Nothing is saved until the
 * app layer accepts it; its message goes under the field it names. */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/form.h"
#include "treem/tui/listbase.h"
#include "treem/app/case_edit.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENUM_X_LABEL(id, code, label, aliases) label,
static const char *const source_choices[] = {CASE_SOURCE_LIST(ENUM_X_LABEL) NULL};
/* A new intake starts with no kind (the officer chooses) and the kind's
 * level (abuse: intervention), both one place after the lists' own. */
static const char *const kind_choices[] = {N_("(choose)"), CASE_KIND_LIST(ENUM_X_LABEL) NULL};
static const char *const injury_choices[] = {CASE_INJURY_LIST(ENUM_X_LABEL) NULL};
static const char *const level_choices[] = {N_("The kind's level"), CASE_LEVEL_LIST(ENUM_X_LABEL) NULL};
static const char *const sex_choices[] = {CHILD_SEX_LIST(ENUM_X_LABEL) NULL};
static const char *const yesno_choices[] = {N_("No"), N_("Yes"), NULL};

void case_form_set_when(struct form *f, size_t date_field, size_t hour_field, struct datetime t)
{
    char h[8];
    form_set_date(f, date_field, t.date);
    snprintf(h, sizeof h, "%02d:%02d", t.hour, t.min);
    form_set(f, hour_field, h);
}

void case_form_set_now(struct form *f, size_t date_field, size_t hour_field)
{
    case_form_set_when(f, date_field, hour_field, date_now());
}

/* The date and hour of two fields; false with the message at the bad one. */
bool case_form_read_when(struct form *f, size_t df, size_t hf, const char *field, struct datetime *out)
{
    struct date d;
    size_t bad = date_parse(form_value(f, df), &d) == ST_OK ? hf : df;
    if (case_parse_datetime(field, form_value(f, df), form_value(f, hf), false, out) == ST_OK)
        return true;
    form_set_error(f, bad, status_message());
    return false;
}

/* ---- intake ------------------------------------------------------------ */

enum { I_DATE, I_HOUR, I_SOURCE, I_CHILD, I_AGE, I_SEX, I_KIND, I_INJURY, I_LEVEL, I_PLACE,
       I_STATE, I_CONSEQ, I_PARENTS, I_CARER, I_ACTIONS, I_CONSENT, I_RNAME, I_RPHONE, I_RADDR,
       I_LEVEL_REASON,
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
    {N_("Reason for the level"), FK_TEXT, 300, NULL, N_("when lower than the kind's level")},
};

struct intake_state {
    struct formscreen fs;         /* the base: first */
    struct child_pick pick;
    struct case_file orig;        /* editing: the case as read (id 0 = a new case) */
};

static bool intake_save(struct ui *ui, struct form *f, void *ctx);
static bool intake_key(struct ui *ui, struct form *f, enum action a, void *ctx);
static void intake_resume(struct ui *ui, struct form *f, void *ctx);

static const struct formscreen_spec intake_spec = {intake_defs, I__COUNT, NULL, "", intake_save,
                                                   NULL, NULL, NULL};
static const struct formscreen_hooks intake_hooks = {.key = intake_key, .resume = intake_resume};

static void intake_enter(struct screen *s)
{
    struct intake_state *st = s->state;
    case_file_init(&st->orig);
    if (!formscreen_begin(s, &intake_spec, &intake_hooks))
        return;
    formscreen_set_heading(s, _("New report (Mẫu 01) — F2 saves"));
    case_form_set_now(&st->fs.form, I_DATE, I_HOUR);
    form_mark_saved(&st->fs.form);
}

static void intake_leave(struct screen *s)
{
    struct intake_state *st = s->state;
    formscreen_end(s);
    case_file_free(&st->orig);
}

static void intake_resume(struct ui *ui, struct form *f, void *ctx)
{
    struct intake_state *st = ((struct screen *)ctx)->state;
    (void)ui;
    if (st->pick.id)
        form_set(f, I_CHILD, st->pick.label);
}

/* Reads the form into c; false with a message at the field. */
static bool intake_read(struct intake_state *st, struct case_file *c)
{
    struct form *f = &st->fs.form;
    if (!case_form_read_when(f, I_DATE, I_HOUR, _("received"), &c->received))
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
    if (*age && number_parse_int(age, NUM_INT, &years) != ST_OK) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: %s", _("estimated age"), status_message());
        form_set_error(f, I_AGE, msg);
        return false;
    }
    c->est_age = years > 999 ? 999 : (int)years;
    c->source = form_choice(f, I_SOURCE);
    c->sex = form_choice(f, I_SEX);
    c->kind = form_choice(f, I_KIND) - 1;
    c->injury = form_choice(f, I_INJURY);
    c->level = form_choice(f, I_LEVEL) ? form_choice(f, I_LEVEL) - 1 : case_default_level(c->kind);
    if (*form_value(f, I_LEVEL_REASON))
        c->level_reason = strdup(form_value(f, I_LEVEL_REASON));
    c->consent = form_choice(f, I_CONSENT) == 1;
    const size_t tf[] = {I_PLACE, I_STATE, I_CONSEQ, I_PARENTS, I_CARER, I_ACTIONS, I_RNAME,
                         I_RPHONE, I_RADDR};
    char **dst[] = {&c->place, &c->current_state, &c->consequence, &c->parents, &c->carer,
                    &c->actions_taken, &c->reporter_name, &c->reporter_phone, &c->reporter_address};
    for (size_t i = 0; i < 9; i++)
        *dst[i] = *form_value(f, tf[i]) ? strdup(form_value(f, tf[i])) : NULL;
    return true;
}

/* Editing: what the form does not show (the code, the unidentified child's
 * note, …) comes from the case as read; the app refuses a stale copy. */
static enum status intake_update(struct screen *s, struct case_file *c)
{
    struct intake_state *st = s->state;
    struct case_file base;
    enum status rc = case_repo_get(s->ui->db, st->orig.id, &base);
    if (rc != ST_OK)
        return rc;
    char **mine[] = {&c->child_note};
    char **theirs[] = {&base.child_note};
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++) {
        free(*mine[i]);
        *mine[i] = *theirs[i];
        *theirs[i] = NULL;
    }
    c->id = base.id;
    c->rev = st->orig.rev;
    c->died = base.died;
    memcpy(c->uid, base.uid, sizeof c->uid);
    memcpy(c->code, base.code, sizeof c->code);
    memcpy(c->created_at, base.created_at, sizeof c->created_at);
    c->stage = base.stage;
    case_file_free(&base);
    if (!c->consent) /* without consent nothing of the reporter is kept */
        for (char **r = &c->reporter_name; r <= &c->reporter_address; r++) {
            free(*r);
            *r = NULL;
        }
    return case_edit_intake(s->ui->db, c);
}

static bool intake_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct intake_state *st = s->state;
    struct case_file c;
    case_file_init(&c);
    if (!intake_read(st, &c)) {
        case_file_free(&c);
        return false;
    }
    if ((st->orig.id ? intake_update(s, &c) : cases_add(ui->db, &c)) != ST_OK) {
        static const struct form_label at[] = {
            {N_("received"), I_DATE},     {N_("reporter"), I_RNAME}, {N_("injury cause"), I_INJURY},
            {N_("estimated age"), I_AGE}, {N_("child"), I_CHILD},    {N_("case kind"), I_KIND},
            {N_("protection level"), I_LEVEL_REASON}};
        formscreen_error_map(ui, f, status_message(), at, sizeof at / sizeof *at, I_PLACE);
        case_file_free(&c);
        return false;
    }
    *(long long *)s->arg = c.id;
    ui_status(ui, false, st->orig.id ? _("Saved case %s.") : _("Recorded case %s."), c.code);
    case_file_free(&c);
    return true;
}

/* Enter on the Child field finds the child in the register. */
static bool intake_key(struct ui *ui, struct form *f, enum action a, void *ctx)
{
    struct intake_state *st = ((struct screen *)ctx)->state;
    if (a != ACT_OPEN || f->focus != I_CHILD)
        return false;
    snprintf(st->pick.query, sizeof st->pick.query, "%s", form_value(f, I_CHILD));
    st->pick.id = 0;
    ui_push(ui, &scr_child_pick_ops, &st->pick);
    return true;
}

const enum action case_form_actions[] = {ACT_SAVE, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_case_intake_ops = {
    .title = N_("New case"),
    FORMSCREEN_SCREEN(struct intake_state, intake_enter, intake_leave, case_form_actions),
};

/* "Name (TE-0001)" of child id, as the picker writes it. */
static enum status child_label(struct db *db, long long id, char *out, size_t n)
{
    struct child ch;
    child_init(&ch);
    enum status rc = children_get(db, id, &ch);
    if (rc == ST_OK)
        snprintf(out, n, "%s (%s)", ch.full_name, ch.code);
    child_free(&ch);
    return rc;
}

/* Editing case *arg: the form filled from the case. */
static void intake_edit_enter(struct screen *s)
{
    struct intake_state *st = s->state;
    intake_enter(s);
    if (!st->fs.ready)
        return;
    if (case_repo_get(s->ui->db, *(long long *)s->arg, &st->orig) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return;
    }
    const struct case_file *c = &st->orig;
    struct form *f = &st->fs.form;
    char age[16] = "";
    formscreen_set_headingf(s, _("Correct case %s (Mẫu 01) — F2 saves"), c->code);
    case_form_set_when(f, I_DATE, I_HOUR, c->received);
    if (c->child_id && child_label(s->ui->db, c->child_id, st->pick.label,
                                   sizeof st->pick.label) == ST_OK) {
        st->pick.id = c->child_id;
        form_set(f, I_CHILD, st->pick.label);
    }
    if (c->est_age >= 0)
        snprintf(age, sizeof age, "%d", c->est_age);
    form_set(f, I_AGE, age);
    const size_t cf[] = {I_SOURCE, I_SEX, I_KIND, I_INJURY, I_LEVEL, I_CONSENT};
    /* the kind's and the level's lists start with "(choose)" / "the kind's level" */
    const int cv[] = {c->source, c->sex, c->kind + 1, c->injury, c->level + 1, c->consent};
    for (size_t i = 0; i < 6; i++)
        form_set_choice(f, cf[i], cv[i] < 0 ? 0 : cv[i]);
    const size_t tf[] = {I_PLACE, I_STATE, I_CONSEQ, I_PARENTS, I_CARER, I_ACTIONS, I_RNAME,
                         I_RPHONE, I_RADDR};
    const char *tv[] = {c->place, c->current_state, c->consequence, c->parents, c->carer,
                        c->actions_taken, c->reporter_name, c->reporter_phone, c->reporter_address};
    for (size_t i = 0; i < 9; i++)
        form_set(f, tf[i], tv[i] ? tv[i] : "");
    form_set(f, I_LEVEL_REASON, c->level_reason ? c->level_reason : "");
    form_mark_saved(f);
}

const struct screen_ops scr_case_intake_edit_ops = {
    .title = N_("Correct a case"),
    FORMSCREEN_SCREEN(struct intake_state, intake_edit_enter, intake_leave, case_form_actions),
};

/* ---- the child picker ----------------------------------------------------- */

#define PICK_ROWS 200 /* the first matches; typing more narrows them */

struct pick_state {
    struct listbase lb;           /* the base: first */
    struct child_row *rows;       /* lb.n of them */
};

static bool pick_load(struct screen *s, size_t *count)
{
    struct pick_state *st = s->state;
    struct child_query q;
    child_query_init(&q);
    q.text = listbase_search(s);
    st->rows = malloc(PICK_ROWS * sizeof *st->rows);
    if (!st->rows)
        return status_set(ST_NOMEM, "%s", _("out of memory")), false;
    return children_page(s->ui->db, &q, 0, PICK_ROWS, st->rows, count) == ST_OK;
}

static void pick_unload(struct screen *s)
{
    struct pick_state *st = s->state;
    free(st->rows);
    st->rows = NULL;
}

static void pick_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct child_row *c = &((struct pick_state *)s->state)->rows[i];
    char born[DATE_BUF] = "—";
    if (c->birth_date.y)
        date_format(c->birth_date, born);
    lb_cell(r, 0, c->code);
    lb_cell(r, 1, c->full_name);
    lb_cell(r, 2, born);
}

static enum lb_after pick_child(struct screen *s, size_t sel, int digit)
{
    const struct child_row *r = &((struct pick_state *)s->state)->rows[sel];
    struct child_pick *p = s->arg;
    (void)digit;
    p->id = r->id;
    snprintf(p->label, sizeof p->label, "%s (%s)", r->full_name, r->code);
    return LB_POP;
}

static const struct lb_key pick_keys[] = {{ACT_OPEN, pick_child, false}};
static const struct lb_col pick_cols[] = {{N_("Code"), 8}, {N_("Full name"), 30}, {N_("Born"), 11}};
static const struct listbase_def pick_def = {
    .search = true,
    .hint = N_("Pick the child: type to search, Enter picks"),
    .cols = pick_cols, .ncols = sizeof pick_cols / sizeof *pick_cols,
    .load = pick_load, .unload = pick_unload, .row = pick_row,
    .keys = pick_keys, .nkeys = sizeof pick_keys / sizeof *pick_keys,
};

static void pick_enter(struct screen *s)
{
    listbase_enter_search(s, &pick_def, ((const struct child_pick *)s->arg)->query);
}

static const enum action pick_actions[] = {ACT_OPEN, ACT_BACK};

const struct screen_ops scr_child_pick_ops = {
    .title = N_("Pick a child"),
    LISTBASE_OPS(struct pick_state, pick_enter, pick_actions),
};
