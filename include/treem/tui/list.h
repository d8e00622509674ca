/* list — a scrollable list whose rows come from a callback, so a screen can
 * fetch only the visible page from the database (the register is never
 * loaded whole). Selection, paging, Home/End; drawing clipped by columns. */
#ifndef TREEM_TUI_LIST_H
#define TREEM_TUI_LIST_H
#include "treem/tui/ui.h"
#include "treem/core/strbuf.h"

struct list_view {
    size_t count;     /* rows in the list */
    size_t selected;  /* index of the selected row */
    size_t top;       /* first row shown */
    int page;         /* rows shown at the last draw */
};

/* Writes row `index` as one line of text into buf. */
typedef void (*list_row_fn)(void *ctx, size_t index, char *buf, size_t bufsz);

/* Sets the number of rows, keeping the selection inside. */
void list_set_count(struct list_view *lv, size_t count);
/* Up/Down/PgUp/PgDn/Home/End; true when the action was a move. */
bool list_handle(struct list_view *lv, enum action a);
/* Draws rows [top, top+rows) with the selection highlighted (when focused). */
void list_draw(WINDOW *w, int y, int x, int rows, int cols, struct list_view *lv,
               list_row_fn fn, void *ctx, bool focused);

/* Lays cells out in columns of the given display widths (the last one takes
 * what is left), padding and truncating by columns, into out. */
void ui_columns(char *out, size_t outsz, const int *widths, const char *const *cells, int n);
/* The same, appended to out (which grows); false when memory runs out. */
bool ui_columns_sb(struct strbuf *out, const int *widths, const char *const *cells, int n);

#endif
