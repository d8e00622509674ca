/* bench_tui — the Trẻ em screen itself, headless: a curses screen bound to
 * /dev/null at 80x24, the real list screen on a register, and each keystroke
 * of "nguyen thi dao" timed from the key to the redrawn page (query, count,
 * page fetch, curses output). Called by bench_search as "--tui PATH" in a
 * fresh process, so the peak memory printed is the interface's own. Prints
 * figures; never fails on time. */
#include <config.h>
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/tui/screens.h"
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

int bench_tui(const char *path)
{
    static const char typed[] = "nguyen thi dao";
    struct ui ui = {0};
    if (session_open(path, false, &ui.db) != ST_OK) {
        fprintf(stderr, "bench_tui: %s\n", status_message());
        return 1;
    }
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm-256color", out, in);
    if (!scr) {
        fprintf(stderr, "bench_tui: no terminal description for xterm-256color\n");
        return 1;
    }
    set_term(scr);
    resizeterm(24, 80);
    draw_init(true, false);
    ui_refresh_title(&ui);
    ui_goto_tab(&ui, 1); /* Trẻ em */
    struct screen *s = ui_top(&ui);
    ui_redraw(&ui);
    enum { ROUNDS = 5 };
    double t[ROUNDS * sizeof typed];
    size_t n = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (size_t k = 0; typed[k]; k++) {
            char ch[2] = {typed[k], '\0'};
            double t0 = bench_now_ms();
            s->ops->on_text(s, ch);
            ui_redraw(&ui);
            t[n++] = bench_now_ms() - t0;
        }
        for (size_t k = 0; typed[k]; k++) /* erase, untimed */
            s->ops->on_action(s, ACT_BACKSPACE, 0);
    }
    bench_report("TUI keystroke (search + redraw 80x24):", t, n);
    while (ui.depth)
        ui_pop(&ui);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    db_close(ui.db);
    printf("  peak resident memory of the interface process: %.1f MB\n", bench_peak_rss_kb() / 1024.0);
    return 0;
}
