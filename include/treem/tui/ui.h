/* ui — the interface's shared state and drawing helpers: the screen stack,
 * colours or monochrome, ASCII or line borders, the status line, and text
 * output clipped by display columns. Screens are structs of functions
 * (struct screen_ops); one manager owns the main loop, focus and resize. */
#ifndef TREEM_TUI_UI_H
#define TREEM_TUI_UI_H
#include <curses.h>
#include <stdbool.h>
#include <time.h>
#include "treem/db/db.h"
#include "treem/tui/action.h"

enum ui_color {
    UC_NORMAL, UC_TITLE, UC_TAB, UC_TAB_ACTIVE, UC_BAR_KEY, UC_BAR_LABEL,
    UC_STATUS, UC_ERROR, UC_SELECTED, UC_FIELD, UC_FIELD_FOCUS, UC_DIM, UC_OK, UC_WARN,
    UC__COUNT
};

enum screen_result { SR_UNHANDLED, SR_HANDLED, SR_POP, SR_QUIT };

struct screen;
struct ui;

/* A screen's own words for a key it binds: the bar label and help text
 * (English msgids; NULL keeps the action table's). */
struct key_words { enum action a; const char *label, *help; };

struct screen_ops {
    const char *title;            /* English msgid */
    const char *id;               /* stable name reported to tests; NULL: the title */
    const enum action *actions;   /* this screen's keys, shown in the bar */
    size_t nactions;
    size_t state_size;            /* bytes of state allocated for it (zeroed) */
    void (*enter)(struct screen *s);                 /* after push */
    void (*leave)(struct screen *s);                 /* before pop: free state */
    void (*draw)(struct screen *s, WINDOW *w, int rows, int cols);
    enum screen_result (*on_action)(struct screen *s, enum action a, int digit);
    enum screen_result (*on_text)(struct screen *s, const char *utf8); /* may be NULL */
    bool (*text_mode)(struct screen *s);             /* may be NULL: false */
    bool (*unsaved)(struct screen *s);               /* may be NULL: false */
    void (*resume)(struct screen *s);                /* back on top after a pop; may be NULL */
    const struct key_words *words;                   /* may be NULL */
    size_t nwords;
    /* A screen built on a base: the base's declaration of it (a struct
     * listbase_def), for the base's own enter; may be NULL. */
    const void *base;
};

/* The two halves of screen_ops' arrays from one static array: its
 * keys (.actions, .nactions) and its own words (.words, .nwords). */
#define SCREEN_ACTIONS(acts) .actions = (acts), .nactions = sizeof(acts) / sizeof *(acts)
#define SCREEN_WORDS(kw) .words = (kw), .nwords = sizeof(kw) / sizeof *(kw)
/* text_mode of a screen that always takes what is typed (a search line). */
bool screen_takes_text(struct screen *s);

struct screen {
    const struct screen_ops *ops;
    struct ui *ui;
    int tab;                      /* menu index, or -1 */
    void *state;
    void *arg;                    /* what the opener passed */
    const char *name;             /* stable name reported to tests; NULL: the ops' */
};

#define UI_MAX_DEPTH 16

struct ui {
    struct db *db;
    bool color, ascii;
    bool running;
    int rows, cols;
    struct screen *stack[UI_MAX_DEPTH];
    int depth;
    char status[1024];
    bool status_error;
    bool status_own;              /* the status is the idle indexing's own */
    char title[160];              /* commune name for the title row */
    const struct screen_ops *home;/* tab 1's screen instead of Trang chủ (NULL: it);
                                   * the level above: Tổng hợp */
    int lock_s;                   /* idle seconds before the lock (0: never; app/auth.h) */
    time_t last_key;              /* when the last key came */
    bool main_read;               /* ui_run is reading a key (not a dialog) */
    char *paste;                  /* a bracketed paste being delivered */
};

/* The menu row: tab index → screen. */
int ui_tab_count(void);
const char *ui_tab_label(int tab);

/* Screen stack. ui_push returns the new screen (NULL when full). */
struct screen *ui_push(struct ui *ui, const struct screen_ops *ops, void *arg);
void ui_pop(struct ui *ui);
/* Empties the stack and opens menu tab `tab`. */
void ui_goto_tab(struct ui *ui, int tab);
struct screen *ui_top(struct ui *ui);

/* Status line (cleared on the next key press). */
void ui_status(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reloads the title (commune name) from the database. */
void ui_refresh_title(struct ui *ui);

/* Sets up colours (when wanted and available) and the border style. */
void draw_init(bool color, bool ascii);
bool draw_ascii(void);

/* Drawing helpers: text clipped to `cols` display columns. */
void ui_attr(WINDOW *w, enum ui_color c, bool on);
void ui_print(WINDOW *w, int y, int x, int cols, const char *text);
/* Prints and pads with spaces to exactly cols columns. */
void ui_print_pad(WINDOW *w, int y, int x, int cols, const char *text);
/* The two above in colour c (and back to normal after). */
void ui_print_in(WINDOW *w, enum ui_color c, int y, int x, int cols, const char *text);
void ui_print_pad_in(WINDOW *w, enum ui_color c, int y, int x, int cols, const char *text);
/* Prints the len bytes of text at y, x (a line of ui_wrap). Like the two
 * above, strips control characters first (core/safe_text.h). */
void ui_print_n(WINDOW *w, int y, int x, const char *text, size_t len);
void ui_hline(WINDOW *w, int y, int x, int cols);
void ui_box(WINDOW *w);
/* Splits text into lines of at most width columns, at spaces when it can;
 * writes each line's byte start and length; returns the number of lines. */
int ui_wrap(const char *text, int width, int starts[], int lens[], int max);
/* Prints text wrapped to cols columns from row y, at most max (and
 * UI_WRAP_MAX) rows; returns the rows used. */
#define UI_WRAP_MAX 16
int ui_print_wrapped(WINDOW *w, int y, int x, int cols, const char *text, int max);
/* The text cursor: a widget with an editor in focus places it while
 * drawing; the frame shows it there after drawing, or hides it. */
void ui_place_cursor(WINDOW *w, int y, int x);
/* An editor in focus (field.h) at y, x, width columns wide: the part of its
 * text around the cursor, and the cursor placed in it. */
struct field;
void field_draw(WINDOW *w, int y, int x, int width, struct field *f);
void ui_cursor_reset(void);
void ui_cursor_apply(void);

/* Draws everything (frame + top screen) and refreshes. */
void ui_redraw(struct ui *ui);
/* Reads one key: returns the action and puts typed text in text (size 8)
 * when it is a character in text mode. Handles KEY_RESIZE by redrawing. */
enum action ui_read_key(struct ui *ui, bool text_mode, char text[8], int *digit);

/* One key from window w (input.c): a character, a key code, a lone Esc,
 * Alt+digit (*wc the digit), a bracketed paste (its text, control
 * characters dropped and line breaks made spaces, in ui->paste), or none
 * (a timeout, or a key sequence the terminal description lacks). */
/* UK_NONE: no key came (a timeout); UK_SWALLOWED: a key sequence the
 * terminal description does not know was read and dropped. */
enum ui_key { UK_NONE, UK_CHAR, UK_CODE, UK_ESC, UK_ALT_DIGIT, UK_PASTE, UK_SWALLOWED };
enum ui_key ui_get_key(struct ui *ui, WINDOW *w, wint_t *wc);

/* What key a does on screen s: the screen's own words, else the table's. */
const char *ui_key_label(const struct screen *s, enum action a);
const char *ui_key_help(const struct screen *s, enum action a);

/* The actions shown for screen s (globals included), for the bar and help. */
size_t ui_screen_actions(const struct screen *s, enum action *out, size_t max);

/* Modal dialogs (run their own loop). Default answer is No; an answer is
 * only ever a deliberate choice (Left/Right then Enter, or Esc for No):
 * letters typed as text or pasted never answer. */
bool ui_confirm(struct ui *ui, const char *question);

/* The one question when input is not saved and a form would be left:
 * Keep editing (the default, also Esc), Save (also F2; offered when
 * can_save) or Leave without saving. */
enum leave_answer { LEAVE_STAY, LEAVE_SAVE, LEAVE_DISCARD };
enum leave_answer ui_ask_unsaved(struct ui *ui, bool can_save);
/* Asks before screen s (the top one) is left with unsaved input; Save is
 * sent to it as F2. True when it may be left; *popped when saving closed it. */
bool ui_may_leave(struct ui *ui, struct screen *s, bool *popped);
void ui_message(struct ui *ui, const char *title, const char *text);

/* Under TREEM_TEST_TITLE=1, tells an end-to-end test that a frame is
 * complete: when no key is waiting and something was drawn or read since
 * the last report, sets the terminal title to "treem SEQ NAME" (SEQ counts
 * the reports, NAME is `dialog`, or the top screen's stable name). Called
 * before every blocking read of a key. */
void ui_frame_ready(struct ui *ui, const char *dialog);
/* The stable name of screen s (English, never translated). */
const char *ui_screen_name(const struct screen *s);

/* The interface loop. */
int ui_run(struct ui *ui);

#endif
