/* formscreen — a pushed screen that holds one form: a heading, a line of
 * help, the fields; F2 saves through the
 * opener's callback and closes the screen when it succeeds; Esc leaves (the
 * frame asks first when input is unsaved). Also: putting a message from the
 * layers below ("due date: …") under the field it names. */
#ifndef TREEM_TUI_FORMSCREEN_H
#define TREEM_TUI_FORMSCREEN_H
#include "treem/tui/form.h"

/* Reads the form, checks it (form_set_error on the fields), saves. Returns
 * true when saved: the form screen then closes and its opener resumes. */
typedef bool (*formscreen_save_fn)(struct ui *ui, struct form *f, void *ctx);

struct formscreen_spec {
    const struct form_def *defs;  /* must live as long as the screen (static, or in ctx) */
    size_t n;
    const char *heading;          /* translated; copied */
    const char *help;             /* translated line under the heading; NULL: a default */
    formscreen_save_fn save;
    void *ctx;                    /* given to save; the screen owns it from now on */
    void (*free_ctx)(void *ctx);  /* frees ctx when the screen closes; NULL: free() */
    const char *name;             /* stable English name reported to tests (static); NULL: "Form" */
};

/* Pushes a form screen and returns its form, empty, for the opener to fill
 * (form_set, form_set_choice: values set so are not unsaved input). NULL
 * when the screen stack is full or memory runs out: ctx has been freed. */
struct form *formscreen_open(struct ui *ui, const struct formscreen_spec *spec);

/* Puts msg under the field it is about: the field i whose names[i] (an
 * English msgid, NULL for none; n of them) translated, followed by ':',
 * starts msg. A message naming no field goes under field `fallback`, or to
 * the status line when fallback >= n. */
void formscreen_error(struct ui *ui, struct form *f, const char *msg, const char *const *names,
                      size_t n, size_t fallback);

/* Text typed or pasted into a form: into the focused field; on a choice
 * field, a space moves to the next value and anything else opens the
 * picker (picker.h) narrowed by what was typed. */
void form_type(struct ui *ui, struct form *f, const char *utf8);

/* The commune's active departments as the values of a choice field: "—"
 * (none), then each name; NULL-terminated. The caller frees the array with
 * free() and *depts with department_list_free(). NULL (and no list) when
 * they cannot be read. */
struct department;
const char **department_choices(struct db *db, struct department **depts, size_t *n);

/* For a form inside a screen of its own making, on Esc: FORM_LEAVE when
 * nothing is unsaved or the person chose to leave without saving, FORM_SAVE
 * when they chose Save (F2), FORM_USED when they keep editing. */
enum form_step form_leave_step(struct ui *ui, struct form *f, bool can_save);

#endif
