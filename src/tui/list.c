/* list — scrollable list widget over a row callback. */
#include <config.h>
#include "treem/tui/list.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

void list_set_count(struct list_view *lv, size_t count)
{
    lv->count = count;
    if (lv->selected >= count)
        lv->selected = count ? count - 1 : 0;
    if (lv->top > lv->selected)
        lv->top = lv->selected;
}

bool list_handle(struct list_view *lv, enum action a)
{
    size_t page = lv->page > 1 ? (size_t)lv->page - 1 : 1;
    if (!lv->count)
        return a == ACT_UP || a == ACT_DOWN || a == ACT_PGUP || a == ACT_PGDN ||
               a == ACT_HOME || a == ACT_END;
    switch (a) {
    case ACT_UP: if (lv->selected) lv->selected--; return true;
    case ACT_DOWN: if (lv->selected + 1 < lv->count) lv->selected++; return true;
    case ACT_PGUP: lv->selected = lv->selected > page ? lv->selected - page : 0; return true;
    case ACT_PGDN:
        lv->selected = lv->selected + page < lv->count ? lv->selected + page : lv->count - 1;
        return true;
    case ACT_HOME: lv->selected = 0; return true;
    case ACT_END: lv->selected = lv->count - 1; return true;
    default: return false;
    }
}

void list_draw(WINDOW *w, int y, int x, int rows, int cols, struct list_view *lv,
               list_row_fn fn, void *ctx, bool focused)
{
    lv->page = rows;
    if (lv->selected < lv->top)
        lv->top = lv->selected;
    if (rows > 0 && lv->selected >= lv->top + (size_t)rows)
        lv->top = lv->selected - (size_t)rows + 1;
    char buf[1024];
    for (int r = 0; r < rows; r++) {
        size_t i = lv->top + (size_t)r;
        wmove(w, y + r, x);
        if (i >= lv->count) {
            ui_print_pad(w, y + r, x, cols, "");
            continue;
        }
        fn(ctx, i, buf, sizeof buf);
        char fit[1024];
        utf8_truncate(buf, cols, fit, sizeof fit); /* "…" where the screen ends */
        bool sel = i == lv->selected;
        if (sel)
            ui_attr(w, focused ? UC_SELECTED : UC_TAB, true);
        ui_print_pad(w, y + r, x, cols, fit);
        if (sel)
            ui_attr(w, focused ? UC_SELECTED : UC_TAB, false);
    }
}

bool ui_columns_sb(struct strbuf *out, const int *widths, const char *const *cells, int n)
{
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        const char *text = cells[i] ? cells[i] : "";
        if (i + 1 == n) /* the last column takes what is left: the list cuts it */
            return strbuf_puts(out, text);
        char *cell = malloc(strlen(text) + 4); /* "…" may replace one byte */
        if (!cell)
            return false;
        utf8_truncate(text, widths[i], cell, strlen(text) + 4);
        ok = strbuf_puts(out, cell);
        for (int pad = utf8_width(cell); ok && pad <= widths[i]; pad++)
            ok = strbuf_append(out, " ", 1);
        free(cell);
    }
    return ok;
}

void ui_columns(char *out, size_t outsz, const int *widths, const char *const *cells, int n)
{
    struct strbuf sb = STRBUF_INIT;
    ui_columns_sb(&sb, widths, cells, n);
    const char *text = strbuf_str(&sb);
    size_t len = strlen(text);
    if (len >= outsz) /* cut at a character's start */
        for (len = outsz - 1; len && ((unsigned char)text[len] & 0xC0) == 0x80; len--)
            ;
    memcpy(out, text, len);
    out[len] = '\0';
    strbuf_free(&sb);
}
