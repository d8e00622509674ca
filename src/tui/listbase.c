/* listbase — the base of the list screens: drawing, keys, reloads. */
#include <config.h>
#include "treem/tui/listbase.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct listbase *base(struct screen *s) { return s->state; }

void lb_cell(struct lb_row *r, size_t col, const char *text)
{
    if (col < LB_MAX_COLS)
        strbuf_puts(&r->cell[col], text ? text : "");
}

void lb_line(struct lb_row *r, const char *text)
{
    lb_cell(r, 0, text);
    r->line = true;
}

void lb_cellf(struct lb_row *r, size_t col, const char *fmt, ...)
{
    if (col >= LB_MAX_COLS)
        return;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(&r->cell[col], fmt, ap);
    va_end(ap);
}

long long listbase_chosen(struct screen *s, long long id, const char *why)
{
    if (!id)
        ui_status(s->ui, true, "%s", why);
    return id;
}

const char *listbase_search(struct screen *s)
{
    return base(s)->def->search ? field_text(&base(s)->ls.search) : "";
}

static size_t row_of(const struct listbase *lb, size_t k)
{
    return lb->shown ? lb->shown[k] : k;
}

size_t listbase_selected(struct screen *s)
{
    struct listbase *lb = base(s);
    return lb->ls.lv.count ? row_of(lb, lb->ls.lv.selected) : LB_NONE;
}

/* With match(): the rows that match the search, in order. */
static void filter_rows(struct screen *s)
{
    struct listbase *lb = base(s);
    size_t k = 0;
    if (lb->shown) {
        char *want = utf8_fold(listbase_search(s));
        for (size_t i = 0; i < lb->n; i++)
            if (!want || !*want || lb->def->match(s, i, want))
                lb->shown[k++] = i;
        free(want);
    }
    list_set_count(&lb->ls.lv, k);
}

/* The columns now: the def's, or those of the screen's view. */
static const struct lb_col *cols_of(struct screen *s, size_t *n)
{
    const struct listbase_def *d = base(s)->def;
    if (d->columns)
        return d->columns(s, n);
    *n = d->ncols;
    return d->cols;
}

/* The widths of the n columns cols for a list `width` columns wide: a
 * column of width 0 (not the last) shares with the others of width 0 what
 * the fixed ones leave, the last one's width included (it takes the rest of
 * the line; ui_columns), each one at least LB_FLEX_MIN. */
static void widths_of(const struct lb_col *cols, size_t n, int width, int *out)
{
    int fixed = 0, flex = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = cols[i].width;
        if (i + 1 < n && !cols[i].width)
            flex++;
        else
            fixed += cols[i].width + (i + 1 < n ? 1 : 0); /* a space after each but the last */
    }
    int rest = width - fixed - flex; /* the flexible columns' spaces */
    for (size_t i = 0; flex && i + 1 < n; i++)
        if (!cols[i].width)
            out[i] = rest / flex > LB_FLEX_MIN ? rest / flex : LB_FLEX_MIN;
}

/* The list's width: that of the last draw (80 columns before any). */
static int list_width(const struct listbase *lb) { return lb->width > 0 ? lb->width : 78; }

static void set_header(struct screen *s)
{
    struct listbase *lb = base(s);
    const char *titles[LB_MAX_COLS];
    int widths[LB_MAX_COLS];
    size_t n;
    const struct lb_col *cols = cols_of(s, &n);
    if (n > LB_MAX_COLS)
        n = LB_MAX_COLS;
    widths_of(cols, n, list_width(lb), widths);
    for (size_t i = 0; i < n; i++) /* _("") would be the catalogue's header */
        titles[i] = cols[i].title && *cols[i].title ? _(cols[i].title) : "";
    strbuf_reset(&lb->ls.header);
    if (n)
        listscreen_set_header(&lb->ls, widths, titles, (int)(n < LB_MAX_COLS ? n : LB_MAX_COLS));
}

static void unload(struct screen *s)
{
    struct listbase *lb = base(s);
    if (lb->def->unload)
        lb->def->unload(s);
    free(lb->shown);
    lb->shown = NULL;
    lb->n = 0;
}

static void load(struct screen *s)
{
    struct listbase *lb = base(s);
    unload(s);
    size_t n = 0;
    bool ok = lb->def->load(s, &n);
    lb->n = n;          /* what unload() frees */
    if (!ok) {
        ui_status(s->ui, true, "%s", status_message());
        unload(s);
        n = 0;
    }
    set_header(s);
    if (lb->def->match && n && !(lb->shown = calloc(n, sizeof *lb->shown)))
        ui_status(s->ui, true, "%s", _("out of memory"));
    if (lb->def->match)
        filter_rows(s);
    else
        list_set_count(&lb->ls.lv, n);
}

bool listbase_select_id(struct screen *s, long long id)
{
    struct listbase *lb = base(s);
    for (size_t k = 0; lb->def->id && k < lb->ls.lv.count; k++)
        if (lb->def->id(s, row_of(lb, k)) == id) {
            lb->ls.lv.selected = k;
            return true;
        }
    return false;
}

void listbase_reload(struct screen *s)
{
    struct listbase *lb = base(s);
    size_t sel = listbase_selected(s);
    long long id = sel != LB_NONE && lb->def->id ? lb->def->id(s, sel) : 0;
    load(s);
    if (sel != LB_NONE && lb->def->id)
        listbase_select_id(s, id);
}

enum lb_after listbase_changed(struct screen *s, enum status rc, const char *fmt, ...)
{
    if (rc != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return LB_RELOAD;
    }
    struct strbuf text = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    if (strbuf_vprintf(&text, fmt, ap))
        ui_status(s->ui, false, "%s", text.buf);
    va_end(ap);
    strbuf_free(&text);
    return LB_RELOAD;
}

void listbase_enter_search(struct screen *s, const struct listbase_def *def, const char *text)
{
    struct listbase *lb = base(s);
    lb->def = def;
    listscreen_init(&lb->ls);
    if (def->search && text)
        field_set(&lb->ls.search, text);
    load(s);
}

void listbase_enter(struct screen *s, const struct listbase_def *def)
{
    listbase_enter_search(s, def, NULL);
}

void listbase_open(struct screen *s) { listbase_enter(s, s->ops->base); }

void listbase_leave(struct screen *s)
{
    struct listbase *lb = base(s);
    unload(s);
    if (lb->def->leave)
        lb->def->leave(s);
    for (size_t i = 0; i < LB_MAX_COLS; i++)
        strbuf_free(&lb->row.cell[i]);
    listscreen_free(&lb->ls);
}

void listbase_resume(struct screen *s)
{
    if (base(s)->def->resumed)
        base(s)->def->resumed(s);
    listbase_reload(s);
}

/* ---- drawing ---- */

static void row_text(void *ctx, size_t k, char *buf, size_t bufsz)
{
    struct screen *s = ctx;
    struct listbase *lb = base(s);
    for (size_t i = 0; i < LB_MAX_COLS; i++)
        strbuf_reset(&lb->row.cell[i]);
    lb->row.line = false;
    lb->def->row(s, row_of(lb, k), &lb->row);
    const char *cells[LB_MAX_COLS];
    int widths[LB_MAX_COLS];
    size_t n;
    const struct lb_col *cols = cols_of(s, &n);
    if (!n || lb->row.line)
        n = 1;
    if (n > LB_MAX_COLS)
        n = LB_MAX_COLS;
    if (n > 1)
        widths_of(cols, n, list_width(lb), widths);
    else
        widths[0] = 0; /* one line: no columns (cols may be NULL) */
    for (size_t i = 0; i < n; i++)
        cells[i] = strbuf_str(&lb->row.cell[i]);
    ui_columns(buf, bufsz, widths, cells, (int)(n < LB_MAX_COLS ? n : LB_MAX_COLS));
}

/* The def's text `which`: its msgid translated, or the screen's text(). */
static void text_of(struct screen *s, enum lb_text which, struct strbuf *out)
{
    const struct listbase_def *d = base(s)->def;
    const char *fixed = which == LB_HEADING ? d->heading : which == LB_HINT ? d->hint : d->empty;
    strbuf_reset(out);
    if (fixed)
        strbuf_puts(out, _(fixed));
    else if (d->text)
        d->text(s, which, out);
}

/* Heading, hint, titles: the rows the list starts below. */
static int draw_top(struct screen *s, WINDOW *w, int cols, struct strbuf *t)
{
    struct listbase *lb = base(s);
    int y = 0;
    if (lb->def->head) {
        y = lb->def->head(s, w, cols);
    } else {
        text_of(s, LB_HEADING, t);
        if (t->len)
            ui_print_in(w, UC_OK, y++, 2, cols - 4, t->buf);
        text_of(s, LB_HINT, t);
        if (t->len)
            ui_print_in(w, UC_DIM, y++, 2, cols - 4, t->buf);
        y++;
    }
    if (lb->ls.header.len)
        ui_print(w, y++, 1, cols - 2, strbuf_str(&lb->ls.header)); /* as the rows */
    return y;
}

/* Over the list drawn from row y: the rows that stand out (def.color) in
 * their colour, the selected one aside. */
static void draw_colored(struct screen *s, WINDOW *w, int y, int rows, int cols)
{
    struct listbase *lb = base(s);
    const struct list_view *lv = &lb->ls.lv;
    char line[1024];
    for (int i = 0; i < rows && lv->top + (size_t)i < lv->count; i++) {
        size_t k = lv->top + (size_t)i;
        enum ui_color c = k == lv->selected ? UC_NORMAL : lb->def->color(s, row_of(lb, k));
        if (c == UC_NORMAL)
            continue;
        row_text(s, k, line, sizeof line);
        ui_print_pad_in(w, c, y + i, 1, cols - 2, line);
    }
}

void listbase_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct listbase *lb = base(s);
    struct strbuf t = STRBUF_INIT;
    int y = 3;
    if (lb->def->layout)
        lb->def->layout(s, rows - 3, cols);
    if (lb->def->columns || lb->width != cols - 2) { /* flexible columns follow the width */
        lb->width = cols - 2;
        set_header(s);
    }
    if (lb->def->search) {
        text_of(s, LB_HINT, &t);
        listscreen_set_filter(&lb->ls, strbuf_str(&t));
        listscreen_draw(w, rows, cols, &lb->ls, row_text, s);
    } else {
        y = draw_top(s, w, cols, &t);
        int foot = !lb->def->foot ? 0 : lb->def->foot_height ? lb->def->foot_height(s, rows)
                                                             : lb->def->foot_rows;
        list_draw(w, y, 1, rows - y - foot, cols - 2, &lb->ls.lv, row_text, s, true);
        if (lb->def->color)
            draw_colored(s, w, y, rows - y - foot, cols);
        if (foot)
            lb->def->foot(s, w, rows - foot, cols);
    }
    if (!lb->n) {
        text_of(s, LB_EMPTY, &t);
        ui_print_in(w, UC_DIM, y + (lb->def->search ? 1 : 0), 2, cols - 4, strbuf_str(&t));
    }
    strbuf_free(&t);
}

/* ---- keys ---- */

static enum screen_result after(struct screen *s, enum lb_after r)
{
    switch (r) {
    case LB_RELOAD: listbase_reload(s); return SR_HANDLED;
    case LB_POP: return SR_POP;
    case LB_PASS: return SR_UNHANDLED;
    default: return SR_HANDLED;
    }
}

static enum screen_result run_key(struct screen *s, const struct lb_key *k, int digit)
{
    size_t sel = listbase_selected(s);
    if (sel == LB_NONE && !k->empty_ok)
        return SR_HANDLED;
    return after(s, k->fn(s, sel, digit));
}

/* Is a in the screen's bar. */
static bool in_bar(const struct screen *s, enum action a)
{
    for (size_t i = 0; i < s->ops->nactions; i++)
        if (s->ops->actions[i] == a)
            return true;
    return false;
}

/* After the search line took a key: filter or reload when it changed. */
static enum screen_result searched(struct screen *s, enum ls_result r)
{
    struct listbase *lb = base(s);
    if (r == LS_SEARCH_CHANGED && lb->def->match)
        filter_rows(s);
    else if (r == LS_SEARCH_CHANGED)
        load(s);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

enum screen_result listbase_action(struct screen *s, enum action a, int digit)
{
    struct listbase *lb = base(s);
    if (a == ACT_OPEN && lb->def->open_as)
        a = lb->def->open_as;
    if (lb->def->pane_key && (a == ACT_UP || a == ACT_DOWN || a == ACT_PGUP || a == ACT_PGDN ||
                            a == ACT_HOME) && lb->def->pane_key(s, a))
        return SR_HANDLED;
    if (a == ACT_HISTORY && lb->def->history) {
        size_t sel = listbase_selected(s);
        if (sel != LB_NONE && lb->def->history(s, sel, &lb->hist))
            ui_push(s->ui, &scr_history_ops, &lb->hist);
        return SR_HANDLED;
    }
    if (lb->def->year && (a == ACT_LEFT || a == ACT_RIGHT || (a == ACT_YEAR && in_bar(s, a))))
        return after(s, lb->def->year(s, a == ACT_LEFT ? -1 : a == ACT_RIGHT ? 1 : digit));
    for (size_t i = 0; i < lb->def->nkeys; i++)
        if (lb->def->keys[i].a == a)
            return run_key(s, &lb->def->keys[i], digit);
    enum lb_after done = lb->def->act && in_bar(s, a) ? lb->def->act(s, a, listbase_selected(s))
                                                       : LB_PASS;
    if (done != LB_PASS)
        return after(s, done);
    if (a == ACT_BACK) /* the frame's: closes a pushed screen, goes home from a tab */
        return SR_UNHANDLED;
    enum ls_result r = lb->def->search ? listscreen_action(&lb->ls, a)
                       : list_handle(&lb->ls.lv, a) ? LS_MOVED : LS_UNHANDLED;
    if (r == LS_MOVED && lb->def->moved)
        lb->def->moved(s);
    return searched(s, r);
}

enum screen_result listbase_text(struct screen *s, const char *utf8)
{
    struct listbase *lb = base(s);
    if (!lb->def->search)
        return SR_UNHANDLED;
    return searched(s, listscreen_text(&lb->ls, utf8)); /* a digit on an empty line: jump */
}

bool listbase_text_mode(struct screen *s) { return base(s)->def->search; }
