/* form — field descriptors → labelled editors with messages. */
#include <config.h>
#include "treem/tui/form.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void edit_num(double v, char *buf, size_t n)
{
    char tmp[NUMBER_BUF];
    snprintf(buf, n, "%s", number_format_plain(v, 2, tmp));
}

void form_set_date(struct form *f, size_t i, struct date d)
{
    char buf[DATE_BUF] = "";
    if (d.y)
        date_format(d, buf);
    form_set(f, i, buf);
}

bool form_str_set(char **dst, const char *v)
{
    char *copy = strdup(v ? v : "");
    if (!copy)
        return false;
    free(*dst);
    *dst = copy;
    return true;
}

bool form_init(struct form *f, const struct form_def *defs, size_t n)
{
    memset(f, 0, sizeof *f);
    f->defs = defs;
    f->n = n;
    f->fields = calloc(n, sizeof *f->fields);
    f->choice = calloc(n, sizeof *f->choice);
    f->errors = calloc(n, sizeof *f->errors);
    if (!f->fields || !f->choice || !f->errors) {
        form_free(f);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        field_init(&f->fields[i], "", defs[i].max_chars);
        int w = utf8_width(_(defs[i].label));
        if (w > f->label_cols)
            f->label_cols = w;
    }
    return true;
}

void form_free(struct form *f)
{
    for (size_t i = 0; f->fields && i < f->n; i++) {
        field_free(&f->fields[i]);
        if (f->errors)
            free(f->errors[i]);
    }
    free(f->fields);
    free(f->choice);
    free(f->errors);
    memset(f, 0, sizeof *f);
}

const char *form_value(const struct form *f, size_t i)
{
    if (f->defs[i].kind == FK_CHOICE)
        return f->defs[i].choices[f->choice[i]];
    return field_text(&f->fields[i]);
}

int form_choice(const struct form *f, size_t i) { return f->choice[i]; }

void form_set(struct form *f, size_t i, const char *value)
{
    field_set(&f->fields[i], value ? value : "");
}

void form_set_choice(struct form *f, size_t i, int index)
{
    f->choice[i] = index;
}

void form_set_error(struct form *f, size_t i, const char *msg)
{
    free(f->errors[i]);
    f->errors[i] = msg ? strdup(msg) : NULL;
    if (msg) {
        size_t first = i;
        for (size_t j = 0; j < f->n; j++)
            if (f->errors[j]) {
                first = j;
                break;
            }
        f->focus = first;
    }
}

void form_clear_errors(struct form *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->errors[i]);
        f->errors[i] = NULL;
    }
}

bool form_has_errors(const struct form *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->errors[i])
            return true;
    return false;
}

bool form_changed(const struct form *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->fields[i].changed)
            return true;
    return false;
}

void form_mark_saved(struct form *f)
{
    for (size_t i = 0; i < f->n; i++)
        f->fields[i].changed = false;
}

static int count_choices(const struct form_def *d)
{
    int n = 0;
    while (d->choices && d->choices[n])
        n++;
    return n;
}

bool form_handle(struct form *f, enum action a)
{
    const struct form_def *d = &f->defs[f->focus];
    switch (a) {
    case ACT_UP:
        if (f->focus == 0)
            return true;
        f->focus--;
        return true;
    case ACT_DOWN:
        if (f->focus + 1 >= f->n)
            return true;
        f->focus++;
        return true;
    case ACT_PREV_FIELD: /* Tab and Shift-Tab go round: never out of the form */
        f->focus = f->focus ? f->focus - 1 : f->n - 1;
        return true;
    case ACT_NEXT_FIELD:
        f->focus = f->focus + 1 < f->n ? f->focus + 1 : 0;
        return true;
    case ACT_LEFT: case ACT_RIGHT:
        if (d->kind == FK_CHOICE) {
            int n = count_choices(d);
            f->choice[f->focus] = (f->choice[f->focus] + (a == ACT_RIGHT ? 1 : n - 1)) % n;
            f->fields[f->focus].changed = true;
            return true;
        }
        break;
    default:
        break;
    }
    if (d->kind != FK_CHOICE && field_handle(&f->fields[f->focus], a)) {
        free(f->errors[f->focus]);
        f->errors[f->focus] = NULL;
        return true;
    }
    return false;
}

enum form_step form_key(struct form *f, enum action a)
{
    switch (a) {
    case ACT_SAVE: return FORM_SAVE;
    case ACT_BACK: return FORM_LEAVE;
    case ACT_OPEN: return form_handle(f, ACT_NEXT_FIELD), FORM_USED;
    case ACT_HELP: case ACT_QUIT: case ACT_MENU: case ACT_MENU_PREV: case ACT_JUMP:
    case ACT_REDRAW:
        return FORM_PASS;
    default:
        break;
    }
    form_handle(f, a);
    return FORM_USED; /* no other key leaves a form */
}

bool form_text(struct form *f, const char *utf8)
{
    const struct form_def *d = &f->defs[f->focus];
    if (d->kind == FK_CHOICE) {
        if (utf8[0] == ' ')
            return form_handle(f, ACT_RIGHT);
        return false;
    }
    free(f->errors[f->focus]);
    f->errors[f->focus] = NULL;
    return field_insert(&f->fields[f->focus], utf8);
}

#define MSG_ROWS 3 /* a message under a field wraps onto at most this many rows */

/* Rows field i takes: 1, plus its message wrapped to width. */
static int field_rows(const struct form *f, size_t i, int width)
{
    int starts[MSG_ROWS], lens[MSG_ROWS];
    return 1 + (f->errors[i] ? ui_wrap(f->errors[i], width, starts, lens, MSG_ROWS) : 0);
}

/* The label column for cols columns: the longest label, but never more
 * than 45 % of the width (a longer label ends in "…" inside its column). */
static int label_width(const struct form *f, int cols)
{
    int most = cols * 45 / 100;
    return f->label_cols < most ? f->label_cols : most;
}

static void draw_value(WINDOW *w, struct form *f, size_t i, int y, int x, int width)
{
    const struct form_def *d = &f->defs[i];
    bool focus = i == f->focus;
    ui_attr(w, focus ? UC_FIELD_FOCUS : UC_FIELD, true);
    if (d->kind == FK_CHOICE) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s %s %s", draw_ascii() ? "<" : "◂",
                 _(d->choices[f->choice[i]]), draw_ascii() ? ">" : "▸");
        ui_print_pad(w, y, x, width, buf);
        ui_attr(w, focus ? UC_FIELD_FOCUS : UC_FIELD, false);
        return;
    }
    size_t start, end;
    int cur;
    field_view(&f->fields[i], width, &start, &end, &cur);
    const char *t = field_text(&f->fields[i]);
    char *vis = strndup(t + start, end - start);
    if (vis && d->kind == FK_SECRET) { /* a passphrase: one * per character */
        size_t n = utf8_char_count(vis);
        char *stars = malloc(n + 1);
        if (stars) {
            memset(stars, '*', n);
            stars[n] = '\0';
        }
        free(vis);
        vis = stars;
    }
    ui_print_pad(w, y, x, width, vis ? vis : "");
    free(vis);
    ui_attr(w, focus ? UC_FIELD_FOCUS : UC_FIELD, false);
    if (!t[0] && d->hint && !focus) {
        ui_print_in(w, UC_DIM, y, x, width, _(d->hint));
    }
    if (focus)
        ui_place_cursor(w, y, x + cur);
}

void form_draw(WINDOW *w, struct form *f, int y, int x, int rows, int cols)
{
    int lw = label_width(f, cols), msg_w = cols - 2;
    /* scroll so the focused field (and its message) shows */
    if (f->top > f->focus)
        f->top = f->focus;
    for (;;) {
        int used = 0;
        for (size_t i = f->top; i <= f->focus; i++)
            used += field_rows(f, i, msg_w);
        if (used <= rows || f->top == f->focus)
            break;
        f->top++;
    }
    int row = y;
    int value_x = x + lw + 2, width = cols - lw - 2;
    for (size_t i = f->top; i < f->n && row < y + rows; i++) {
        char label[512];
        utf8_truncate(_(f->defs[i].label), lw, label, sizeof label);
        ui_print_pad(w, row, x, lw + 2, label); /* two columns between label and value */
        draw_value(w, f, i, row, value_x, width);
        row++;
        if (!f->errors[i])
            continue;
        /* the message starts under the label: it names the field and needs
         * the whole width more than the indentation; it wraps, never cut */
        int starts[MSG_ROWS], lens[MSG_ROWS];
        int n = ui_wrap(f->errors[i], msg_w, starts, lens, MSG_ROWS);
        ui_attr(w, UC_ERROR, true);
        for (int k = 0; k < n && row < y + rows; k++, row++)
            mvwaddnstr(w, row, x + 2, f->errors[i] + starts[k], lens[k]);
        ui_attr(w, UC_ERROR, false);
    }
}
