/* listbase — the base of the list screens (like htop's InfoScreen or tig's
 * views): a screen declares what it lists — a heading, a hint, the columns
 * (title and width), how to load the rows and lay one out, what to say when
 * there is none — and the keys it handles, each with its handler (or one
 * act() for the keys of its bar). The base draws (heading, hint, header,
 * paged list, the empty message; or the screen's own head and foot around
 * the list), routes the keys (moving, paging, the search line; Esc is the
 * frame's unless the key table takes it), reloads after a change and
 * keeps the selection on the same record when the screen names its rows.
 *
 * A screen's state starts with struct listbase; its screen_ops come from
 * LISTBASE_SCREEN (the def entered as it is) or LISTBASE_OPS (an enter()
 * of its own that ends with listbase_enter(s, &def)). The bar (ops.actions)
 * shows the keys of the key table and act(); tests/keys.sh fails when a
 * key is in one and not the other.
 *
 * Two shapes: without search, a heading (row 0), a hint (row 1), the column
 * titles and the list; with search (the shape of listscreen.h), the search
 * line, the hint as its filter line, the titles and the list. The search
 * filters in memory through match(), or, without match(), load() reads
 * listbase_search() and the database does the filtering. */
#ifndef TREEM_TUI_LISTBASE_H
#define TREEM_TUI_LISTBASE_H
#include "treem/tui/listscreen.h"
#include "treem/tui/screens.h"
#include <stdarg.h>

/* No row is selected (the list is empty). */
#define LB_NONE ((size_t)-1)
#define LB_MAX_COLS 8

/* What the base does after a key's handler. */
enum lb_after { LB_STAY, LB_RELOAD, LB_POP, LB_PASS /* not handled: the frame's */ };

struct lb_key {
    enum action a;
    /* sel: the selected row (an index of load()'s rows) or LB_NONE; digit
     * as screen_ops.on_action has it. */
    enum lb_after (*fn)(struct screen *s, size_t sel, int digit);
    bool empty_ok;  /* runs on an empty list too (F3 New); else ignored there */
};

/* English msgid and width; the last column takes the rest of the line. A
 * width of 0 (LB_FLEX) makes a column flexible: the flexible columns share
 * what the others leave at the screen's width (at least LB_FLEX_MIN each),
 * so long names and titles widen with the terminal while codes, dates and
 * counts keep their widths and are never cut. */
struct lb_col { const char *title; int width; };
#define LB_FLEX 0
#define LB_FLEX_MIN 8

/* One row's cells as the row function fills them (lb_cell / lb_cellf). */
struct lb_row {
    struct strbuf cell[LB_MAX_COLS];
    bool line;                           /* lb_line(): one line across the columns */
};

/* Texts a screen makes at draw time, when the def's msgid is NULL. */
enum lb_text { LB_HEADING, LB_HINT, LB_EMPTY };

struct listbase_def {
    const char *heading, *hint, *empty;  /* English msgids, or NULL: text() */
    void (*text)(struct screen *s, enum lb_text which, struct strbuf *out); /* may be NULL */
    const struct lb_col *cols;
    size_t ncols;                        /* 0: no header; the row is cell 0 */
    /* Columns that change with the screen's view or width (instead of
     * cols); asked at every load and draw. */
    const struct lb_col *(*columns)(struct screen *s, size_t *ncols);
    /* Before each draw: the rows the list gets and the width (for columns
     * that follow the screen's width, or the rows shown); may be NULL. */
    void (*layout)(struct screen *s, int rows, int cols);
    /* After the selection moved (a list read in pages counts on); may be NULL. */
    void (*moved)(struct screen *s);
    bool search;                         /* the search-line shape */
    /* Loads the rows into the screen's state and says how many (the base
     * keeps it in listbase.n); false with the status set on an error (the
     * rows are unloaded, the list is empty). */
    bool (*load)(struct screen *s, size_t *count);
    void (*unload)(struct screen *s);   /* frees the listbase.n rows; may be NULL */
    void (*leave)(struct screen *s);    /* frees the rest of the state; may be NULL */
    void (*row)(struct screen *s, size_t i, struct lb_row *r);
    /* With search: does row i match the folded search text. NULL: the
     * database filters (load() reads listbase_search()). */
    bool (*match)(struct screen *s, size_t i, const char *folded);
    /* Instead of the heading and hint: draws the rows above the column
     * titles and returns how many it used; may be NULL. */
    int (*head)(struct screen *s, WINDOW *w, int cols);
    /* A pane of foot_rows rows under the list (the selected row's detail),
     * drawn by foot() from row y; may be NULL. */
    int foot_rows;
    void (*foot)(struct screen *s, WINDOW *w, int y, int cols);
    /* The rows of the foot pane at the screen's height rows (instead of
     * foot_rows, for a list as long as its rows up to a limit); may be NULL. */
    int (*foot_height)(struct screen *s, int rows);
    /* The colour of row i when it is not selected (a row that stands out:
     * late, missing); UC_NORMAL for none. May be NULL. */
    enum ui_color (*color)(struct screen *s, size_t i);
    /* Back on top after a screen it pushed closed, before the reload (to
     * give back what it lent that screen); may be NULL. */
    void (*resumed)(struct screen *s);
    long long (*id)(struct screen *s, size_t i); /* may be NULL: keeps the place */
    const struct lb_key *keys;
    size_t nkeys;
    /* A list of one year's rows: Left and Right, and < > (ACT_YEAR) when
     * the bar has it, run year() with step -1 or +1, on an empty list too
     * (before the key table); may be NULL. */
    enum lb_after (*year)(struct screen *s, int step);
    /* Enter (ACT_OPEN) does what this key does (ACT_EDIT: Enter edits the
     * row, as F4); ACT_NONE: Enter is a key as any other. */
    enum action open_as;
    /* Ctrl-Y (ACT_HISTORY) on a row: fills ref (history_ref_set) with the
     * record of row sel whose change history opens; false when the row has
     * none. Not asked on an empty list. May be NULL. */
    bool (*history)(struct screen *s, size_t sel, struct history_ref *ref);
    /* A pane shown in place of the list (charts): the keys that move
     * (Up, Down, Page Up, Page Down, Home) go to it first; true when it
     * took the key. May be NULL. */
    bool (*pane_key)(struct screen *s, enum action a);
    /* Instead of a key table, or after it: one handler for the keys of the
     * screen's bar (ops.actions); sel as for lb_key (LB_NONE on an empty
     * list); LB_PASS for a key it leaves to the base. May be NULL. */
    enum lb_after (*act)(struct screen *s, enum action a, size_t sel);
};

struct listbase {
    const struct listbase_def *def;
    struct listscreen ls;                /* search, list view, filter, header */
    size_t n;                            /* rows loaded (0 after unload()) */
    size_t *shown;                       /* with match(): the rows shown */
    struct lb_row row;                   /* scratch of the row function */
    int width;                           /* the list's width at the last draw */
    struct history_ref hist;             /* the record whose history shows (Ctrl-Y) */
};

/* A screen's enter(): stores def, loads. */
void listbase_enter(struct screen *s, const struct listbase_def *def);
/* The same, the search line (def.search) holding text to start with. */
void listbase_enter_search(struct screen *s, const struct listbase_def *def, const char *text);
/* Reloads; the selection stays on the same record (def.id) or place. */
void listbase_reload(struct screen *s);
/* Selects the row whose def.id is id (after a reload); false when absent. */
bool listbase_select_id(struct screen *s, long long id);
/* The selected row (an index of load()'s rows), or LB_NONE. */
size_t listbase_selected(struct screen *s);
/* id (a record of the kind a key works on, on the selected row) when not
 * 0; else 0, with why on the status line. */
long long listbase_chosen(struct screen *s, long long id, const char *why);
/* The search text ("" without the search line). */
const char *listbase_search(struct screen *s);

/* After a change the screen asked for: the status line says fmt (rc
 * ST_OK) or the error of rc; returns LB_RELOAD for the handler to return. */
enum lb_after listbase_changed(struct screen *s, enum status rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Cells of a row; lb_line: the row is one line, not in columns. */
void lb_cell(struct lb_row *r, size_t col, const char *text);
void lb_line(struct lb_row *r, const char *text);
void lb_cellf(struct lb_row *r, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The screen_ops functions of every list screen. */
void listbase_leave(struct screen *s);
void listbase_resume(struct screen *s);
void listbase_draw(struct screen *s, WINDOW *w, int rows, int cols);
enum screen_result listbase_action(struct screen *s, enum action a, int digit);
enum screen_result listbase_text(struct screen *s, const char *utf8);
bool listbase_text_mode(struct screen *s);

/* The screen_ops of a list screen (with .title) whose state, state_type,
 * starts with struct listbase: its keys acts, and its enter (which calls
 * listbase_enter) ... */
#define LISTBASE_OPS(state_type, enter_fn, acts)                                             \
    .state_size = sizeof(state_type), SCREEN_ACTIONS(acts), .enter = (enter_fn),              \
    .leave = listbase_leave, .draw = listbase_draw, .on_action = listbase_action,             \
    .on_text = listbase_text, .text_mode = listbase_text_mode, .resume = listbase_resume

/* ... or, for a screen with nothing to do on entering, the def (a static
 * struct listbase_def) that listbase_open() enters with. */
#define LISTBASE_SCREEN(state_type, def, acts)                                               \
    .base = &(def), LISTBASE_OPS(state_type, listbase_open, acts)
/* The enter of LISTBASE_SCREEN: listbase_enter with the ops' def. */
void listbase_open(struct screen *s);

#endif
