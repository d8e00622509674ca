/* tui — the full-screen terminal interface (ncursesw). Only src/tui/ and
 * src/main.c include curses. */
#ifndef TREEM_TUI_TUI_H
#define TREEM_TUI_TUI_H
#include <stdbool.h>

struct tui_options {
    const char *db_path;
    bool no_color;     /* --no-color, or NO_COLOR set */
    bool ascii;        /* --ascii: plain ASCII borders */
    bool lang_forced;  /* --lang or TREEM_LANG given: ignore the saved setting */
};

/* Runs the interface until the user quits; returns the exit status. */
int tui_main(const struct tui_options *opt);

#endif
