/* dialog — modal confirm (No is the default) and message boxes. */
#include <config.h>
#include "treem/tui/ui.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <string.h>

/* Draws a centred box with the wrapped text and returns its window. */
static WINDOW *open_box(struct ui *ui, const char *title, const char *text, int extra_rows,
                        int *text_rows)
{
    int width = ui->cols - 10 < 60 ? ui->cols - 10 : 60;
    int starts[12], lens[12];
    int n = ui_wrap(text, width - 4, starts, lens, 12);
    int height = n + 2 + extra_rows;
    WINDOW *w = newwin(height, width, (ui->rows - height) / 2, (ui->cols - width) / 2);
    if (!w)
        return NULL;
    keypad(w, TRUE);
    werase(w);
    ui_box(w);
    if (title && *title) {
        ui_attr(w, UC_TITLE, true);
        ui_print(w, 0, 2, width - 4, title);
        ui_attr(w, UC_TITLE, false);
    }
    for (int i = 0; i < n; i++)
        ui_print_n(w, 1 + i, 2, text + starts[i], (size_t)lens[i]);
    *text_rows = n;
    return w;
}

static void draw_buttons(WINDOW *w, int y, bool yes)
{
    const char *no_label = _("No"), *yes_label = _("Yes");
    int width = getmaxx(w);
    char b1[64], b2[64];
    snprintf(b1, sizeof b1, "[ %s ]", no_label);
    snprintf(b2, sizeof b2, "[ %s ]", yes_label);
    int x = (width - utf8_width(b1) - utf8_width(b2) - 3) / 2;
    ui_attr(w, UC_SELECTED, !yes);
    mvwaddstr(w, y, x, b1);
    ui_attr(w, UC_SELECTED, false);
    x += utf8_width(b1) + 3;
    ui_attr(w, UC_SELECTED, yes);
    mvwaddstr(w, y, x, b2);
    ui_attr(w, UC_SELECTED, false);
}

bool ui_confirm(struct ui *ui, const char *question)
{
    bool yes = false;
    for (;;) {
        ui_redraw(ui);
        int rows;
        WINDOW *w = open_box(ui, _("Confirm"), question, 2, &rows);
        if (!w)
            return false;
        draw_buttons(w, rows + 2, yes);
        wrefresh(w);
        ui_frame_ready(ui, "Confirm");
        wint_t wc;
        int kind = wget_wch(w, &wc);
        delwin(w);
        if (kind == KEY_CODE_YES && wc == KEY_RESIZE)
            continue;
        if (kind == KEY_CODE_YES && (wc == KEY_LEFT || wc == KEY_RIGHT || wc == KEY_BTAB))
            yes = !yes;
        else if (kind == OK && wc == '\t')
            yes = !yes;
        else if (kind == OK && (wc == 'y' || wc == 'Y' || wc == 'c' || wc == 'C'))
            return true;
        else if (kind == OK && (wc == 'n' || wc == 'N' || wc == 'k' || wc == 'K' || wc == 27))
            return false;
        else if ((kind == OK && (wc == '\n' || wc == '\r')) || (kind == KEY_CODE_YES && wc == KEY_ENTER))
            return yes;
    }
}

void ui_message(struct ui *ui, const char *title, const char *text)
{
    for (;;) {
        ui_redraw(ui);
        int rows;
        WINDOW *w = open_box(ui, title, text, 2, &rows);
        if (!w)
            return;
        const char *ok = _("[ OK ]");
        mvwaddstr(w, rows + 2, (getmaxx(w) - utf8_width(ok)) / 2, ok);
        wrefresh(w);
        ui_frame_ready(ui, "Message");
        wint_t wc;
        int kind = wget_wch(w, &wc);
        delwin(w);
        if (kind == KEY_CODE_YES && wc == KEY_RESIZE)
            continue;
        return;
    }
}
