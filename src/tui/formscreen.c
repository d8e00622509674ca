/* formscreen — one form on a pushed screen, saved through a callback. */
#include <config.h>
#include "treem/tui/formscreen.h"
#include "treem/tui/picker.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct formscreen_state {
    struct formscreen_spec spec;
    char heading[256];
    char help[256];
    struct form form;
    bool ready;
    bool placed;          /* cursors placed for the focus below */
    size_t last_focus;
};

static void fs_enter(struct screen *s)
{
    struct formscreen_state *st = s->state;
    const struct formscreen_spec *spec = s->arg;
    st->spec = *spec;
    s->name = spec->name;
    snprintf(st->heading, sizeof st->heading, "%s", spec->heading ? spec->heading : "");
    snprintf(st->help, sizeof st->help, "%s",
             spec->help ? spec->help : _("Fill in the fields, then F2 to save (Esc: cancel)."));
    st->ready = form_init(&st->form, spec->defs, spec->n);
    s->arg = NULL;
}

static void fs_leave(struct screen *s)
{
    struct formscreen_state *st = s->state;
    form_free(&st->form);
    if (st->spec.free_ctx)
        st->spec.free_ctx(st->spec.ctx);
    else
        free(st->spec.ctx);
}

/* A field shows its start while another has the focus, and takes the
 * focus with the cursor at its end: long values that were filled in read
 * from their beginning, and a value is corrected with Backspace. */
static void place_cursors(struct formscreen_state *st)
{
    struct form *f = &st->form;
    if (st->placed && st->last_focus == f->focus)
        return;
    for (size_t i = 0; i < f->n; i++)
        if (i != f->focus && (!st->placed || i == st->last_focus))
            field_home(&f->fields[i]);
    field_end(&f->fields[f->focus]);
    st->placed = true;
    st->last_focus = f->focus;
}

static void fs_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct formscreen_state *st = s->state;
    if (st->form.n)
        place_cursors(st);
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, st->heading);
    ui_attr(w, UC_OK, false);
    ui_attr(w, UC_DIM, true);
    ui_print(w, 1, 2, cols - 4, st->help);
    ui_attr(w, UC_DIM, false);
    form_draw(w, &st->form, 3, 2, rows - 3, cols - 4);
}

static enum screen_result fs_save(struct screen *s)
{
    struct formscreen_state *st = s->state;
    form_clear_errors(&st->form);
    if (!st->spec.save(s->ui, &st->form, st->spec.ctx)) {
        /* The line under a field is cut at the screen's edge: the status
         * line repeats the first message whole. */
        for (size_t i = 0; i < st->form.n; i++)
            if (st->form.errors[i]) {
                ui_status(s->ui, true, "%s", st->form.errors[i]);
                break;
            }
        return SR_HANDLED;
    }
    form_mark_saved(&st->form);
    return SR_POP;
}

static enum screen_result fs_action(struct screen *s, enum action a, int digit)
{
    struct formscreen_state *st = s->state;
    (void)digit;
    switch (form_key(&st->form, a)) {
    case FORM_SAVE: return fs_save(s);
    case FORM_USED: return SR_HANDLED;
    default: return SR_UNHANDLED; /* Esc, help, the menu: the frame's, which asks when unsaved */
    }
}

static enum screen_result fs_text(struct screen *s, const char *utf8)
{
    struct formscreen_state *st = s->state;
    form_type(s->ui, &st->form, utf8);
    return SR_HANDLED;
}

/* Letters are never commands in a form: on a choice they choose. */
static bool fs_text_mode(struct screen *s)
{
    struct formscreen_state *st = s->state;
    return st->form.n > 0;
}

static bool fs_unsaved(struct screen *s)
{
    struct formscreen_state *st = s->state;
    return form_changed(&st->form);
}

static const enum action fs_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_CLEAR, ACT_BACK};

static const struct screen_ops formscreen_ops = {
    .title = N_("Form"),
    .actions = fs_actions,
    .nactions = sizeof fs_actions / sizeof *fs_actions,
    .state_size = sizeof(struct formscreen_state),
    .enter = fs_enter,
    .leave = fs_leave,
    .draw = fs_draw,
    .on_action = fs_action,
    .on_text = fs_text,
    .text_mode = fs_text_mode,
    .unsaved = fs_unsaved,
};

struct form *formscreen_open(struct ui *ui, const struct formscreen_spec *spec)
{
    struct formscreen_spec copy = *spec;
    struct screen *s = ui_push(ui, &formscreen_ops, &copy);
    struct formscreen_state *st = s ? s->state : NULL;
    if (st && st->ready)
        return &st->form;
    if (s) {
        ui_pop(ui); /* frees ctx */
    } else if (spec->free_ctx) {
        spec->free_ctx(spec->ctx);
    } else {
        free(spec->ctx);
    }
    return NULL;
}

void formscreen_error(struct ui *ui, struct form *f, const char *msg, const char *const *names,
                      size_t n, size_t fallback)
{
    for (size_t i = 0; i < n && i < f->n; i++) {
        if (!names[i])
            continue;
        const char *name = _(names[i]);
        size_t len = strlen(name);
        if (strncmp(msg, name, len) == 0 && msg[len] == ':') {
            form_set_error(f, i, msg);
            return;
        }
    }
    if (fallback < f->n)
        form_set_error(f, fallback, msg);
    else
        ui_status(ui, true, "%s", msg);
}

enum form_step form_leave_step(struct ui *ui, struct form *f, bool can_save)
{
    if (!form_changed(f))
        return FORM_LEAVE;
    switch (ui_ask_unsaved(ui, can_save)) {
    case LEAVE_SAVE: return FORM_SAVE;
    case LEAVE_DISCARD: return FORM_LEAVE;
    default: return FORM_USED;
    }
}

const char **department_choices(struct db *db, struct department **depts, size_t *n)
{
    if (department_repo_list(db, false, depts, n) != ST_OK) {
        *depts = NULL;
        *n = 0;
        return NULL;
    }
    const char **labels = calloc(*n + 2, sizeof *labels);
    if (!labels) {
        department_list_free(*depts, *n);
        *depts = NULL;
        *n = 0;
        return NULL;
    }
    labels[0] = "—";
    for (size_t i = 0; i < *n; i++)
        labels[i + 1] = (*depts)[i].name;
    return labels;
}

void form_type(struct ui *ui, struct form *f, const char *utf8)
{
    if (f->n && f->defs[f->focus].kind == FK_CHOICE && utf8[0] != ' ') {
        picker_open(ui, f, f->focus, utf8);
        return;
    }
    size_t before = f->n ? utf8_char_count(field_text(&f->fields[f->focus])) : 0;
    form_text(f, utf8);
    size_t added = f->n ? utf8_char_count(field_text(&f->fields[f->focus])) - before : 0;
    char *nfc = utf8_nfc(utf8); /* characters as the field counts them */
    size_t typed = nfc ? utf8_char_count(nfc) : added;
    free(nfc);
    if (f->n && f->defs[f->focus].max_chars && typed > 1 && typed > added)
        ui_status(ui, true, _("%s: at most %zu characters; the rest of what was pasted was left out."),
                  _(f->defs[f->focus].label), f->defs[f->focus].max_chars);
}
