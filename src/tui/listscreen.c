/* listscreen — search line + paged list, shared by the list screens. */
#include <config.h>
#include "treem/tui/listscreen.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void listscreen_init(struct listscreen *ls)
{
    memset(ls, 0, sizeof *ls);
    field_init(&ls->search, "", 80);
}

void listscreen_free(struct listscreen *ls)
{
    field_free(&ls->search);
    strbuf_free(&ls->filter);
    strbuf_free(&ls->header);
}

void listscreen_set_filter(struct listscreen *ls, const char *text)
{
    strbuf_reset(&ls->filter);
    strbuf_puts(&ls->filter, text ? text : "");
}

void listscreen_set_header(struct listscreen *ls, const int *widths, const char *const *titles,
                           int n)
{
    strbuf_reset(&ls->header);
    ui_columns_sb(&ls->header, widths, titles, n);
}

enum ls_result listscreen_action(struct listscreen *ls, enum action a)
{
    if (list_handle(&ls->lv, a))
        return LS_MOVED;
    if (a == ACT_HOME || a == ACT_END)
        return LS_UNHANDLED;
    if (field_handle(&ls->search, a)) {
        ls->lv.selected = ls->lv.top = 0;
        if (!field_text(&ls->search)[0])
            ls->digits = false;
        return LS_SEARCH_CHANGED;
    }
    return LS_UNHANDLED;
}

enum ls_result listscreen_text(struct listscreen *ls, const char *utf8)
{
    bool empty = !field_text(&ls->search)[0];
    if (empty && !ls->digits && strcmp(utf8, "/") == 0) {
        ls->digits = true;
        return LS_MOVED;
    }
    if (empty && !ls->digits && utf8[0] >= '1' && utf8[0] <= '9' && !utf8[1])
        return LS_UNHANDLED;
    if (!field_insert(&ls->search, utf8))
        return LS_UNHANDLED;
    ls->lv.selected = ls->lv.top = 0;
    return LS_SEARCH_CHANGED;
}

void listscreen_draw(WINDOW *w, int rows, int cols, struct listscreen *ls,
                     list_row_fn fn, void *ctx)
{
    char count[96], num[NUMBER_BUF + 2];
    number_format_int((long long)ls->lv.count, num);
    if (ls->capped)
        strcat(num, "+");
    snprintf(count, sizeof count, _("%s found"), num);
    int cw = utf8_width(count) + 2; /* display columns, not bytes */
    ui_print(w, 0, 1, 6, _("Search:"));
    int fw = cols - 10 - cw;
    field_draw(w, 0, 8, fw, &ls->search);
    if (!field_text(&ls->search)[0]) {
        ui_attr(w, UC_DIM, true);
        ui_print(w, 0, 9, fw - 1, ls->digits ? _("type digits to search by number")
                                             : _("type to search; / then digits for a number"));
        ui_attr(w, UC_DIM, false);
    }
    ui_attr(w, UC_DIM, true);
    ui_print(w, 0, cols - cw + 1, cw - 1, count);
    ui_print(w, 1, 1, cols - 2, strbuf_str(&ls->filter));
    ui_attr(w, UC_DIM, false);
    ui_print_pad_in(w, UC_BAR_KEY, 2, 1, cols - 2, strbuf_str(&ls->header));
    list_draw(w, 3, 1, rows - 3, cols - 2, &ls->lv, fn, ctx, true);
}
