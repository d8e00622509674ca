/* picker — a choice field's values as a list of any length, filtered while
 * typing by the beginnings of words in any order, without tone marks ("bo
 * hoc" finds "Bỏ học", "cong an" finds "Công an xã" and not "Cán bộ … công
 * tác"); Enter takes the selected value into the form, Esc changes nothing. */
#include <config.h>
#include "treem/tui/picker.h"
#include "treem/tui/list.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct picker_state {
    struct form *form;
    size_t field;
    size_t n;          /* choices */
    char **folded;     /* each choice's label, folded */
    size_t *shown;     /* indexes of the choices the filter keeps */
    size_t nshown;
    struct field filter;
    struct list_view lv;
};

struct picker_arg { struct form *form; size_t field; const char *typed; };

/* w begins a word of the folded label ("an" begins "an" in "công an xã",
 * not "cán"). */
static bool begins_a_word(const char *label, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = label; *p; p++)
        if ((p == label || strchr(" (/-–", p[-1])) && strncmp(p, w, n) == 0)
            return true;
    return false;
}

/* Every word of the folded filter begins a word of the folded label. */
static bool matches(const char *label, const char *filter)
{
    char *copy = strdup(filter);
    bool ok = copy != NULL;
    for (char *save = NULL, *w = copy ? strtok_r(copy, " ", &save) : NULL; ok && w;
         w = strtok_r(NULL, " ", &save))
        ok = begins_a_word(label, w);
    free(copy);
    return ok;
}

static void refilter(struct picker_state *st)
{
    char *f = utf8_fold(field_text(&st->filter));
    int current = st->form->choice[st->field];
    st->nshown = 0;
    for (size_t i = 0; i < st->n; i++)
        if (!f || matches(st->folded[i] ? st->folded[i] : "", f)) {
            if ((int)i == current)
                st->lv.selected = st->nshown;
            st->shown[st->nshown++] = i;
        }
    free(f);
    list_set_count(&st->lv, st->nshown);
}

static const char *label_of(const struct picker_state *st, size_t i)
{
    return _(st->form->defs[st->field].choices[i]);
}

static void picker_enter(struct screen *s)
{
    struct picker_state *st = s->state;
    const struct picker_arg *arg = s->arg;
    st->form = arg->form;
    st->field = arg->field;
    while (st->form->defs[st->field].choices[st->n])
        st->n++;
    st->folded = calloc(st->n + 1, sizeof *st->folded);
    st->shown = calloc(st->n + 1, sizeof *st->shown);
    for (size_t i = 0; st->folded && i < st->n; i++)
        st->folded[i] = utf8_fold(label_of(st, i));
    field_init(&st->filter, arg->typed, 60);
    st->filter.changed = false;
    if (!st->folded || !st->shown)
        st->n = 0;
    refilter(st);
    s->arg = NULL;
}

static void picker_leave(struct screen *s)
{
    struct picker_state *st = s->state;
    for (size_t i = 0; st->folded && i < st->n; i++)
        free(st->folded[i]);
    free(st->folded);
    free(st->shown);
    field_free(&st->filter);
}

static void picker_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct picker_state *st = ctx;
    snprintf(buf, bufsz, "%s", label_of(st, st->shown[i]));
}

static void picker_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct picker_state *st = s->state;
    char head[256];
    snprintf(head, sizeof head, _("Choose: %s"), _(st->form->defs[st->field].label));
    ui_print_in(w, UC_OK, 0, 2, cols - 4, head);
    ui_print_in(w, UC_DIM, 1, 2, cols - 4, _("Type words to narrow the list · Up/Down · Enter: choose · Esc: back"));
    char count[96];
    snprintf(count, sizeof count, _("%zu of %zu"), st->nshown, st->n);
    int cw = utf8_width(count);
    ui_print(w, 2, 2, 8, _("Find:"));
    field_draw(w, 2, 10, cols - 14 - cw - 2, &st->filter);
    ui_print(w, 2, cols - 2 - cw, cw, count);
    list_draw(w, 4, 2, rows - 4, cols - 4, &st->lv, picker_row, st, true);
    if (!st->nshown)
        ui_print(w, 4, 4, cols - 8, _("Nothing matches: Backspace or Ctrl-U to widen."));
}

static enum screen_result picker_action(struct screen *s, enum action a, int digit)
{
    struct picker_state *st = s->state;
    (void)digit;
    if (a == ACT_OPEN) {
        if (!st->nshown)
            return SR_HANDLED;
        size_t pick = st->shown[st->lv.selected];
        if ((int)pick != st->form->choice[st->field]) {
            st->form->choice[st->field] = (int)pick;
            st->form->fields[st->field].changed = true;
        }
        return SR_POP;
    }
    if (a == ACT_BACK)
        return SR_POP;
    if (a == ACT_HOME || a == ACT_END || a == ACT_UP || a == ACT_DOWN || a == ACT_PGUP ||
        a == ACT_PGDN)
        return list_handle(&st->lv, a), SR_HANDLED;
    if (field_handle(&st->filter, a)) {
        refilter(st);
        return SR_HANDLED;
    }
    return a == ACT_HELP || a == ACT_REDRAW ? SR_UNHANDLED : SR_HANDLED;
}

static enum screen_result picker_text(struct screen *s, const char *utf8)
{
    struct picker_state *st = s->state;
    field_insert(&st->filter, utf8);
    refilter(st);
    return SR_HANDLED;
}


static const enum action picker_actions[] = {ACT_OPEN, ACT_UP, ACT_DOWN, ACT_CLEAR, ACT_BACK};

const struct screen_ops scr_picker_ops = {
    .title = N_("Choose"),
    SCREEN_ACTIONS(picker_actions),
    .state_size = sizeof(struct picker_state),
    .enter = picker_enter,
    .leave = picker_leave,
    .draw = picker_draw,
    .on_action = picker_action,
    .on_text = picker_text,
    .text_mode = screen_takes_text,
};

bool picker_open(struct ui *ui, struct form *f, size_t field, const char *typed)
{
    if (field >= f->n || f->defs[field].kind != FK_CHOICE || !f->defs[field].choices)
        return false;
    struct picker_arg arg = {f, field, typed ? typed : ""};
    return ui_push(ui, &scr_picker_ops, &arg) != NULL;
}
