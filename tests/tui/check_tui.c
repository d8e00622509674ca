/* check_tui — headless tests of the interface's building blocks: the
 * one-line editor with Vietnamese input, the key table → bar/help
 * generation, and widgets drawn on a curses screen bound to /dev/null. */
#include <config.h>
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/tui/action.h"
#include "treem/tui/field.h"
#include "treem/tui/form.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/list.h"
#include "treem/tui/listbase.h"

/* ---- field editor ---------------------------------------------------- */

START_TEST(field_insert_vietnamese)
{
    struct field f;
    field_init(&f, NULL, 0);
    ck_assert(field_insert(&f, "Nguyễn Thị Đào"));
    ck_assert_str_eq(field_text(&f), "Nguyễn Thị Đào");
    ck_assert_uint_eq(f.cursor, strlen("Nguyễn Thị Đào"));
    field_free(&f);
}
END_TEST

START_TEST(field_nfd_input_stored_nfc)
{
    struct field f;
    field_init(&f, NULL, 0);
    /* "Đào" typed decomposed: D-stroke, a, combining grave, o */
    ck_assert(field_insert(&f, "\xc4\x90" "a"));
    ck_assert(field_insert(&f, "\xcc\x80"));   /* U+0300 typed on its own */
    ck_assert(field_insert(&f, "o"));
    ck_assert_str_eq(field_text(&f), "Đào");
    ck_assert_uint_eq(utf8_char_count(field_text(&f)), 3);
    ck_assert_uint_eq(f.cursor, strlen("Đào"));
    field_free(&f);
}
END_TEST

START_TEST(field_cursor_moves_by_character)
{
    struct field f;
    field_init(&f, "Hồng", 0);
    field_left(&f);           /* before g */
    field_left(&f);           /* before n */
    field_left(&f);           /* before ồ */
    ck_assert_uint_eq(f.cursor, 1);
    field_right(&f);          /* over ồ: 3 bytes in NFC */
    ck_assert_uint_eq(f.cursor, 1 + strlen("ồ"));
    field_home(&f);
    ck_assert_uint_eq(f.cursor, 0);
    field_left(&f);           /* stays at 0 */
    ck_assert_uint_eq(f.cursor, 0);
    field_end(&f);
    field_right(&f);          /* stays at the end */
    ck_assert_uint_eq(f.cursor, strlen("Hồng"));
    field_free(&f);
}
END_TEST

START_TEST(field_delete_and_backspace)
{
    struct field f;
    field_init(&f, "Lê Văn Tú", 0);
    field_backspace(&f);      /* removes ú whole */
    ck_assert_str_eq(field_text(&f), "Lê Văn T");
    field_home(&f);
    field_right(&f);
    field_delete(&f);         /* removes ê whole */
    ck_assert_str_eq(field_text(&f), "L Văn T");
    field_home(&f);
    field_backspace(&f);      /* nothing before the start */
    ck_assert_str_eq(field_text(&f), "L Văn T");
    ck_assert(f.changed);
    field_free(&f);
}
END_TEST

START_TEST(field_insert_in_middle)
{
    struct field f;
    field_init(&f, "Nguyn", 0);
    field_left(&f);
    field_left(&f);
    field_right(&f);          /* N g u y | n */
    ck_assert_uint_eq(f.cursor, 4);
    ck_assert(field_insert(&f, "ễ"));
    ck_assert_str_eq(field_text(&f), "Nguyễn");
    ck_assert(field_insert(&f, "X"));
    ck_assert_str_eq(field_text(&f), "NguyễXn");
    field_free(&f);
}
END_TEST

START_TEST(field_max_chars_and_controls)
{
    struct field f;
    field_init(&f, NULL, 3);
    ck_assert(field_insert(&f, "Đào"));
    ck_assert(!field_insert(&f, "x"));
    ck_assert_str_eq(field_text(&f), "Đào");
    field_set(&f, "");
    ck_assert(field_insert(&f, "a\tb"));     /* the tab is dropped */
    ck_assert_str_eq(field_text(&f), "ab");
    ck_assert(!field_insert(&f, "\xff"));     /* not UTF-8 */
    ck_assert_str_eq(field_text(&f), "ab");
    ck_assert(field_insert(&f, "ĐàoXYZ"));   /* a paste longer than the room: what fits */
    ck_assert_str_eq(field_text(&f), "abĐ");
    field_free(&f);
}
END_TEST

START_TEST(field_view_scrolls_by_columns)
{
    struct field f;
    field_init(&f, "Nguyễn Thị Minh Khai", 0);
    size_t a, b;
    int col;
    field_view(&f, 8, &a, &b, &col);
    ck_assert_int_le(col, 7);
    ck_assert_uint_eq(f.cursor, strlen(field_text(&f)));
    char *vis = strndup(field_text(&f) + a, b - a);
    ck_assert_int_le(utf8_width(vis), 8);
    ck_assert(strstr("Nguyễn Thị Minh Khai", vis) != NULL);
    free(vis);
    field_home(&f);
    field_view(&f, 8, &a, &b, &col);
    ck_assert_uint_eq(a, 0);
    ck_assert_int_eq(col, 0);
    field_free(&f);
}
END_TEST

START_TEST(field_handle_actions)
{
    struct field f;
    field_init(&f, "ab", 0);
    ck_assert(field_handle(&f, ACT_LEFT));
    ck_assert(field_handle(&f, ACT_BACKSPACE));
    ck_assert_str_eq(field_text(&f), "b");
    ck_assert(!field_handle(&f, ACT_SAVE));
    field_free(&f);
}
END_TEST

/* ---- key table → bar and help ---------------------------------------- */

START_TEST(keys_map_to_actions)
{
    int digit = 0;
    ck_assert_int_eq(action_for_key('q', false, false, NULL), ACT_QUIT);
    ck_assert_int_eq(action_for_key('q', false, true, NULL), ACT_NONE);   /* text */
    ck_assert_int_eq(action_for_key('?', false, false, NULL), ACT_HELP);
    ck_assert_int_eq(action_for_key('7', false, false, &digit), ACT_JUMP);
    ck_assert_int_eq(digit, 7);
    ck_assert_int_eq(action_for_key('7', false, true, &digit), ACT_NONE);
    ck_assert_int_eq(action_for_key(27, false, true, NULL), ACT_BACK);
    ck_assert_int_eq(action_for_key('\r', false, true, NULL), ACT_OPEN);
    ck_assert_int_eq(action_for_key(0411, true, true, NULL), ACT_HELP);   /* KEY_F(1) */
    ck_assert_int_eq(action_for_key(0422, true, true, NULL), ACT_QUIT);   /* KEY_F(10) */
    ck_assert_int_eq(action_for_key(0416, true, true, NULL), ACT_COPY);   /* KEY_F(6) */
    ck_assert_int_eq(action_for_key(0417, true, true, NULL), ACT_DONE);   /* KEY_F(7) */
    ck_assert_int_eq(action_for_key(0424, true, true, NULL), ACT_CALENDAR); /* KEY_F(12) */
    ck_assert_int_eq(action_for_key('<', false, false, &digit), ACT_YEAR);
    ck_assert_int_eq(digit, -1);
    ck_assert_int_eq(action_for_key('>', false, false, &digit), ACT_YEAR);
    ck_assert_int_eq(digit, 1);
    ck_assert_int_eq(action_for_key('>', false, true, &digit), ACT_NONE);  /* text */
    ck_assert_int_eq(action_for_key('c', false, false, NULL), ACT_CLASS);
    ck_assert_int_eq(action_for_key('c', false, true, NULL), ACT_NONE);
    ck_assert_int_eq(action_for_key(18, false, true, NULL), ACT_SCALES);   /* Ctrl-R, even in text */
}
END_TEST

/* Every key a label shows is bound to its action, and the dispatcher knows
 * no key the labels do not show (it reads them: action.c has no other list). */
START_TEST(every_key_shown_is_bound)
{
    for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
        const char *k = action_key((enum action)a);
        while (*k) {
            size_t len = strcspn(k, " ");
            int key = 0, digit = 0;
            bool code = false;
            if (!(len == sizeof "Alt+1…9" - 1 && memcmp(k, "Alt+1…9", len) == 0)) {
                ck_assert_msg(action_token_key(k, len, &key, &code), "key '%.*s' of action %d is not "
                              "understood", (int)len, k, a);
                ck_assert_msg((int)action_for_key(key, code, false, &digit) == a,
                              "key '%.*s' does not reach action %d", (int)len, k, a);
            }
            k += len;
            k += strspn(k, " ");
        }
    }
    /* in text mode a character is text; control keys stay keys */
    ck_assert_int_eq(action_for_key('k', false, true, NULL), ACT_NONE);
    ck_assert_int_eq(action_for_key(21, false, true, NULL), ACT_CLEAR);
    ck_assert_int_eq(action_for_key('\t', false, true, NULL), ACT_NEXT_FIELD);
}
END_TEST

/* The one key policy of every form: Tab and Enter go round, never out. */
START_TEST(form_keys_never_leave)
{
    static const struct form_def defs[] = {
        {"A", FK_TEXT, 0, NULL, NULL}, {"B", FK_TEXT, 0, NULL, NULL}, {"C", FK_TEXT, 0, NULL, NULL},
    };
    struct form f;
    ck_assert(form_init(&f, defs, 3));
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(form_key(&f, ACT_NEXT_FIELD), FORM_USED);
    ck_assert_uint_eq(f.focus, 0);
    ck_assert_int_eq(form_key(&f, ACT_PREV_FIELD), FORM_USED);
    ck_assert_uint_eq(f.focus, 2);
    ck_assert_int_eq(form_key(&f, ACT_OPEN), FORM_USED); /* Enter on the last field: no save */
    ck_assert_uint_eq(f.focus, 0);
    ck_assert_int_eq(form_key(&f, ACT_SAVE), FORM_SAVE);
    ck_assert_int_eq(form_key(&f, ACT_BACK), FORM_LEAVE);
    ck_assert_int_eq(form_key(&f, ACT_NEW), FORM_USED);
    ck_assert_int_eq(form_key(&f, ACT_DELETE), FORM_USED);
    ck_assert_int_eq(form_key(&f, ACT_MENU), FORM_PASS);
    ck_assert(form_text(&f, "con ngoan"));
    ck_assert(form_changed(&f));
    ck_assert_int_eq(form_key(&f, ACT_CLEAR), FORM_USED);
    ck_assert_str_eq(form_value(&f, 0), "");
    ck_assert(form_text(&f, "a\x1b" "b\tc\x7f"));   /* control characters dropped */
    ck_assert_str_eq(form_value(&f, 0), "abc");
    form_free(&f);
}
END_TEST

START_TEST(bar_and_help_agree)
{
    const enum action acts[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_MENU, ACT_QUIT};
    size_t n = sizeof acts / sizeof *acts;
    char bar[512];
    ck_assert_uint_eq(action_bar(acts, n, 200, bar, sizeof bar), n);
    for (size_t i = 0; i < n; i++) {
        char line[256], key[16];
        ck_assert(action_help_line(acts, n, i, line, sizeof line));
        /* the bar shows the first key of each action, the help all its keys */
        snprintf(key, sizeof key, "%.*s", (int)strcspn(action_key(acts[i]), " "), action_key(acts[i]));
        ck_assert_msg(strstr(bar, key), "bar lacks %s: %s", key, bar);
        ck_assert_msg(strncmp(line, action_key(acts[i]), strlen(action_key(acts[i]))) == 0,
                      "help line %s", line);
        ck_assert_msg(strstr(bar, action_label(acts[i])), "bar lacks label %s", action_label(acts[i]));
        ck_assert(strstr(line, action_help(acts[i])));
    }
    char line[256];
    ck_assert(!action_help_line(acts, n, n, line, sizeof line));
}
END_TEST

START_TEST(bar_fits_width)
{
    const enum action acts[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_QUIT};
    char bar[512];
    size_t shown = action_bar(acts, 6, 20, bar, sizeof bar);
    ck_assert_uint_lt(shown, 6);
    ck_assert_int_le(utf8_width(bar), 20);
    i18n_set_lang("vi");
    shown = action_bar(acts, 6, 200, bar, sizeof bar);
    ck_assert_uint_eq(shown, 6);
    ck_assert_msg(strstr(bar, "F2 Lưu"), "Vietnamese bar: %s", bar);
    i18n_set_lang("en");
}
END_TEST

/* ---- widgets drawn headless ------------------------------------------ */

static SCREEN *scr;
static FILE *devnull_out, *devnull_in;

static void curses_up(void)
{
    devnull_out = fopen("/dev/null", "w");
    devnull_in = fopen("/dev/null", "r");
    scr = newterm("xterm", devnull_out, devnull_in);
    ck_assert_ptr_nonnull(scr);
    set_term(scr);
    resizeterm(24, 80);
    draw_init(false, false);
}

static void curses_down(void)
{
    endwin();
    delscreen(scr);
    fclose(devnull_out);
    fclose(devnull_in);
}

static void read_line(WINDOW *w, int y, char *out, size_t outsz)
{
    wchar_t wbuf[256];
    int n = mvwinnwstr(w, y, 0, wbuf, 255);
    wbuf[n > 0 ? n : 0] = L'\0';
    wcstombs(out, wbuf, outsz);
}

static void rows_cb(void *ctx, size_t i, char *buf, size_t sz)
{
    (void)ctx;
    static const char *const names[] = {"Nguyễn Thị Đào", "Trần Văn Bình", "Lê Thị Hoa"};
    snprintf(buf, sz, "%zu %s", i, names[i % 3]);
}

START_TEST(list_draws_visible_page_only)
{
    curses_up();
    struct list_view lv = {0};
    list_set_count(&lv, 1000);
    list_handle(&lv, ACT_END);
    list_draw(stdscr, 0, 0, 5, 80, &lv, rows_cb, NULL, true);
    char line[512];
    read_line(stdscr, 4, line, sizeof line);
    ck_assert_msg(strncmp(line, "999 Nguyễn Thị Đào", strlen("999 Nguyễn Thị Đào")) == 0, "%s", line);
    read_line(stdscr, 0, line, sizeof line);
    ck_assert_msg(strncmp(line, "995 ", 4) == 0, "%s", line);
    list_handle(&lv, ACT_HOME);
    list_draw(stdscr, 0, 0, 5, 80, &lv, rows_cb, NULL, true);
    read_line(stdscr, 0, line, sizeof line);
    ck_assert_msg(strncmp(line, "0 Nguyễn", strlen("0 Nguyễn")) == 0, "%s", line);
    curses_down();
}
END_TEST

static const struct form_def defs[] = {
    {"Full name", FK_TEXT, 50, NULL, NULL},
    {"Village", FK_TEXT, 50, NULL, NULL},
};

START_TEST(form_shows_error_under_field)
{
    curses_up();
    struct form f;
    ck_assert(form_init(&f, defs, 2));
    form_text(&f, "Đào");
    form_handle(&f, ACT_NEXT_FIELD);
    form_set_error(&f, 0, "Full name: too short");
    ck_assert_uint_eq(f.focus, 0); /* focus goes to the first error */
    form_draw(stdscr, &f, 0, 0, 10, 80);
    char line[512];
    read_line(stdscr, 0, line, sizeof line);
    ck_assert_msg(strstr(line, "Full name") && strstr(line, "Đào"), "%s", line);
    read_line(stdscr, 1, line, sizeof line);
    ck_assert_msg(strstr(line, "Full name: too short"), "%s", line);
    read_line(stdscr, 2, line, sizeof line);
    ck_assert_msg(strstr(line, "Village"), "%s", line);
    ck_assert(form_changed(&f));
    form_free(&f);
    curses_down();
}
END_TEST

/* A message from the layers below lands under the field it names. */
static const struct form_def task_like[] = {
    {"Task", FK_TEXT, 0, NULL, NULL},
    {"Start", FK_TEXT, 0, NULL, NULL},
    {"Due", FK_TEXT, 0, NULL, NULL},
};
static const char *const task_like_names[] = {"task text", "start date", "due date"};

START_TEST(formscreen_error_finds_the_field)
{
    static const struct { const char *msg; size_t fallback; int field; } cases[] = {
        {"due date: 15/02/2026 is before the start date 01/03/2026", 3, 2},
        {"start date: 31/02/2026 is not a valid date", 3, 1},
        {"task text: must not be empty", 3, 0},
        {"due datex: not this field", 0, 0},        /* the name must end at ':' */
        {"department: every task needs a department", 1, 1},
        {"department: every task needs a department", 3, -1}, /* status line */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct ui ui;
        memset(&ui, 0, sizeof ui);
        struct form f;
        ck_assert(form_init(&f, task_like, 3));
        formscreen_error(&ui, &f, cases[i].msg, task_like_names, 3, cases[i].fallback);
        for (int k = 0; k < 3; k++) {
            if (k == cases[i].field)
                ck_assert_msg(f.errors[k] && strcmp(f.errors[k], cases[i].msg) == 0,
                              "case %zu: no message under field %d", i, k);
            else
                ck_assert_msg(!f.errors[k], "case %zu: message under field %d", i, k);
        }
        if (cases[i].field < 0)
            ck_assert_str_eq(ui.status, cases[i].msg);
        else
            ck_assert_str_eq(ui.status, "");
        form_free(&f);
    }
}
END_TEST


/* Several names may lead to one field (the step form's "step date" and
 * "approval"); a message naming none goes to the fallback. */
START_TEST(formscreen_error_map_finds_the_field)
{
    static const struct form_label at[] = {{"step date", 1}, {"approval", 1}, {"cost", 2}};
    ck_assert_uint_eq(form_label_field("approval: after the step", at, 3, 0), 1);
    ck_assert_uint_eq(form_label_field("step date: 31/02/2026", at, 3, 0), 1);
    ck_assert_uint_eq(form_label_field("cost: not a number", at, 3, 0), 2);
    ck_assert_uint_eq(form_label_field("costs: not this one", at, 3, 0), 0);
    struct ui ui;
    memset(&ui, 0, sizeof ui);
    struct form f;
    ck_assert(form_init(&f, task_like, 3));
    formscreen_error_map(&ui, &f, "approval: after the step", at, 3, 0);
    ck_assert_str_eq(f.errors[1], "approval: after the step");
    formscreen_error_map(&ui, &f, "database is locked", at, 3, 3);
    ck_assert_str_eq(ui.status, "database is locked");
    form_free(&f);
}
END_TEST

/* ---- the form base: a screen built on it, driven without a terminal ---- */

struct probe {
    struct formscreen fs;   /* the base: first */
    int keys, resumes, saves;
    bool save_ok;
};

static bool probe_save(struct ui *ui, struct form *f, void *ctx)
{
    struct probe *p = ((struct screen *)ctx)->state;
    (void)ui;
    p->saves++;
    if (!p->save_ok)
        form_set_error(f, 1, "B: wrong");
    return p->save_ok;
}

static bool probe_key(struct ui *ui, struct form *f, enum action a, void *ctx)
{
    struct probe *p = ((struct screen *)ctx)->state;
    (void)ui;
    (void)f;
    p->keys++;
    return a == ACT_FILTER; /* the screen's own key */
}

static void probe_resume(struct ui *ui, struct form *f, void *ctx)
{
    (void)ui;
    (void)f;
    ((struct probe *)((struct screen *)ctx)->state)->resumes++;
}

static const struct formscreen_spec probe_spec = {task_like, 3, "Heading", "", probe_save,
                                                  NULL, NULL, "Probe"};
static struct formscreen_hooks probe_hooks = {.key = probe_key, .resume = probe_resume};

static void probe_enter(struct screen *s)
{
    ck_assert(formscreen_begin(s, &probe_spec, &probe_hooks));
}

static const struct screen_ops probe_ops = {
    .title = "Probe",
    .state_size = sizeof(struct probe),
    .enter = probe_enter,
    .leave = formscreen_end,
    FORMSCREEN_OPS,
};

START_TEST(formscreen_base_keys)
{
    struct ui ui;
    memset(&ui, 0, sizeof ui);
    probe_hooks.stays = probe_hooks.nothing_to_lose = false;
    struct screen *s = ui_push(&ui, &probe_ops, NULL);
    ck_assert_ptr_nonnull(s);
    struct probe *p = s->state;
    ck_assert_str_eq(ui_screen_name(s), "Probe");
    ck_assert(s->ops->text_mode(s));                 /* letters are text, never commands */
    ck_assert_int_eq(s->ops->on_action(s, ACT_FILTER, 0), SR_HANDLED);
    for (int i = 0; i < 4; i++) {                    /* Tab and Enter go round, never out */
        ck_assert_int_eq(s->ops->on_action(s, ACT_NEXT_FIELD, 0), SR_HANDLED);
        ck_assert_int_eq(s->ops->on_action(s, ACT_OPEN, 0), SR_HANDLED);
    }
    ck_assert_int_eq(p->keys, 9);                    /* the hook is asked first, every key */
    ck_assert(!s->ops->unsaved(s));
    ck_assert_int_eq(s->ops->on_text(s, "con ngoan"), SR_HANDLED);
    ck_assert(s->ops->unsaved(s));                   /* the frame will ask before leaving */
    ck_assert_int_eq(s->ops->on_action(s, ACT_BACK, 0), SR_UNHANDLED);
    ck_assert_int_eq(s->ops->on_action(s, ACT_MENU, 0), SR_UNHANDLED);
    ck_assert_int_eq(s->ops->on_action(s, ACT_SAVE, 0), SR_HANDLED); /* refused */
    ck_assert_str_eq(ui.status, "B: wrong");         /* the message, whole, on the status line */
    ck_assert_ptr_nonnull(p->fs.form.errors[1]);
    ck_assert(s->ops->unsaved(s));
    s->ops->resume(s);
    ck_assert_int_eq(p->resumes, 1);
    p->save_ok = true;
    ck_assert_int_eq(s->ops->on_action(s, ACT_SAVE, 0), SR_POP);
    ck_assert_ptr_null(p->fs.form.errors[1]);
    ck_assert(!s->ops->unsaved(s));
    ck_assert_int_eq(p->saves, 2);
    ui_pop(&ui);
    ck_assert_int_eq(ui.depth, 0);
}
END_TEST

START_TEST(formscreen_base_flags)
{
    struct ui ui;
    memset(&ui, 0, sizeof ui);
    probe_hooks.stays = probe_hooks.nothing_to_lose = true;
    struct screen *s = ui_push(&ui, &probe_ops, NULL);
    ck_assert_ptr_nonnull(s);
    struct probe *p = s->state;
    s->ops->on_text(s, "x");
    ck_assert(!s->ops->unsaved(s));                  /* a filter: nothing to lose */
    p->save_ok = true;
    ck_assert_int_eq(s->ops->on_action(s, ACT_SAVE, 0), SR_HANDLED); /* a tab's form stays */
    ui_pop(&ui);
    probe_hooks.stays = probe_hooks.nothing_to_lose = false;
}
END_TEST

START_TEST(form_date_and_text_helpers)
{
    struct form f;
    ck_assert(form_init(&f, task_like, 3));
    form_set_date(&f, 1, (struct date){2026, 3, 5});
    ck_assert_str_eq(form_value(&f, 1), "05/03/2026");
    form_set_date(&f, 1, (struct date){0, 0, 0});
    ck_assert_str_eq(form_value(&f, 1), "");
    char *dst = NULL;
    ck_assert(form_str_set(&dst, "Hồ Thị Ánh"));
    ck_assert_str_eq(dst, "Hồ Thị Ánh");
    ck_assert(form_str_set(&dst, NULL));
    ck_assert_str_eq(dst, "");
    free(dst);
    form_free(&f);
}
END_TEST

/* ---- listbase: a list screen declared, the base drawing and routing ---- */

struct fake_state {
    struct listbase lb;
    const char *names[5];
    long long ids[5];
    size_t n, loads;
    bool fail;
    int step;
    size_t acts;   /* keys act() took */
    size_t hists, hist_row; /* Ctrl-Y: times asked, the row */
};

static bool fake_load(struct screen *s, size_t *count)
{
    struct fake_state *st = s->state;
    st->loads++;
    *count = st->fail ? 0 : st->n;
    if (st->fail)
        status_set(ST_IO, "%s", "disk I/O error");
    return !st->fail;
}

static void fake_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct fake_state *st = s->state;
    lb_cellf(r, 0, "%lld", st->ids[i]);
    lb_cell(r, 1, st->names[i]);
}

static bool fake_match(struct screen *s, size_t i, const char *folded)
{
    char *name = utf8_fold(((struct fake_state *)s->state)->names[i]);
    bool hit = name && strstr(name, folded);
    free(name);
    return hit;
}

static long long fake_id(struct screen *s, size_t i) { return ((struct fake_state *)s->state)->ids[i]; }

static enum lb_after fake_delete(struct screen *s, size_t sel, int digit)
{
    struct fake_state *st = s->state;
    (void)digit;
    memmove(&st->names[sel], &st->names[sel + 1], (st->n - sel - 1) * sizeof *st->names);
    memmove(&st->ids[sel], &st->ids[sel + 1], (st->n - sel - 1) * sizeof *st->ids);
    st->n--;
    return LB_RELOAD;
}

/* Left and Right come with -1 and +1, as < and > do. */
static enum lb_after fake_year(struct screen *s, int step)
{
    ((struct fake_state *)s->state)->step += step;
    return LB_STAY;
}

/* Ctrl-Y: says which row; no history to open (nothing is pushed). */
static bool fake_history(struct screen *s, size_t sel, struct history_ref *ref)
{
    struct fake_state *st = s->state;
    (void)ref;
    st->hists++;
    st->hist_row = sel;
    return false;
}

/* F3: the bar's key without an entry in the key table. */
static enum lb_after fake_act(struct screen *s, enum action a, size_t sel)
{
    (void)sel;
    if (a != ACT_NEW)
        return LB_PASS;
    ((struct fake_state *)s->state)->acts++;
    return LB_RELOAD;
}

static const struct lb_key fake_keys[] = {
    {ACT_DELETE, fake_delete, false},
};
static const struct lb_col fake_cols[] = {{"", 4}, {"Name", 30}};
static struct listbase_def fake_def = {
    .heading = "Fakes", .empty = "Nothing here.",
    .cols = fake_cols, .ncols = 2,
    .load = fake_load, .row = fake_row, .match = fake_match, .id = fake_id,
    .keys = fake_keys, .nkeys = sizeof fake_keys / sizeof *fake_keys,
    .act = fake_act, .year = fake_year, .history = fake_history,
};

static const enum action fake_actions[] = {ACT_DELETE, ACT_NEW, ACT_BACK};
static const struct screen_ops fake_ops = {
    .title = "Fakes",
    LISTBASE_SCREEN(struct fake_state, fake_def, fake_actions),
};

static struct screen *fake_screen(struct ui *ui, bool search)
{
    static const char *const names[] = {"Nguyễn Thị Đào", "Trần Văn Bình", "Lê Thị Hoa",
                                        "Phạm Văn Bảo", "Đỗ Thị Bích"};
    struct screen *s = calloc(1, sizeof *s);
    ck_assert_ptr_nonnull(s);
    memset(ui, 0, sizeof *ui);
    s->ops = &fake_ops;
    s->ui = ui;
    s->state = calloc(1, fake_ops.state_size);
    struct fake_state *st = s->state;
    for (size_t i = 0; i < 5; i++) {
        st->names[i] = names[i];
        st->ids[i] = 10 + (long long)i;
    }
    st->n = 5;
    fake_def.search = search;
    s->ops->enter(s);
    return s;
}

static void fake_free(struct screen *s)
{
    s->ops->leave(s);
    free(s->state);
    free(s);
}

START_TEST(listbase_search_filters_and_keeps_record)
{
    struct ui ui;
    struct screen *s = fake_screen(&ui, true);
    struct fake_state *st = s->state;
    ck_assert(s->ops->text_mode(s));
    ck_assert_uint_eq(st->lb.ls.lv.count, 5);
    ck_assert_int_eq(s->ops->on_text(s, "3"), SR_UNHANDLED); /* a digit first: the menu's */
    ck_assert_int_eq(s->ops->on_text(s, "b"), SR_HANDLED);   /* Bình, Bảo, Bích */
    ck_assert_uint_eq(st->lb.ls.lv.count, 3);
    ck_assert_int_eq(s->ops->on_action(s, ACT_DOWN, 0), SR_HANDLED);
    ck_assert_uint_eq(listbase_selected(s), 3);              /* Phạm Văn Bảo */
    /* a row before it goes: the selection stays on the same record */
    st->lb.ls.lv.selected = 0;
    ck_assert_int_eq(s->ops->on_action(s, ACT_DELETE, 0), SR_HANDLED); /* Bình */
    ck_assert_uint_eq(st->n, 4);
    ck_assert_uint_eq(st->lb.ls.lv.count, 2);
    st->lb.ls.lv.selected = 1;
    s->ops->resume(s);
    ck_assert_int_eq(fake_id(s, listbase_selected(s)), 14);  /* Đỗ Thị Bích */
    st->names[0] = "Đinh Văn Bắc"; /* renamed elsewhere: shows after a reload */
    size_t loads = st->loads;
    s->ops->resume(s);
    ck_assert_uint_eq(st->loads, loads + 1);
    ck_assert_uint_eq(st->lb.ls.lv.count, 3);
    ck_assert_int_eq(fake_id(s, listbase_selected(s)), 14);
    /* Esc is the frame's (it closes a pushed screen, goes home from a tab) */
    ck_assert_int_eq(s->ops->on_action(s, ACT_BACK, 0), SR_UNHANDLED);
    fake_free(s);
}
END_TEST

START_TEST(listbase_draws_heading_header_and_empty)
{
    curses_up();
    struct ui ui;
    struct screen *s = fake_screen(&ui, false);
    struct fake_state *st = s->state;
    ck_assert(!s->ops->text_mode(s));
    s->ops->draw(s, stdscr, 20, 80);
    char line[512];
    read_line(stdscr, 0, line, sizeof line);
    ck_assert_msg(strstr(line, "Fakes"), "%s", line);
    read_line(stdscr, 2, line, sizeof line);     /* an empty title stays empty */
    ck_assert_msg(strncmp(line, "      Name", 10) == 0, "%s", line);
    read_line(stdscr, 3, line, sizeof line);
    ck_assert_msg(strstr(line, "10   Nguyễn Thị Đào"), "%s", line);
    ck_assert_int_eq(s->ops->on_action(s, ACT_END, 0), SR_HANDLED);
    ck_assert_uint_eq(listbase_selected(s), 4);
    /* an error while loading: said on the status line, the list empty */
    st->fail = true;
    s->ops->resume(s);
    ck_assert_str_eq(ui.status, "disk I/O error");
    ck_assert_uint_eq(listbase_selected(s), LB_NONE);
    ck_assert_int_eq(s->ops->on_action(s, ACT_DELETE, 0), SR_HANDLED); /* nothing to delete */
    ck_assert_uint_eq(st->n, 5);
    werase(stdscr);
    s->ops->draw(s, stdscr, 20, 80);
    read_line(stdscr, 3, line, sizeof line);
    ck_assert_msg(strstr(line, "Nothing here."), "%s", line);
    ck_assert_int_eq(s->ops->on_action(s, ACT_BACK, 0), SR_UNHANDLED); /* the frame's */
    s->ops->on_action(s, ACT_LEFT, 0);
    s->ops->on_action(s, ACT_LEFT, 0);
    s->ops->on_action(s, ACT_RIGHT, 0);
    ck_assert_int_eq(st->step, -1);
    /* < > only when the bar has them (this one has not) */
    ck_assert_int_eq(s->ops->on_action(s, ACT_YEAR, 1), SR_UNHANDLED);
    ck_assert_int_eq(st->step, -1);
    fake_free(s);
    curses_down();
}
END_TEST

/* act() takes the keys of the bar the key table has not, and only those. */
START_TEST(listbase_act_takes_bar_keys)
{
    struct ui ui;
    struct screen *s = fake_screen(&ui, false);
    struct fake_state *st = s->state;
    size_t loads = st->loads;
    ck_assert_int_eq(s->ops->on_action(s, ACT_NEW, 0), SR_HANDLED);
    ck_assert_uint_eq(st->acts, 1);
    ck_assert_uint_eq(st->loads, loads + 1);                          /* LB_RELOAD */
    ck_assert_int_eq(s->ops->on_action(s, ACT_COPY, 0), SR_UNHANDLED); /* not in the bar */
    ck_assert_int_eq(s->ops->on_action(s, ACT_BACK, 0), SR_UNHANDLED); /* passed: the frame's */
    ck_assert_int_eq(s->ops->on_action(s, ACT_DELETE, 0), SR_HANDLED); /* the key table's */
    ck_assert_uint_eq(st->acts, 1);
    ck_assert_uint_eq(st->n, 4);
    /* Enter does what the def's open_as key does */
    ck_assert_int_eq(s->ops->on_action(s, ACT_OPEN, 0), SR_UNHANDLED); /* none: nothing */
    ck_assert_uint_eq(st->n, 4);
    fake_def.open_as = ACT_DELETE;
    ck_assert_int_eq(s->ops->on_action(s, ACT_OPEN, 0), SR_HANDLED);
    fake_def.open_as = ACT_NONE;
    ck_assert_uint_eq(st->n, 3);
    /* Ctrl-Y asks the def about the selected row, and not on an empty list */
    st->lb.ls.lv.selected = 2;
    ck_assert_int_eq(s->ops->on_action(s, ACT_HISTORY, 0), SR_HANDLED);
    ck_assert_uint_eq(st->hists, 1);
    ck_assert_uint_eq(st->hist_row, 2);
    st->fail = true;
    s->ops->resume(s);
    ck_assert_int_eq(s->ops->on_action(s, ACT_HISTORY, 0), SR_HANDLED);
    ck_assert_uint_eq(st->hists, 1);
    fake_free(s);
}
END_TEST

/* The filter line holds user data (a village's name): never cut short. */
START_TEST(listscreen_filter_grows)
{
    struct listscreen ls;
    listscreen_init(&ls);
    char name[400];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    strbuf_printf(&ls.filter, "Thôn: %s", name);
    ck_assert_uint_eq(strlen(strbuf_str(&ls.filter)), strlen("Thôn: ") + sizeof name - 1);
    const int w[] = {3, 5};
    const char *const titles[] = {"Mã số", "Họ và tên đầy đủ"};
    listscreen_set_header(&ls, w, titles, 2);
    ck_assert_str_eq(strbuf_str(&ls.header), "Mã… Họ và tên đầy đủ");
    listscreen_free(&ls);
}
END_TEST

static Suite *tui_suite(void)
{
    Suite *s = suite_create("tui");
    TCase *tc = tcase_create("field");
    tcase_add_test(tc, field_insert_vietnamese);
    tcase_add_test(tc, field_nfd_input_stored_nfc);
    tcase_add_test(tc, field_cursor_moves_by_character);
    tcase_add_test(tc, field_delete_and_backspace);
    tcase_add_test(tc, field_insert_in_middle);
    tcase_add_test(tc, field_max_chars_and_controls);
    tcase_add_test(tc, field_view_scrolls_by_columns);
    tcase_add_test(tc, field_handle_actions);
    suite_add_tcase(s, tc);
    tc = tcase_create("keys");
    tcase_add_test(tc, every_key_shown_is_bound);
    tcase_add_test(tc, form_keys_never_leave);
    tcase_add_test(tc, keys_map_to_actions);
    tcase_add_test(tc, bar_and_help_agree);
    tcase_add_test(tc, bar_fits_width);
    suite_add_tcase(s, tc);
    tc = tcase_create("widgets");
    tcase_add_test(tc, list_draws_visible_page_only);
    tcase_add_test(tc, form_shows_error_under_field);
    tcase_add_test(tc, formscreen_error_finds_the_field);
    tcase_add_test(tc, formscreen_error_map_finds_the_field);
    tcase_add_test(tc, formscreen_base_keys);
    tcase_add_test(tc, formscreen_base_flags);
    tcase_add_test(tc, form_date_and_text_helpers);
    suite_add_tcase(s, tc);
    tc = tcase_create("listbase");
    tcase_add_test(tc, listbase_search_filters_and_keeps_record);
    tcase_add_test(tc, listbase_draws_heading_header_and_empty);
    tcase_add_test(tc, listscreen_filter_grows);
    tcase_add_test(tc, listbase_act_takes_bar_keys);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TERM", "xterm", 1);
    i18n_set_lang("en");
    SRunner *sr = srunner_create(tui_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
