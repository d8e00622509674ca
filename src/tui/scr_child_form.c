/* scr_child_form — add or edit a child, built from the model's field table
 * (child_fields[]): every field of the record in form order, closed lists as
 * choices, validation messages at the field, and the likely duplicates shown
 * before anything is saved. */
#include <config.h>
#include "treem/tui/child_form.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/list.h"
#include "treem/tui/screens.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const bool_choices[] = {N_("Not recorded"), N_("No"), N_("Yes"), NULL};
static const char *const bool_codes[] = {"", "no", "yes"};

enum dup_choice { DUP_NONE, DUP_SAVE_ANYWAY, DUP_OPEN };

static bool child_save(struct ui *ui, struct form *f, void *ctx);
static bool child_form_key(struct ui *ui, struct form *f, enum action a, void *ctx);
static void child_form_resume(struct ui *ui, struct form *f, void *ctx);

/* defs: the state's, built from the model's field table; help: translated at enter */
static const struct formscreen_spec child_form_spec = {NULL, CF__COUNT, NULL, NULL, child_save,
                                                       NULL, NULL, NULL};
static const struct formscreen_hooks child_form_hooks = {
    .key = child_form_key, .resume = child_form_resume, .dense = true};

struct child_form_state {
    struct formscreen fs;         /* the base: first */
    struct form_def defs[CF__COUNT];
    char *labels[CF__COUNT];
    const char **choices[CF__COUNT]; /* malloc'd, NULL-terminated: any length */
    size_t nchoices[CF__COUNT];      /* the list's own; one slot more is kept */
    char *own[CF__COUNT];            /* the record's value when the list lacks it */
    char **villages, **ethnics;
    size_t nvillages, nethnics;
    struct child orig;            /* as read (id 0 for a new child) */
    struct child_matches dups;
    enum dup_choice dup_choice;
    long long dup_open_id;
    struct list_view dup_lv;
    struct history_ref hist;      /* Ctrl-Y */
    bool force;                   /* saving: the likely duplicates were seen */
};

static void build_defs(struct child_form_state *st)
{
    for (int f = 0; f < CF__COUNT; f++) {
        const struct child_field_def *d = &child_fields[f];
        struct form_def *fd = &st->defs[f];
        st->labels[f] = utf8_capitalize(_(d->label));
        fd->label = st->labels[f] ? st->labels[f] : d->key;
        fd->kind = FK_TEXT;
        fd->max_chars = d->max > 0 ? (size_t)d->max : 10;
        if (d->kind == CFK_DATE)
            fd->hint = N_("dd/mm/yyyy");
        else if (d->kind == CFK_AGE)
            fd->hint = N_("years, when the date of birth is not known");
        else if (d->kind == CFK_PID)
            fd->hint = N_("12 digits");
        bool ethnic = f == CF_ETHNICITY && st->nethnics;
        char **names = ethnic ? st->ethnics : st->villages;
        size_t n = d->kind == CFK_ENUM ? d->def->n : d->kind == CFK_BOOL ? 3
                 : d->kind == CFK_VILLAGE ? st->nvillages + 1 : ethnic ? st->nethnics + 1 : 0;
        /* one slot more for a value the list lacks, and the NULL */
        if (n && !(st->choices[f] = calloc(n + 2, sizeof *st->choices[f])))
            n = 0;
        for (size_t i = 0; i < n; i++)
            st->choices[f][i] = d->kind == CFK_ENUM ? d->def->items[i].label
                              : d->kind == CFK_BOOL ? bool_choices[i]
                              : i == 0 ? "—" : names[i - 1];
        st->nchoices[f] = n;
        if (n) {
            fd->kind = FK_CHOICE;
            fd->choices = st->choices[f];
        }
    }
}

static int int_at(const struct child *c, int f)
{
    return *(const int *)((const char *)c + child_fields[f].offset);
}

/* The choice of a name: its place in the list, or the slot kept for a
 * value the list lacks (a village renamed, an ethnic group spelt another
 * way), so that saving never changes what was not touched. */
static int name_choice(struct child_form_state *st, int f, const char *value)
{
    size_t n = st->nchoices[f];
    free(st->own[f]);
    st->own[f] = NULL;
    st->choices[f][n] = NULL;
    if (!value || !*value)
        return 0;
    for (size_t i = 1; i < n; i++)
        if (strcmp(st->choices[f][i], value) == 0)
            return (int)i;
    if (!(st->own[f] = strdup(value)))
        return 0;
    st->choices[f][n] = st->own[f];
    return (int)n;
}

/* Puts the record's values into the form. */
static void fill_form(struct child_form_state *st, const struct child *c)
{
    struct strbuf sb = STRBUF_INIT;
    for (int f = 0; f < CF__COUNT; f++) {
        const struct child_field_def *d = &child_fields[f];
        if (d->kind == CFK_ENUM) {
            int v = int_at(c, f);
            form_set_choice(&st->fs.form, (size_t)f, v >= 0 && (size_t)v < d->def->n ? v : 0);
        } else if (d->kind == CFK_BOOL) {
            form_set_choice(&st->fs.form, (size_t)f, int_at(c, f) + 1);
        } else if (st->defs[f].kind == FK_CHOICE) { /* a village, an ethnic group */
            strbuf_reset(&sb);
            child_field_text(c, (enum child_field)f, CHILD_FMT_SHOW, &sb);
            form_set_choice(&st->fs.form, (size_t)f, name_choice(st, f, strbuf_str(&sb)));
        } else {
            strbuf_reset(&sb);
            child_field_text(c, (enum child_field)f, CHILD_FMT_SHOW, &sb);
            form_set(&st->fs.form, (size_t)f, strbuf_str(&sb));
        }
    }
    strbuf_free(&sb);
    form_mark_saved(&st->fs.form);
}

static enum status load(struct screen *s, long long id)
{
    struct child_form_state *st = s->state;
    child_free(&st->orig);
    child_init(&st->orig);
    if (id) {
        enum status rc = children_get(s->ui->db, id, &st->orig);
        if (rc != ST_OK)
            return rc;
    } else {
        st->orig.sex = CHILD_SEX_UNKNOWN;
    }
    form_clear_errors(&st->fs.form);
    fill_form(st, &st->orig);
    st->fs.form.focus = st->fs.form.top = 0;
    if (st->orig.id)
        formscreen_set_headingf(s, _("Child %s — %s"), st->orig.code, st->orig.full_name);
    else
        formscreen_set_heading(s, _("New child"));
    return ST_OK;
}

static void child_form_enter(struct screen *s)
{
    struct child_form_state *st = s->state;
    village_list(s->ui->db, &st->villages, &st->nvillages);
    if (children_ethnic_names(s->ui->db, &st->ethnics, &st->nethnics) != ST_OK)
        st->nethnics = 0;
    build_defs(st);
    struct formscreen_spec spec = child_form_spec;
    spec.defs = st->defs;
    spec.help = _("Tab, Up, Down: fields · Left/Right or typing: choices · F2: save · Esc: back");
    child_init(&st->orig);
    if (!formscreen_begin(s, &spec, &child_form_hooks))
        return;
    const long long *id = s->arg;
    if (load(s, id ? *id : 0) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
}

static void child_form_leave(struct screen *s)
{
    struct child_form_state *st = s->state;
    formscreen_end(s);
    child_free(&st->orig);
    child_matches_free(&st->dups);
    string_list_free(st->villages, st->nvillages);
    string_list_free(st->ethnics, st->nethnics);
    for (int f = 0; f < CF__COUNT; f++) {
        free(st->labels[f]);
        free(st->choices[f]);
        free(st->own[f]);
    }
}

/* The text to parse for form field f. */
static const char *typed_value(struct child_form_state *st, int f)
{
    const struct child_field_def *d = &child_fields[f];
    int idx = form_choice(&st->fs.form, (size_t)f);
    if (d->kind == CFK_ENUM)
        return d->def->items[idx].code;
    if (d->kind == CFK_BOOL)
        return bool_codes[idx];
    if (st->defs[f].kind == FK_CHOICE) /* a village, an ethnic group: the name */
        return idx ? st->choices[f][idx] : "";
    return form_value(&st->fs.form, (size_t)f);
}

/* Reads the form into c (a copy of the original); false with messages at
 * the fields when something typed cannot be read. */
static bool read_form(struct child_form_state *st, struct child *c)
{
    bool ok = true;
    child_copy(c, &st->orig);
    form_clear_errors(&st->fs.form);
    for (int f = CF__COUNT - 1; f >= 0; f--) {
        if (child_field_parse(c, (enum child_field)f, typed_value(st, f)) != ST_OK) {
            form_set_error(&st->fs.form, (size_t)f, status_message());
            ok = false;
        }
    }
    return ok;
}

static bool child_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct child_form_state *st = s->state;
    struct child c;
    child_init(&c);
    if (!read_form(st, &c)) {
        child_free(&c);
        return false;
    }
    struct children_save_opts opts = {.force = st->force};
    enum child_field bad = CF_NONE;
    child_matches_free(&st->dups);
    enum status rc = children_save(ui->db, &c, &opts, &st->dups, &bad);
    if (rc == ST_OK) {
        ui_status(ui, false, _("Saved %s — %s."), c.code, c.full_name);
        child_free(&c);
        return true;
    }
    if (rc == ST_INVALID && bad != CF_NONE)
        form_set_error(f, (size_t)bad, status_message());
    else if (rc == ST_EXISTS) {
        st->dup_choice = DUP_NONE;
        ui_push(ui, &scr_child_dups_ops, st);
    } else
        ui_status(ui, true, "%s", status_message());
    child_free(&c);
    return false;
}

/* Back from the likely duplicates: save anyway, or open the one chosen. */
static void child_form_resume(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct child_form_state *st = s->state;
    enum dup_choice choice = st->dup_choice;
    (void)f;
    st->dup_choice = DUP_NONE;
    if (choice == DUP_SAVE_ANYWAY) {
        st->force = true;
        enum screen_result r = formscreen_save(s);
        st->force = false;
        if (r == SR_POP)
            ui_pop(ui); /* s is freed: nothing after this */
    } else if (choice == DUP_OPEN) {
        if (load(s, st->dup_open_id) != ST_OK)
            ui_status(ui, true, "%s", status_message());
        else
            ui_status(ui, false, "%s", _("Opened the record already in the register."));
    }
}

/* Ctrl-G: groups and health of a saved child; Ctrl-Y: its history. */
static bool child_form_key(struct ui *ui, struct form *f, enum action a, void *ctx)
{
    struct child_form_state *st = ((struct screen *)ctx)->state;
    (void)f;
    if (a == ACT_FACTS) {
        if (!st->orig.id)
            ui_status(ui, true, "%s", _("Save the child first (F2), then Ctrl-G records groups and health."));
        else
            ui_push(ui, &scr_child_facts_ops, &st->orig.id);
        return true;
    }
    if (a != ACT_HISTORY || !st->orig.id)
        return false;
    memset(&st->hist, 0, sizeof st->hist);
    st->hist.entity = "child";
    snprintf(st->hist.id, sizeof st->hist.id, "%s", st->orig.uid);
    snprintf(st->hist.title, sizeof st->hist.title, "%s (%s)", st->orig.full_name, st->orig.code);
    ui_push(ui, &scr_history_ops, &st->hist);
    return true;
}

static const enum action child_form_actions[] = {ACT_SAVE, ACT_FACTS, ACT_HISTORY, ACT_NEXT_FIELD, ACT_CLEAR,
                                                 ACT_BACK};

const struct screen_ops scr_child_form_ops = {
    .title = N_("Child"),
    FORMSCREEN_SCREEN(struct child_form_state, child_form_enter, child_form_leave, child_form_actions),
};

/* ---- likely duplicates ------------------------------------------------ */

static void dup_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct child_form_state *st = ctx;
    const struct child *c = &st->dups.items[i].child;
    char birth[DATE_BUF + 8];
    if (c->birth_date.y)
        date_format(c->birth_date, birth);
    else
        snprintf(birth, sizeof birth, _("~%d years"), c->est_age);
    struct strbuf why = STRBUF_INIT;
    child_dup_reasons_text(st->dups.items[i].dup.reasons, &why);
    const int widths[] = {7, 22, 10, 14, 22};
    const char *cells[] = {c->code, c->full_name, birth, c->village ? c->village : "",
                           strbuf_str(&why)};
    ui_columns(buf, bufsz, widths, cells, 5);
    strbuf_free(&why);
}

static void dups_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct child_form_state *st = s->arg;
    ui_print_in(w, UC_WARN, 0, 2, cols - 4, _("This child may already be in the register:"));
    ui_print(w, 1, 2, cols - 4, _("Enter: open the selected record · F2: save as a new child anyway · Esc: back"));
    list_set_count(&st->dup_lv, st->dups.n);
    list_draw(w, 3, 2, rows - 3, cols - 4, &st->dup_lv, dup_row, st, true);
}

static enum screen_result dups_action(struct screen *s, enum action a, int digit)
{
    struct child_form_state *st = s->arg;
    (void)digit;
    if (a == ACT_SAVE) {
        st->dup_choice = DUP_SAVE_ANYWAY;
        return SR_POP;
    }
    if (a == ACT_OPEN && st->dups.n) {
        st->dup_choice = DUP_OPEN;
        st->dup_open_id = st->dups.items[st->dup_lv.selected].child.id;
        return SR_POP;
    }
    if (a == ACT_BACK)
        return SR_POP;
    return list_handle(&st->dup_lv, a) ? SR_HANDLED : SR_UNHANDLED;
}

static const enum action dups_actions[] = {ACT_OPEN, ACT_SAVE, ACT_BACK};

const struct screen_ops scr_child_dups_ops = {
    .title = N_("Likely duplicates"),
    SCREEN_ACTIONS(dups_actions),
    .draw = dups_draw,
    .on_action = dups_action,
};
