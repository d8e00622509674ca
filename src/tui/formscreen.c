/* formscreen — one form on a pushed screen, saved through a callback. */
#include <config.h>
#include "treem/tui/formscreen.h"
#include "treem/tui/picker.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

static bool begin(struct screen *s, const struct formscreen_spec *spec)
{
    struct formscreen *fs = s->state;
    fs->spec = *spec;
    if (spec->name)
        s->name = spec->name;
    fs->heading = dup_or_empty(spec->heading);
    fs->help = dup_or_empty(spec->help ? spec->help
                                       : _("Fill in the fields, then F2 to save (Esc: cancel)."));
    fs->ready = fs->heading && fs->help && form_init(&fs->form, spec->defs, spec->n);
    return fs->ready;
}

bool formscreen_begin(struct screen *s, const struct formscreen_spec *spec,
                      const struct formscreen_hooks *hooks)
{
    struct formscreen *fs = s->state;
    if (hooks)
        fs->hooks = *hooks;
    struct formscreen_spec own = *spec;
    own.ctx = s;
    own.free_ctx = NULL;
    return begin(s, &own);
}

void formscreen_end(struct screen *s)
{
    struct formscreen *fs = s->state;
    form_free(&fs->form);
    free(fs->heading);
    free(fs->help);
    fs->heading = fs->help = NULL;
    if (!fs->owns_ctx)
        return;
    if (fs->spec.free_ctx)
        fs->spec.free_ctx(fs->spec.ctx);
    else
        free(fs->spec.ctx);
}

/* out of memory: the old line stays */
void formscreen_set_heading(struct screen *s, const char *heading)
{
    form_str_set(&((struct formscreen *)s->state)->heading, heading);
}

void formscreen_set_help(struct screen *s, const char *help)
{
    form_str_set(&((struct formscreen *)s->state)->help, help);
}

/* *line (the heading or the help) set to fmt formatted with ap. */
static void set_vprintf(char **line, const char *fmt, va_list ap)
{
    struct strbuf text = STRBUF_INIT;
    if (strbuf_vprintf(&text, fmt, ap))
        form_str_set(line, text.buf);
    strbuf_free(&text);
}

void formscreen_set_headingf(struct screen *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_vprintf(&((struct formscreen *)s->state)->heading, fmt, ap);
    va_end(ap);
}

void formscreen_set_helpf(struct screen *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_vprintf(&((struct formscreen *)s->state)->help, fmt, ap);
    va_end(ap);
}

/* A field shows its start while another has the focus, and takes the
 * focus with the cursor at its end: long values that were filled in read
 * from their beginning, and a value is corrected with Backspace. */
static void place_cursors(struct formscreen *fs)
{
    struct form *f = &fs->form;
    if (fs->placed && fs->last_focus == f->focus)
        return;
    for (size_t i = 0; i < f->n; i++)
        if (i != f->focus && (!fs->placed || i == fs->last_focus))
            field_home(&f->fields[i]);
    field_end(&f->fields[f->focus]);
    fs->placed = true;
    fs->last_focus = f->focus;
}

/* The heading, the help line when there is one; the fields' first row. */
static int draw_top(struct formscreen *fs, WINDOW *w, int cols)
{
    ui_print_in(w, UC_OK, 0, 2, cols - 4, fs->heading ? fs->heading : "");
    if (!fs->help || !fs->help[0])
        return 2;
    ui_print_in(w, UC_DIM, 1, 2, cols - 4, fs->help);
    return fs->hooks.dense ? 2 : 3;
}

void formscreen_draw_fields(struct screen *s, WINDOW *w, int y, int rows, int cols)
{
    struct formscreen *fs = s->state;
    if (!fs->ready || !fs->form.n)
        return;
    place_cursors(fs);
    form_draw(w, &fs->form, y, 2, rows, cols - 4);
}

void formscreen_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct formscreen *fs = s->state;
    int y = fs->hooks.top ? fs->hooks.top(s->ui, w, cols, fs->spec.ctx) : draw_top(fs, w, cols);
    if (y < 0)
        return;
    int n = fs->hooks.below ? fs->hooks.field_rows : rows - y;
    formscreen_draw_fields(s, w, y, n, cols);
    if (fs->hooks.below)
        fs->hooks.below(s->ui, w, y + n, rows - y - n, cols, fs->spec.ctx);
}

enum screen_result formscreen_save(struct screen *s)
{
    struct formscreen *fs = s->state;
    form_clear_errors(&fs->form);
    if (!fs->ready || !fs->spec.save(s->ui, &fs->form, fs->spec.ctx)) {
        /* The line under a field is cut at the screen's edge: the status
         * line repeats the first message whole. */
        for (size_t i = 0; i < fs->form.n; i++)
            if (fs->form.errors[i]) {
                ui_status(s->ui, true, "%s", fs->form.errors[i]);
                break;
            }
        return SR_HANDLED;
    }
    form_mark_saved(&fs->form);
    return fs->hooks.stays ? SR_HANDLED : SR_POP;
}

enum screen_result formscreen_action(struct screen *s, enum action a, int digit)
{
    struct formscreen *fs = s->state;
    (void)digit;
    if (!fs->ready)
        return SR_UNHANDLED; /* no form (out of memory): Esc leaves */
    if (fs->hooks.key && fs->hooks.key(s->ui, &fs->form, a, fs->spec.ctx))
        return SR_HANDLED;
    switch (form_key(&fs->form, a)) {
    case FORM_SAVE: return formscreen_save(s);
    case FORM_USED: return SR_HANDLED;
    default: return SR_UNHANDLED; /* Esc, help, the menu: the frame's, which asks when unsaved */
    }
}

enum screen_result formscreen_text(struct screen *s, const char *utf8)
{
    struct formscreen *fs = s->state;
    if (fs->ready)
        form_type(s->ui, &fs->form, utf8);
    return SR_HANDLED;
}

/* Letters are never commands in a form: on a choice they choose. */
bool formscreen_text_mode(struct screen *s)
{
    struct formscreen *fs = s->state;
    return fs->form.n > 0;
}

bool formscreen_unsaved(struct screen *s)
{
    struct formscreen *fs = s->state;
    return !fs->hooks.nothing_to_lose && form_changed(&fs->form);
}

void formscreen_resume(struct screen *s)
{
    struct formscreen *fs = s->state;
    if (fs->ready && fs->hooks.resume)
        fs->hooks.resume(s->ui, &fs->form, fs->spec.ctx);
}

/* ---- formscreen_open: a screen made of a spec alone --------------------- */

static void fs_enter(struct screen *s)
{
    struct formscreen *fs = s->state;
    const struct formscreen_spec *spec = s->arg;
    fs->owns_ctx = true;
    begin(s, spec);
    s->arg = NULL;
}

static const enum action fs_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_CLEAR, ACT_BACK};

static const struct screen_ops formscreen_ops = {
    .title = N_("Form"),
    FORMSCREEN_SCREEN(struct formscreen, fs_enter, formscreen_end, fs_actions),
};

struct form *formscreen_open(struct ui *ui, const struct formscreen_spec *spec)
{
    struct formscreen_spec copy = *spec;
    struct screen *s = ui_push(ui, &formscreen_ops, &copy);
    struct formscreen *fs = s ? s->state : NULL;
    if (fs && fs->ready)
        return &fs->form;
    if (s) {
        ui_pop(ui); /* frees ctx */
    } else if (spec->free_ctx) {
        spec->free_ctx(spec->ctx);
    } else {
        free(spec->ctx);
    }
    return NULL;
}

struct form *formscreen_open_id(struct ui *ui, const struct formscreen_spec *spec, long long id)
{
    struct formscreen_spec copy = *spec;
    long long *ctx = malloc(sizeof *ctx);
    struct form *f = NULL;
    if (ctx) {
        *ctx = id;
        copy.ctx = ctx;
        copy.free_ctx = NULL;
        f = formscreen_open(ui, &copy);
    }
    if (!f)
        ui_status(ui, true, "%s", _("out of memory"));
    return f;
}

/* msg starts with the translated name and a ':' */
static bool names_field(const char *msg, const char *name)
{
    if (!name)
        return false;
    const char *t = _(name);
    size_t len = strlen(t);
    return strncmp(msg, t, len) == 0 && msg[len] == ':';
}

size_t form_label_field(const char *msg, const struct form_label *map, size_t n, size_t fallback)
{
    for (size_t i = 0; i < n; i++)
        if (names_field(msg, map[i].name))
            return map[i].field;
    return fallback;
}

static void put_error(struct ui *ui, struct form *f, const char *msg, size_t field)
{
    if (field < f->n)
        form_set_error(f, field, msg);
    else
        ui_status(ui, true, "%s", msg);
}

void formscreen_error_map(struct ui *ui, struct form *f, const char *msg,
                          const struct form_label *map, size_t n, size_t fallback)
{
    put_error(ui, f, msg, form_label_field(msg, map, n, fallback));
}

void formscreen_error(struct ui *ui, struct form *f, const char *msg, const char *const *names,
                      size_t n, size_t fallback)
{
    for (size_t i = 0; i < n && i < f->n; i++)
        if (names_field(msg, names[i])) {
            form_set_error(f, i, msg);
            return;
        }
    put_error(ui, f, msg, fallback);
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
