/* list — scrollable list widget over a row callback. */
#include <config.h>
#include "treem/tui/list.h"
#include "treem/core/utf8.h"

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

void ui_columns(char *out, size_t outsz, const int *widths, const char *const *cells, int n)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        char cell[512];
        /* the last column takes what is left of the line: the list cuts it
         * at the screen's edge, so a wider terminal shows more of it */
        int wdt = i + 1 < n ? widths[i] : (int)sizeof cell;
        utf8_truncate(cells[i] ? cells[i] : "", wdt, cell, sizeof cell);
        size_t cl = strlen(cell);
        size_t room = i + 1 < n ? (size_t)wdt + 1 : 0;
        if (len + cl + room + 1 >= outsz)
            break;
        memcpy(out + len, cell, cl);
        len += cl;
        if (i + 1 < n) {
            for (int pad = utf8_width(cell); pad <= wdt; pad++)
                out[len++] = ' ';
        }
        out[len] = '\0';
    }
}
