/* ui — the screen stack, the frame (title, menu row, status, key bar), the
 * main loop with resize handling, and the modal dialogs. */
#include <config.h>
#include "treem/tui/ui.h"
#include "treem/tui/screens.h"
#include "treem/app/auth.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#define MIN_ROWS 24
#define MIN_COLS 80
/* Catching up with the search index after a large import (db/child_bulk.h)
 * starts after this long without a key, and goes in steps of this many
 * children (a few milliseconds each), looking for a key between steps. */
#define IDLE_MS 300
#define LOCK_POLL_MS 500 /* how often the idle lock is checked while keys wait */
#define IDLE_STEP 1000
#define IDLE_RETRY_S 30

static const struct { const char *label; const struct screen_ops *ops; } tabs[] = {
    {N_("Home"), &scr_home_ops},         {N_("Children"), &scr_children_ops},
    {N_("Cases"), &scr_cases_ops},       {N_("Plans"), &scr_plans_ops},
    {N_("Tasks"), &scr_tasks_ops},       {N_("Criteria"), &scr_criteria_ops},
    {N_("Reports"), &scr_reports_ops},   {N_("Import/Export"), &scr_transfer_ops},
    {N_("Settings"), &scr_settings_ops},
};
#define NTABS ((int)(sizeof tabs / sizeof *tabs))

/* Keys every screen has; shown in the bar around the screen's own. */
static const enum action global_first[] = {ACT_HELP};
static const enum action global_last[] = {ACT_MENU, ACT_QUIT};

int ui_tab_count(void) { return NTABS; }
const char *ui_tab_label(int tab) { return tab >= 0 && tab < NTABS ? _(tabs[tab].label) : ""; }

struct screen *ui_top(struct ui *ui) { return ui->depth ? ui->stack[ui->depth - 1] : NULL; }

struct screen *ui_push(struct ui *ui, const struct screen_ops *ops, void *arg)
{
    if (ui->depth == UI_MAX_DEPTH)
        return NULL;
    struct screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ops = ops;
    s->ui = ui;
    s->arg = arg;
    s->tab = ui->depth ? ui->stack[ui->depth - 1]->tab : -1;
    if (ops->state_size && !(s->state = calloc(1, ops->state_size))) {
        free(s);
        return NULL;
    }
    ui->stack[ui->depth++] = s;
    if (ops->enter)
        ops->enter(s);
    return s;
}

void ui_pop(struct ui *ui)
{
    if (!ui->depth)
        return;
    struct screen *s = ui->stack[--ui->depth];
    if (s->ops->leave)
        s->ops->leave(s);
    free(s->state);
    free(s);
    struct screen *top = ui_top(ui);
    if (top && top->ops->resume)
        top->ops->resume(top);
}

void ui_goto_tab(struct ui *ui, int tab)
{
    while (ui->depth)
        ui_pop(ui);
    const struct screen_ops *ops = tab == 0 && ui->home ? ui->home : tabs[tab].ops;
    struct screen *s = ui_push(ui, ops, NULL);
    if (s)
        s->tab = tab;
}

bool screen_takes_text(struct screen *s)
{
    (void)s;
    return true;
}

void ui_status(struct ui *ui, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->status, sizeof ui->status, fmt, ap);
    va_end(ap);
    ui->status_error = error;
    ui->status_own = false;
}

void ui_refresh_title(struct ui *ui)
{
    struct commune c;
    if (commune_current(ui->db, &c) == ST_OK) {
        snprintf(ui->title, sizeof ui->title, "%s, %s", c.full_name, c.province_name);
        commune_free(&c);
    } else {
        snprintf(ui->title, sizeof ui->title, "%s", _("first-time set-up"));
    }
}

static void draw_title(struct ui *ui)
{
    char left[256], date[DATE_BUF];
    date_format(date_today(), date);
    /* A database opened read-only says so on every screen. */
    snprintf(left, sizeof left, " treem · %s%s", ui->db && ui->db->read_only ? _("[READ-ONLY] ") : "",
             ui->title);
    ui_attr(stdscr, UC_TITLE, true);
    ui_print_pad(stdscr, 0, 0, ui->cols, left);
    int dw = utf8_width(date);
    ui_print(stdscr, 0, ui->cols - dw - 1, dw, date);
    ui_attr(stdscr, UC_TITLE, false);
}

/* The menu row; when it is wider than the screen, it scrolls so the
 * current tab shows, with ‹ › marking hidden tabs. */
static void draw_tabs(struct ui *ui, int current)
{
    char label[64];
    int widths[NTABS], first = 0;
    for (int i = 0; i < NTABS; i++) {
        snprintf(label, sizeof label, " %d %s", i + 1, ui_tab_label(i));
        widths[i] = utf8_width(label);
    }
    for (;;) {
        int w = first ? 1 : 0;
        for (int i = first; i <= current && i < NTABS; i++)
            w += widths[i];
        if (current < 0 || w <= ui->cols - 1 || first >= current)
            break;
        first++;
    }
    move(1, 0);
    clrtoeol();
    int x = 0;
    if (first) {
        mvaddstr(1, 0, draw_ascii() ? "<" : "‹");
        x = 1;
    }
    for (int i = first; i < NTABS; i++) {
        if (x + widths[i] > ui->cols - 1) {
            mvaddstr(1, ui->cols - 1, draw_ascii() ? ">" : "›");
            break;
        }
        snprintf(label, sizeof label, " %d %s", i + 1, ui_tab_label(i));
        ui_print_in(stdscr, i == current ? UC_TAB_ACTIVE : UC_TAB, 1, x, widths[i], label);
        x += widths[i];
    }
}

/* The actions of the bar: globals first and last, the screen's between. */
static size_t bar_actions(const struct screen *s, enum action *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof global_first / sizeof *global_first && n < max; i++)
        out[n++] = global_first[i];
    for (size_t i = 0; s && i < s->ops->nactions && n < max; i++)
        out[n++] = s->ops->actions[i];
    for (size_t i = 0; i < sizeof global_last / sizeof *global_last && n < max; i++)
        out[n++] = global_last[i];
    return n;
}

size_t ui_screen_actions(const struct screen *s, enum action *out, size_t max)
{
    return bar_actions(s, out, max);
}

static const struct key_words *own_words(const struct screen *s, enum action a)
{
    for (size_t i = 0; s && s->ops->words && i < s->ops->nwords; i++)
        if (s->ops->words[i].a == a)
            return &s->ops->words[i];
    return NULL;
}

const char *ui_key_label(const struct screen *s, enum action a)
{
    const struct key_words *w = own_words(s, a);
    return w && w->label ? _(w->label) : action_label(a);
}

const char *ui_key_help(const struct screen *s, enum action a)
{
    const struct key_words *w = own_words(s, a);
    return w && w->help ? _(w->help) : action_help(a);
}

/* The bar as action_bar_layout() lays it out, in this screen's words. */
static void draw_bar(struct ui *ui, const struct screen *s)
{
    enum action acts[32];
    const char *labels[32];
    struct bar_entry e[32];
    size_t n = bar_actions(s, acts, 32);
    for (size_t i = 0; i < n; i++)
        labels[i] = ui_key_label(s, acts[i]);
    size_t shown = action_bar_layout(acts, labels, n, ui->cols, e);
    move(ui->rows - 1, 0);
    clrtoeol();
    for (size_t i = 0; i < shown; i++) {
        int x = e[i].x, kw = utf8_width(e[i].key);
        ui_print_in(stdscr, UC_BAR_KEY, ui->rows - 1, x, ui->cols - x, e[i].key);
        ui_print_in(stdscr, UC_BAR_LABEL, ui->rows - 1, x + kw + 1, ui->cols - x - kw - 1, e[i].label);
    }
}

/* The status line; a message too long for it takes the rows above it
 * (up to three, over the screen's last rows) so it reads whole. */
static void draw_status(struct ui *ui)
{
    move(ui->rows - 2, 0);
    clrtoeol();
    if (!ui->status[0])
        return;
    int starts[3], lens[3];
    int n = ui_wrap(ui->status, ui->cols - 1, starts, lens, 3);
    ui_attr(stdscr, ui->status_error ? UC_ERROR : UC_STATUS, true);
    for (int i = 0; i < n; i++) {
        int y = ui->rows - 1 - n + i;
        char *line = strndup(ui->status + starts[i], (size_t)lens[i]);
        move(y, 0);
        clrtoeol();
        ui_print(stdscr, y, 0, ui->cols, line ? line : "");
        free(line);
    }
    ui_attr(stdscr, ui->status_error ? UC_ERROR : UC_STATUS, false);
}

static void draw_too_small(struct ui *ui)
{
    char msg[160];
    erase();
    snprintf(msg, sizeof msg, _("The window is too small: treem needs at least %dx%d (now %dx%d)."),
             MIN_COLS, MIN_ROWS, ui->cols, ui->rows);
    mvaddstr(0, 0, msg); /* curses wraps it on a narrow screen */
    refresh();
}

/* True when a key is waiting (it stays waiting). */
static bool key_waiting(void)
{
    wint_t wc;
    nodelay(stdscr, TRUE);
    int kind = get_wch(&wc);
    nodelay(stdscr, FALSE);
    if (kind == KEY_CODE_YES)
        ungetch((int)wc);
    else if (kind == OK)
        unget_wch(wc);
    return kind != ERR;
}

/* Something was drawn or a key was read since the last frame report. */
static bool frame_dirty = true;

const char *ui_screen_name(const struct screen *s)
{
    if (!s)
        return "none";
    if (s->name)
        return s->name;
    return s->ops->id ? s->ops->id : s->ops->title;
}

/* TREEM_TEST_FRAMES names a pipe the test harness reads: each frame report
 * is also written there as a line "SEQ SCREEN", so the harness sleeps until
 * a frame comes instead of polling the title. Opened without O_CREAT (it
 * never makes a file) and without blocking; a full pipe drops the line (the
 * title stays the truth). */
static int frames_fd(void)
{
    static int fd = -2;
    if (fd == -2) {
        const char *path = getenv("TREEM_TEST_FRAMES");
        int flags = O_WRONLY;
#ifdef O_NONBLOCK
        flags |= O_NONBLOCK;
#endif
#ifdef O_CLOEXEC
        flags |= O_CLOEXEC;
#endif
        fd = path && *path ? open(path, flags) : -1;
    }
    return fd;
}

/* The report goes straight to the terminal after curses has written the
 * frame (refresh flushes), so a reader of the title sees the whole frame. */
void ui_frame_ready(struct ui *ui, const char *dialog)
{
    static int enabled = -1;
    static unsigned long seq;
    if (enabled < 0) {
        const char *v = getenv("TREEM_TEST_TITLE");
        enabled = v && strcmp(v, "1") == 0;
    }
    if (!enabled || !frame_dirty || key_waiting())
        return;
    const char *name = dialog ? dialog
                       : ui->rows < MIN_ROWS || ui->cols < MIN_COLS ? "Too small"
                                                                     : ui_screen_name(ui_top(ui));
    char buf[128];
    int n = snprintf(buf, sizeof buf, "\033]2;treem %lu %s\007", ++seq, name);
    if (n <= 0 || (size_t)n >= sizeof buf || write(STDOUT_FILENO, buf, (size_t)n) != n)
        return;
    frame_dirty = false;
    int fd = frames_fd();
    if (fd >= 0) {
        n = snprintf(buf, sizeof buf, "%lu %s\n", seq, name);
        if (n > 0 && (size_t)n < sizeof buf && write(fd, buf, (size_t)n) != n) {
            /* dropped: the harness falls back to its one-second tick */
        }
    }
}

void ui_redraw(struct ui *ui)
{
    frame_dirty = true;
    getmaxyx(stdscr, ui->rows, ui->cols);
    if (ui->rows < MIN_ROWS || ui->cols < MIN_COLS) {
        draw_too_small(ui);
        return;
    }
    struct screen *s = ui_top(ui);
    erase();
    ui_cursor_reset();
    draw_title(ui);
    draw_tabs(ui, s ? s->tab : -1);
    if (s) {
        WINDOW *body = derwin(stdscr, ui->rows - 4, ui->cols, 2, 0);
        if (body) {
            s->ops->draw(s, body, ui->rows - 4, ui->cols);
            wnoutrefresh(stdscr);
            delwin(body);
        }
    }
    draw_status(ui);
    draw_bar(ui, s);
    ui_cursor_apply();
    refresh();
}

/* Indexes waiting children until a key comes or none wait. A failure
 * (another program writing, a read-only file) pauses it for IDLE_RETRY_S
 * seconds, so keys never wait on a lock. A message on the status line (an
 * error, a save) is not overwritten. */
static time_t idle_retry_at;

static void idle_index(struct ui *ui)
{
    long long left = 0;
    do {
        bool own_status = !ui->status[0] || ui->status_own;
        if (children_index_step(ui->db, IDLE_STEP, false, &left) != ST_OK) {
            idle_retry_at = time(NULL) + IDLE_RETRY_S;
            left = 0;
        } else if (own_status) {
            if (left > 0)
                ui_status(ui, false, _("Updating the search index: %lld children left"), left);
            else
                ui_status(ui, false, "%s", _("The search index is up to date."));
            ui->status_own = true;
            ui_redraw(ui);
        }
    } while (left > 0 && !key_waiting());
}

/* True when the idle lock is due: signed in, not locked yet, and no key
 * for lock_s seconds while the main loop waits (dialogs never lock). */
static bool lock_due(struct ui *ui)
{
    struct screen *top = ui_top(ui);
    return ui->lock_s > 0 && ui->main_read && auth_current() && top && top->ops != &scr_signin_ops &&
           time(NULL) - ui->last_key >= ui->lock_s;
}

enum action ui_read_key(struct ui *ui, bool text_mode, char text[8], int *digit)
{
    wint_t wc;
    text[0] = '\0';
    for (;;) {
        bool waiting = ui->db && !ui->db->read_only && time(NULL) >= idle_retry_at &&
                       children_index_any_waiting(ui->db);
        bool locking = ui->lock_s > 0 && ui->main_read && auth_current();
        ui_frame_ready(ui, NULL);
        timeout(waiting ? IDLE_MS : locking ? LOCK_POLL_MS : -1);
        enum ui_key kind = ui_get_key(ui, stdscr, &wc);
        timeout(-1);
        if (kind != UK_NONE)
            frame_dirty = true; /* a key (or a sequence swallowed) was read */
        if (kind == UK_NONE && lock_due(ui)) {
            ui_push(ui, &scr_signin_ops, ui); /* the lock: the same person's password */
            return ACT_NONE;
        }
        if (kind == UK_NONE && waiting)
            idle_index(ui);
        if (kind == UK_NONE)
            continue;
        ui->last_key = time(NULL);
        if (kind == UK_SWALLOWED)
            continue;
        if (kind == UK_PASTE)
            return ACT_NONE; /* the text is in ui->paste */
        if (kind == UK_CODE && wc == KEY_RESIZE) {
            ui_redraw(ui);
            continue;
        }
        if (kind == UK_CODE)
            return action_for_key((int)wc, true, text_mode, digit);
        if (kind == UK_ALT_DIGIT) {
            /* it jumps to a screen even where digits are text */
            *digit = (int)(wc - '0');
            return ACT_JUMP;
        }
        if (kind == UK_ESC)
            return ACT_BACK;
        enum action a = action_for_key((int)wc, false, text_mode, digit);
        if (a == ACT_NONE && wc >= 0x20 && wc != 0x7f && !(wc >= 0x80 && wc < 0xa0))
            utf8_encode((long)wc, text);
        return a;
    }
}

static bool is_unsaved(struct screen *s) { return s->ops->unsaved && s->ops->unsaved(s); }

bool ui_may_leave(struct ui *ui, struct screen *s, bool *popped)
{
    *popped = false;
    if (!is_unsaved(s))
        return true;
    enum leave_answer ans = ui_ask_unsaved(ui, s->ops->on_action != NULL);
    if (ans == LEAVE_DISCARD)
        return true;
    if (ans == LEAVE_STAY)
        return false;
    enum screen_result r = s->ops->on_action(s, ACT_SAVE, 0);
    if (r == SR_POP) {
        ui_pop(ui);
        *popped = true;
        return true;
    }
    return ui_top(ui) == s && !is_unsaved(s);
}

/* Before the whole stack goes (another tab, quit): the top screen's own
 * question when it alone is unsaved, else one question for all. */
static bool may_leave_all(struct ui *ui, struct screen *s)
{
    bool below = false, popped;
    for (int i = 0; i + 1 < ui->depth; i++)
        below = below || is_unsaved(ui->stack[i]);
    if (!below)
        return ui_may_leave(ui, s, &popped);
    return ui_ask_unsaved(ui, false) == LEAVE_DISCARD;
}

/* Keys no screen took: help, quit, back, menu. */
static void global_action(struct ui *ui, struct screen *s, enum action a, int digit)
{
    switch (a) {
    case ACT_HELP:
        if (s->ops != &scr_help_ops)
            ui_push(ui, &scr_help_ops, s);
        break;
    case ACT_QUIT:
        if (may_leave_all(ui, s))
            ui->running = false;
        break;
    case ACT_BACK: {
        bool popped = false;
        if (!ui_may_leave(ui, s, &popped) || popped)
            break;
        if (ui->depth > 1)
            ui_pop(ui);
        else if (s->tab > 0)
            ui_goto_tab(ui, 0);
        break;
    }
    case ACT_JUMP:
    case ACT_MENU:
    case ACT_MENU_PREV: {
        int cur = s->tab < 0 ? 0 : s->tab;
        if (!may_leave_all(ui, s))
            break;
        int tab = a == ACT_JUMP ? digit - 1 : (cur + (a == ACT_MENU ? 1 : NTABS - 1)) % NTABS;
        if (tab >= 0 && tab < NTABS)
            ui_goto_tab(ui, tab);
        break;
    }
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        break;
    default:
        break;
    }
}

int ui_run(struct ui *ui)
{
    ui->running = true;
    while (ui->running && ui->depth) {
        ui_redraw(ui);
        struct screen *s = ui_top(ui);
        bool text = s->ops->text_mode && s->ops->text_mode(s);
        char utf8[8];
        int digit = 0;
        ui->main_read = true;
        enum action a = ui_read_key(ui, text, utf8, &digit);
        ui->main_read = false;
        if (ui->rows < MIN_ROWS || ui->cols < MIN_COLS) {
            if (a == ACT_QUIT || a == ACT_BACK)
                ui->running = false;
            continue;
        }
        ui->status[0] = '\0';
        enum screen_result r = SR_UNHANDLED;
        bool pasted = ui->paste != NULL;
        if (pasted) {
            if (text && s->ops->on_text)
                s->ops->on_text(s, ui->paste);
            else
                ui_status(ui, true, "%s", _("Pasted text goes into a field: move to one first."));
            free(ui->paste);
            ui->paste = NULL;
            continue;
        }
        if (a == ACT_NONE && utf8[0] && s->ops->on_text)
            r = s->ops->on_text(s, utf8);
        else if (a != ACT_NONE && s->ops->on_action)
            r = s->ops->on_action(s, a, digit);
        if (r == SR_POP)
            ui_pop(ui);
        else if (r == SR_QUIT)
            ui->running = false;
        else if (r == SR_UNHANDLED && a == ACT_PREV_FIELD)
            global_action(ui, s, ACT_MENU_PREV, 0);
        else if (r == SR_UNHANDLED && a == ACT_NEXT_FIELD)
            global_action(ui, s, ACT_MENU, 0);
        else if (r == SR_UNHANDLED && a == ACT_NONE && utf8[0] >= '1' && utf8[0] <= '9' && !utf8[1])
            global_action(ui, s, ACT_JUMP, utf8[0] - '0'); /* a digit a screen left to us */
        else if (r == SR_UNHANDLED)
            global_action(ui, s, a, digit);
    }
    while (ui->depth)
        ui_pop(ui);
    return 0;
}
