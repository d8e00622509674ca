/* draw — colours (or monochrome attributes) and clipped text output. */
#include <config.h>
#include "treem/tui/ui.h"
#include "treem/core/safe_text.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

static bool use_color;
static bool use_ascii;

/* Monochrome look of each role: still readable without colours. */
static const attr_t mono[UC__COUNT] = {
    [UC_NORMAL] = A_NORMAL, [UC_TITLE] = A_REVERSE, [UC_TAB] = A_NORMAL,
    [UC_TAB_ACTIVE] = A_REVERSE | A_BOLD, [UC_BAR_KEY] = A_BOLD, [UC_BAR_LABEL] = A_REVERSE,
    [UC_STATUS] = A_NORMAL, [UC_ERROR] = A_BOLD, [UC_SELECTED] = A_REVERSE,
    [UC_FIELD] = A_UNDERLINE, [UC_FIELD_FOCUS] = A_REVERSE, [UC_DIM] = A_DIM,
    [UC_OK] = A_BOLD, [UC_WARN] = A_BOLD,
};

void draw_init(bool color, bool ascii)
{
    use_ascii = ascii;
    use_color = color && has_colors();
    if (!use_color)
        return;
    start_color();
    use_default_colors();
    static const short pairs[UC__COUNT][2] = {
        [UC_NORMAL] = {-1, -1}, [UC_TITLE] = {COLOR_WHITE, COLOR_BLUE},
        [UC_TAB] = {COLOR_CYAN, -1}, [UC_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN},
        [UC_BAR_KEY] = {COLOR_WHITE, -1}, [UC_BAR_LABEL] = {COLOR_BLACK, COLOR_CYAN},
        [UC_STATUS] = {COLOR_GREEN, -1}, [UC_ERROR] = {COLOR_WHITE, COLOR_RED},
        [UC_SELECTED] = {COLOR_BLACK, COLOR_CYAN}, [UC_FIELD] = {COLOR_WHITE, COLOR_BLACK},
        [UC_FIELD_FOCUS] = {COLOR_BLACK, COLOR_YELLOW}, [UC_DIM] = {COLOR_BLUE, -1},
        [UC_OK] = {COLOR_GREEN, -1}, [UC_WARN] = {COLOR_YELLOW, -1},
    };
    for (int i = 1; i < UC__COUNT; i++)
        init_pair((short)i, pairs[i][0], pairs[i][1]);
}

bool draw_ascii(void) { return use_ascii; }

void ui_attr(WINDOW *w, enum ui_color c, bool on)
{
    attr_t a = use_color ? (attr_t)COLOR_PAIR(c) : mono[c];
    if (use_color && (c == UC_TAB_ACTIVE || c == UC_BAR_KEY || c == UC_TITLE || c == UC_ERROR))
        a |= A_BOLD;
    if (on)
        wattron(w, a);
    else
        wattroff(w, a);
}

/* Every text the interface draws passes here or through ui_print_n:
 * control characters never reach the terminal (core/safe_text.h). */
void ui_print_n(WINDOW *w, int y, int x, const char *text, size_t len)
{
    char *safe = safe_text_dup(text, len, 0);
    if (safe)
        mvwaddstr(w, y, x, safe);
    free(safe);
}

void ui_print(WINDOW *w, int y, int x, int cols, const char *text)
{
    if (cols <= 0)
        return;
    char *safe = safe_text_dup(text, strlen(text), 0);
    if (safe)
        mvwaddnstr(w, y, x, safe, (int)utf8_fit_cols(safe, cols));
    free(safe);
}

void ui_print_pad(WINDOW *w, int y, int x, int cols, const char *text)
{
    if (cols <= 0)
        return;
    char *safe = safe_text_dup(text, strlen(text), 0);
    size_t n = safe ? utf8_fit_cols(safe, cols) : 0;
    char *tmp = safe ? strndup(safe, n) : NULL;
    int used = tmp ? utf8_width(tmp) : 0;
    if (tmp)
        mvwaddstr(w, y, x, tmp);
    else
        wmove(w, y, x);
    for (int i = used; i < cols; i++)
        waddch(w, ' ');
    free(tmp);
    free(safe);
}

/* Line drawing uses Unicode box characters rather than the terminal's
 * alternate character set, which many terminals (and tmux captures) show
 * as "lqqk"; --ascii gives + - | for terminals without the glyphs. */
static void set_line_char(cchar_t *c, const wchar_t *wc)
{
    setcchar(c, wc, A_NORMAL, 0, NULL);
}

void ui_hline(WINDOW *w, int y, int x, int cols)
{
    cchar_t c;
    set_line_char(&c, use_ascii ? L"-" : L"\u2500");
    mvwhline_set(w, y, x, &c, cols);
}

void ui_box(WINDOW *w)
{
    static const wchar_t *const uni[] = {L"\u2502", L"\u2500", L"\u250c", L"\u2510",
                                         L"\u2514", L"\u2518"};
    static const wchar_t *const asc[] = {L"|", L"-", L"+", L"+", L"+", L"+"};
    const wchar_t *const *set = use_ascii ? asc : uni;
    cchar_t v, h, tl, tr, bl, br;
    set_line_char(&v, set[0]);
    set_line_char(&h, set[1]);
    set_line_char(&tl, set[2]);
    set_line_char(&tr, set[3]);
    set_line_char(&bl, set[4]);
    set_line_char(&br, set[5]);
    wborder_set(w, &v, &v, &h, &h, &tl, &tr, &bl, &br);
}

int ui_wrap(const char *text, int width, int starts[], int lens[], int max)
{
    int n = 0;
    const char *p = text;
    while (*p && n < max) {
        size_t fit = utf8_fit_cols(p, width);
        size_t cut = fit;
        if (p[fit] && p[fit] != ' ') {
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = fit;
        }
        starts[n] = (int)(p - text);
        lens[n] = (int)cut;
        n++;
        p += cut;
        while (*p == ' ')
            p++;
    }
    return n;
}

int ui_print_wrapped(WINDOW *w, int y, int x, int cols, const char *text, int max)
{
    int starts[UI_WRAP_MAX], lens[UI_WRAP_MAX];
    int n = ui_wrap(text, cols, starts, lens, max < UI_WRAP_MAX ? max : UI_WRAP_MAX);
    for (int i = 0; i < n; i++) {
        char *part = strndup(text + starts[i], (size_t)lens[i]);
        if (part)
            ui_print(w, y + i, x, cols, part);
        free(part);
    }
    return n;
}

void ui_print_in(WINDOW *w, enum ui_color c, int y, int x, int cols, const char *text)
{
    ui_attr(w, c, true);
    ui_print(w, y, x, cols, text);
    ui_attr(w, c, false);
}

void ui_print_pad_in(WINDOW *w, enum ui_color c, int y, int x, int cols, const char *text)
{
    ui_attr(w, c, true);
    ui_print_pad(w, y, x, cols, text);
    ui_attr(w, c, false);
}
