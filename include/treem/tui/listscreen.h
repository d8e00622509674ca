/* listscreen — the shape shared by the list screens (children, cases,
 * plans, tasks): a search line that filters as you type, a filter summary,
 * a column header and a paged list. The screen supplies the rows; this
 * module draws and routes keys. Typing goes to the search line. A digit 1–9
 * typed on an empty search line jumps to that screen of the menu row, like
 * everywhere else; to search by a number (an ID, a phone) type / first, or
 * start with a letter (TE-0042). Alt+number and F9 always change screen. */
#ifndef TREEM_TUI_LISTSCREEN_H
#define TREEM_TUI_LISTSCREEN_H
#include "treem/tui/field.h"
#include "treem/tui/list.h"
#include "treem/core/strbuf.h"

struct listscreen {
    struct field search;
    struct list_view lv;
    struct strbuf filter; /* shown after the search line, e.g. "Thôn: Lý Tây" */
    struct strbuf header; /* column titles, laid out like the rows */
    bool digits;          /* '/' typed: digits are search text even at the start */
    bool capped;          /* the count stopped early: shown as "1.000+" */
};

enum ls_result { LS_UNHANDLED, LS_MOVED, LS_SEARCH_CHANGED };
/* LS_UNHANDLED from listscreen_text means "a digit on an empty search line":
 * the screen returns SR_UNHANDLED and the frame jumps to that screen. */

void listscreen_init(struct listscreen *ls);
void listscreen_free(struct listscreen *ls);
/* Sets the filter line to text (NULL: empty). */
void listscreen_set_filter(struct listscreen *ls, const char *text);
/* Lays the column titles out like the rows (ui_columns). */
void listscreen_set_header(struct listscreen *ls, const int *widths, const char *const *titles,
                           int n);
/* Routes an editing or moving action; the caller re-queries on
 * LS_SEARCH_CHANGED. */
enum ls_result listscreen_action(struct listscreen *ls, enum action a);
enum ls_result listscreen_text(struct listscreen *ls, const char *utf8);
/* Draws: row 0 search line + count, row 1 filter, row 2 header, list below. */
void listscreen_draw(WINDOW *w, int rows, int cols, struct listscreen *ls,
                     list_row_fn fn, void *ctx);

#endif
