/* form — a form built from field descriptors: labels, one-line editors,
 * choice fields cycled with Left/Right, per-field validation messages shown
 * under the field, focus moved with Tab/Up/Down. Saving is the screen's:
 * it reads the values, asks the model to validate, and puts each message
 * back on its field with form_set_error(). */
#ifndef TREEM_TUI_FORM_H
#define TREEM_TUI_FORM_H
#include "treem/core/date.h"
#include "treem/tui/field.h"
#include "treem/tui/ui.h"

enum form_kind { FK_TEXT, FK_CHOICE, FK_SECRET /* text shown as one * a character */ };

struct form_def {
    const char *label;            /* English msgid */
    enum form_kind kind;
    size_t max_chars;             /* FK_TEXT: 0 = no limit */
    const char *const *choices;   /* FK_CHOICE: msgids, NULL-terminated */
    const char *hint;             /* shown greyed when empty, e.g. "dd/mm/yyyy" */
};

struct form {
    const struct form_def *defs;
    size_t n;
    struct field *fields;
    int *choice;                  /* FK_CHOICE: selected index */
    char **errors;                /* per field, malloc'd or NULL */
    size_t focus;
    size_t top;                   /* first field shown */
    int label_cols;
};

/* A number put in a field to be edited, in the interface language and
 * without grouping ("97,5", "1500"): it reads back the same. */
void edit_num(double v, char *buf, size_t n);

bool form_init(struct form *f, const struct form_def *defs, size_t n);
void form_free(struct form *f);
/* Value of field i (for a choice: its index as the untranslated msgid). */
const char *form_value(const struct form *f, size_t i);
int form_choice(const struct form *f, size_t i);
void form_set(struct form *f, size_t i, const char *value);
void form_set_choice(struct form *f, size_t i, int index);
/* A date into field i as dd/mm/yyyy; empty when d is unset (year 0). */
void form_set_date(struct form *f, size_t i, struct date d);
/* Replaces *dst (malloc'd or NULL) by a copy of v (NULL: ""), to read a
 * form into a record; false (and *dst kept) when memory runs out. */
bool form_str_set(char **dst, const char *v);
/* NULL clears. Also moves focus to the first field with an error. */
void form_set_error(struct form *f, size_t i, const char *msg);
void form_clear_errors(struct form *f);
bool form_has_errors(const struct form *f);
bool form_changed(const struct form *f);
void form_mark_saved(struct form *f);
/* Moves focus and edits; returns true when the action was used. Tab and
 * Shift-Tab go round; Up and Down stop at the ends. */
bool form_handle(struct form *f, enum action a);

/* The one key policy of every form. F2: FORM_SAVE. Esc: FORM_LEAVE (the
 * screen leaves through ui_may_leave()/form_leave_step(), which ask the one
 * question when input is unsaved). Tab, Shift-Tab and Enter move between
 * the fields and go round: never out of the form. Editing keys (Ctrl-U
 * clears a field) and every key the form has no use for: FORM_USED. Help,
 * quit, the menu and screen jumps: FORM_PASS (the frame's; it asks first
 * when input is unsaved). A screen checks its own keys before this. */
enum form_step { FORM_USED, FORM_SAVE, FORM_LEAVE, FORM_PASS };
enum form_step form_key(struct form *f, enum action a);
bool form_text(struct form *f, const char *utf8);
/* Draws the fields from row y; places the cursor in the focused field. */
void form_draw(WINDOW *w, struct form *f, int y, int x, int rows, int cols);

#endif
