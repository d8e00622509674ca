/* field_draw — where the text cursor goes after a redraw. Widgets record
 * the place of the focused editor; ui_redraw shows the cursor there (or
 * hides it when no editor has focus). */
#include <config.h>
#include "treem/tui/ui.h"
#include "treem/tui/field.h"

#include <stdlib.h>
#include <string.h>

static int cursor_y = -1, cursor_x = -1;

void ui_place_cursor(WINDOW *w, int y, int x)
{
    int by, bx;
    getbegyx(w, by, bx);
    cursor_y = by + y;
    cursor_x = bx + x;
}

void ui_cursor_reset(void)
{
    cursor_y = cursor_x = -1;
}

void ui_cursor_apply(void)
{
    if (cursor_y >= 0) {
        move(cursor_y, cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
}

void field_draw(WINDOW *w, int y, int x, int width, struct field *f)
{
    size_t start, end;
    int cur;
    field_view(f, width, &start, &end, &cur);
    char *vis = strndup(field_text(f) + start, end - start);
    ui_attr(w, UC_FIELD_FOCUS, true);
    ui_print_pad(w, y, x, width, vis ? vis : "");
    ui_attr(w, UC_FIELD_FOCUS, false);
    free(vis);
    ui_place_cursor(w, y, x + cur);
}
