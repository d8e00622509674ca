/* action — every key the interface understands, declared once: the key(s),
 * the short label of the bottom key bar and the help text. The key bar and
 * the help screen are both generated from this table, so they can never
 * disagree with the keys that really work. No curses calls here: key codes
 * are plain ints (curses KEY_* values are passed in by the caller). */
#ifndef TREEM_TUI_ACTION_H
#define TREEM_TUI_ACTION_H
#include <stdbool.h>
#include <stddef.h>

/* X(id, keys, bar label, help text) — labels are English msgids. The keys
 * are the one place a key is bound: action_for_key() reads them, the bar
 * shows the first, the help all of them. A key is F1–F12, a named key (Esc
 * Enter Tab Shift+Tab Backspace Up Down Left Right PgUp PgDn Home End Ins
 * Del), Ctrl-X, 1…9 (a screen number), Alt+1…9 (read in input.c), or one
 * character, which is text where the screen takes text. */
#define TREEM_ACTIONS(X) \
    X(ACT_HELP,      "F1 ?",   N_("Help"),    N_("show the keys of this screen")) \
    X(ACT_QUIT,      "F10 q Q", N_("Quit"),   N_("leave treem (asks first if input is unsaved)")) \
    X(ACT_BACK,      "Esc",    N_("Back"),    N_("close this screen or dialog, cancel")) \
    X(ACT_OPEN,      "Enter",  N_("Open"),    N_("open the selected item, choose; in a form: the next field")) \
    X(ACT_SAVE,      "F2",     N_("Save"),    N_("save the form")) \
    X(ACT_NEW,       "F3 Ins", N_("New"),     N_("add a new record")) \
    X(ACT_EDIT,      "F4",     N_("Edit"),    N_("edit the selected record")) \
    X(ACT_DELETE,    "F8 Del", N_("Delete"),  N_("delete the selected record (asks first)")) \
    X(ACT_SEARCH,    "/",      N_("Search"),  N_("type to filter the list")) \
    X(ACT_FILTER,    "F5",     N_("Filter"),  N_("change the list's filter")) \
    X(ACT_COPY,      "F6",     N_("Copy"),    N_("copy the selected plan to the next year")) \
    X(ACT_DONE,      "F7",     N_("Done"),    N_("mark the selected task done, or open it again")) \
    X(ACT_CALENDAR,  "F12",    N_("Calendar"), N_("show the year's calendar: events, report deadlines, tasks due")) \
    X(ACT_FACTS,     "Ctrl-G", N_("Groups"),  N_("special-circumstance groups, weight and height, health checks of this child")) \
    X(ACT_MENU,      "F9",     N_("Menu"),    N_("go to the next screen of the menu row (Tab too, outside a form)")) \
    X(ACT_MENU_PREV, "",       N_("Prev"),    N_("go to the previous screen of the menu row")) \
    X(ACT_JUMP,      "1…9 Alt+1…9", N_("Go to"), N_("go to a screen of the menu row by its number (Alt+ while typing)")) \
    X(ACT_UP,        "Up k",   N_("Up"),      N_("move up")) \
    X(ACT_DOWN,      "Down j", N_("Down"),    N_("move down")) \
    X(ACT_PGUP,      "PgUp",   N_("PgUp"),    N_("move one page up")) \
    X(ACT_PGDN,      "PgDn",   N_("PgDn"),    N_("move one page down")) \
    X(ACT_HOME,      "Home Ctrl-A", N_("First"), N_("go to the first item or the start of the field")) \
    X(ACT_END,       "End Ctrl-E", N_("Last"), N_("go to the last item or the end of the field")) \
    X(ACT_LEFT,      "Left",   N_("Left"),    N_("move the cursor one character left")) \
    X(ACT_RIGHT,     "Right",  N_("Right"),   N_("move the cursor one character right")) \
    X(ACT_BACKSPACE, "Backspace", N_("Erase"), N_("erase the character before the cursor")) \
    X(ACT_DELCHAR,   "Ctrl-D", N_("Erase"),   N_("erase the character under the cursor")) \
    X(ACT_CLEAR,     "Ctrl-U", N_("Clear"),   N_("clear the field")) \
    X(ACT_NEXT_FIELD,"Tab",    N_("Next"),    N_("go to the next field (round the form); on a list, the next screen")) \
    X(ACT_PREV_FIELD,"Shift+Tab", N_("Prev"), N_("go to the previous field; on a list, the previous screen")) \
    X(ACT_REDRAW,    "Ctrl-L", N_("Redraw"),  N_("redraw the screen")) \
    X(ACT_YEAR,      "< >",    N_("Year"),    N_("show the year before (< or Left) or after (> or Right)")) \
    X(ACT_CLASS,     "c C",    N_("Class"),   N_("change the recognition class (900, 850 or 800 points)")) \
    X(ACT_SCALES,    "Ctrl-R", N_("Scales"),  N_("edit the rubric: bands of each indicator, complete scales, maxima")) \
    X(ACT_BACKUPS,   "Ctrl-B", N_("Backups"), N_("the backups of the database: make one now, or put one back")) \
    X(ACT_VILLAGES,  "Ctrl-T", N_("Villages"), N_("the villages: add, rename, merge, delete")) \
    X(ACT_HOLIDAYS,  "Ctrl-O", N_("Holidays"), N_("the holiday table the deadlines count with: days off, make-up working days")) \
    X(ACT_COMMUNE,   "Ctrl-N", N_("Commune"), N_("change the commune this database belongs to")) \
    X(ACT_HISTORY,   "Ctrl-Y", N_("History"), N_("the history of this record: who changed what, when, the old and new values")) \
    X(ACT_CHART,     "b B",    N_("Charts"),  N_("show the report's figures as bar charts, or its lines again"))

enum action {
    ACT_NONE = 0,
#define X(id, key, label, help) id,
    TREEM_ACTIONS(X)
#undef X
    ACT__COUNT
};

/* Key codes for the table. The caller passes curses codes through
 * action_set_keycodes() once (action.c itself knows no curses). */
struct action_keycodes {
    int f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f12;
    int up, down, left, right, ppage, npage, home, end, ic, dc, backspace, btab, enter;
};
void action_set_keycodes(const struct action_keycodes *k);

/* The action bound to a key. is_keycode tells a function key (KEY_*) from a
 * character. In text mode printable characters (and '/', '?', 'q', digits)
 * are text, so they map to ACT_NONE; *digit receives 1–9 for ACT_JUMP and
 * -1 ('<') or +1 ('>') for ACT_YEAR. */
enum action action_for_key(int key, bool is_keycode, bool text_mode, int *digit);

/* One key that the label token (len bytes of a key label) names: *key and
 * whether it is a key code; false for a token that names no key read here
 * (Alt+1…9 is read in input.c) or that is not understood. For tests that
 * hold the labels and the bindings to each other. */
bool action_token_key(const char *token, size_t len, int *key, bool *is_keycode);

/* The key label ("F2"), bar label and help text (translated). */
const char *action_key(enum action a);
const char *action_label(enum action a);
const char *action_help(enum action a);

/* One entry of the key bar as laid out: the first key of the action, its
 * label and the column it starts at. */
struct bar_entry { enum action a; char key[32]; const char *label; int x; };

/* The key bar in width columns: each entry key + space + label, a space
 * between entries; the last entry (Quit) always shows, the others that do
 * not fit before it are left out. labels[i] is what acts[i] does on this
 * screen (NULL, or labels NULL: the table's). out has room for n entries;
 * returns the number laid out. The screen's bar (ui.c) is drawn from this. */
size_t action_bar_layout(const enum action *acts, const char *const *labels, size_t n, int width,
                         struct bar_entry *out);
/* The same bar as text, into out (size outsz). Returns the entries shown. */
size_t action_bar(const enum action *acts, size_t n, int width, char *out, size_t outsz);

/* Help lines, one per action: "%-8s %s" of key label and help text.
 * Writes line i into out; returns false when i is past the end. */
bool action_help_line(const enum action *acts, size_t n, size_t i, char *out, size_t outsz);

#endif
