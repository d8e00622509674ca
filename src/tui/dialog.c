/* dialog — modal confirm (No is the default) and message boxes. */
#include <config.h>
#include "treem/tui/ui.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
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
        ui_print_in(w, UC_TITLE, 0, 2, width - 4, title);
    }
    for (int i = 0; i < n; i++)
        ui_print_n(w, 1 + i, 2, text + starts[i], (size_t)lens[i]);
    *text_rows = n;
    return w;
}

static void draw_buttons(WINDOW *w, int y, const char *const *labels, int n, int sel)
{
    char b[8][96];
    int total = 0;
    for (int i = 0; i < n && i < 8; i++) {
        snprintf(b[i], sizeof b[i], "[ %s ]", labels[i]);
        total += utf8_width(b[i]) + (i ? 2 : 0);
    }
    int x = (getmaxx(w) - total) / 2;
    for (int i = 0; i < n && i < 8; i++) {
        ui_attr(w, UC_SELECTED, i == sel);
        mvwaddstr(w, y, x < 1 ? 1 : x, b[i]);
        ui_attr(w, UC_SELECTED, false);
        x += utf8_width(b[i]) + 2;
    }
}

/* Shows the box w (the frame named name for the tests), reads a key and
 * closes it; pasted text is dropped (it answers nothing). */
static enum ui_key box_key(struct ui *ui, WINDOW *w, const char *name, wint_t *wc)
{
    wrefresh(w);
    ui_frame_ready(ui, name);
    enum ui_key k = ui_get_key(ui, w, wc);
    delwin(w);
    if (k == UK_PASTE) {
        free(ui->paste);
        ui->paste = NULL;
    }
    return k;
}

/* A box with buttons; returns the index chosen with Left/Right and Enter,
 * esc_answer for Esc and f2_answer for F2 (when >= 0). Letters, digits and
 * pasted text answer nothing. */
static int choose(struct ui *ui, const char *name, const char *title, const char *text,
                  const char *const *labels, int n, int esc_answer, int f2_answer)
{
    int sel = 0;
    for (;;) {
        ui_redraw(ui);
        int rows;
        WINDOW *w = open_box(ui, title, text, 2, &rows);
        if (!w)
            return esc_answer;
        draw_buttons(w, rows + 2, labels, n, sel);
        wint_t wc;
        enum ui_key k = box_key(ui, w, name, &wc);
        if (k == UK_ESC) {
            return esc_answer;
        } else if (k == UK_CODE && wc == KEY_LEFT) {
            sel = (sel + n - 1) % n;
        } else if (k == UK_CODE && wc == KEY_RIGHT) {
            sel = (sel + 1) % n;
        } else if (k == UK_CODE && wc == KEY_F(2) && f2_answer >= 0) {
            return f2_answer;
        } else if ((k == UK_CHAR && (wc == '\n' || wc == '\r')) || (k == UK_CODE && wc == KEY_ENTER)) {
            return sel;
        }
    }
}

bool ui_confirm(struct ui *ui, const char *question)
{
    const char *labels[] = {_("No"), _("Yes")};
    return choose(ui, "Confirm", _("Confirm"), question, labels, 2, 0, -1) == 1;
}

enum leave_answer ui_ask_unsaved(struct ui *ui, bool can_save)
{
    const char *labels[] = {_("Keep editing"), _("Save (F2)"), _("Leave without saving")};
    const char *text = can_save ? _("Some input is not saved. Left/Right and Enter choose; "
                                    "F2 saves, Esc keeps editing.")
                                : _("Some input is not saved. Left/Right and Enter choose; "
                                    "Esc keeps editing.");
    if (!can_save) {
        const char *two[] = {labels[0], labels[2]};
        return choose(ui, "Unsaved input", _("Unsaved input"), text, two, 2, 0, -1) == 1 ? LEAVE_DISCARD
                                                                        : LEAVE_STAY;
    }
    switch (choose(ui, "Unsaved input", _("Unsaved input"), text, labels, 3, 0, 1)) {
    case 1: return LEAVE_SAVE;
    case 2: return LEAVE_DISCARD;
    default: return LEAVE_STAY;
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
        wint_t wc;
        enum ui_key k = box_key(ui, w, "Message", &wc);
        if (k == UK_NONE || k == UK_SWALLOWED || k == UK_PASTE || (k == UK_CODE && wc == KEY_RESIZE))
            continue;
        return;
    }
}
