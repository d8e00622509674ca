/* tui — starts curses, opens the database and runs the screens. */
#include <config.h>
#include "treem/tui/tui.h"
#include "treem/tui/screens.h"
#include "treem/app/auth.h"
#include "treem/app/commune.h"
#include "treem/app/province.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void set_keycodes(void)
{
    struct action_keycodes k = {
        .f1 = KEY_F(1), .f2 = KEY_F(2), .f3 = KEY_F(3), .f4 = KEY_F(4), .f5 = KEY_F(5),
        .f6 = KEY_F(6), .f7 = KEY_F(7), .f8 = KEY_F(8), .f9 = KEY_F(9), .f10 = KEY_F(10),
        .f12 = KEY_F(12), .up = KEY_UP, .down = KEY_DOWN,
        .left = KEY_LEFT, .right = KEY_RIGHT, .ppage = KEY_PPAGE, .npage = KEY_NPAGE,
        .home = KEY_HOME, .end = KEY_END, .ic = KEY_IC, .dc = KEY_DC,
        .backspace = KEY_BACKSPACE, .btab = KEY_BTAB, .enter = KEY_ENTER,
    };
    action_set_keycodes(&k);
}

/* The language saved in Cài đặt applies unless --lang or TREEM_LANG chose. */
static void apply_saved_lang(struct db *db, bool forced)
{
    char *v = NULL;
    if (!forced && db_setting_get(db, "lang", &v) == ST_OK)
        i18n_set_lang(v);
    free(v);
}

/* Idle seconds before the lock: the setting lock_minutes (default 10, 0:
 * never); TREEM_LOCK_SECONDS overrides it (tests). */
static int lock_seconds(struct db *db)
{
    const char *env = getenv("TREEM_LOCK_SECONDS");
    char *v = NULL;
    long long n = -1, minutes;
    if (env && *env && number_parse_int(env, NUM_INT, &n) != ST_OK)
        n = -1;
    if (n < 0 && db_setting_get(db, "lock_minutes", &v) == ST_OK && v &&
        number_parse_int(v, NUM_INT, &minutes) == ST_OK)
        n = minutes > 24 * 60 ? 24 * 3600 : minutes * 60;
    free(v);
    status_clear();
    return n < 0 ? 10 * 60 : n > 24 * 3600 ? 24 * 3600 : (int)n;
}

int tui_main(const struct tui_options *opt)
{
    struct ui ui = {0};
    if (session_open(opt->db_path, true, &ui.db) != ST_OK) {
        fprintf(stderr, "treem: %s\n", status_message());
        return 1;
    }
    apply_saved_lang(ui.db, opt->lang_forced);
    if (!initscr()) {
        fprintf(stderr, "treem: %s\n", _("cannot start the terminal interface"));
        db_close(ui.db);
        return 1;
    }
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    set_keycodes();
#ifdef _WIN32
    /* msvcrt's locale stays "C" (it has no UTF-8 one), which curses takes
     * for 8-bit text: treem's text is UTF-8 there too (core/platform.h) */
    use_legacy_coding(0);
#else
    /* bracketed paste: pasted text arrives between ESC[200~ and ESC[201~
     * and stays text whatever it holds (input.c); a Windows console
     * would show the sequence as text */
    fputs("\033[?2004h", stdout);
    fflush(stdout);
#endif
    draw_init(!opt->no_color, opt->ascii);
    ui.ascii = opt->ascii;
    ui_refresh_title(&ui);
    struct commune c;
    ui.last_key = time(NULL);
    if (province_is(ui.db))
        ui.home = &scr_summary_ops; /* the level above opens on Tổng hợp */
    if (auth_has_accounts(ui.db)) { /* sign in first; the idle lock after lock_minutes */
        ui.lock_s = lock_seconds(ui.db);
        ui_push(&ui, &scr_signin_ops, NULL);
    } else if (ui.home) {
        ui_goto_tab(&ui, 0);
    } else if (commune_current(ui.db, &c) == ST_OK) {
        commune_free(&c);
        ui_goto_tab(&ui, 0);
    } else {
        ui_push(&ui, &scr_setup_ops, NULL);
    }
    int rc = ui_run(&ui);
    free(ui.paste);
    endwin();
#ifndef _WIN32
    fputs("\033[?2004l", stdout);
#endif
    fflush(stdout);
    db_close(ui.db);
    return rc;
}
