/* formscreen — the base of every form screen: a heading, a line of help
 * (or lines of the screen's own above the fields), the fields; F2 saves
 * through a callback and closes the screen when it succeeds; Esc leaves
 * (the frame asks first when input is unsaved). Two ways to use it:
 * formscreen_open() pushes a ready-made screen for a form declared by a
 * spec; a screen with ops of its own (its title, keys, state) embeds a
 * struct formscreen first in its state, calls formscreen_begin() from its
 * enter and formscreen_end() from its leave, and takes FORMSCREEN_OPS for
 * the rest. Also: putting a message from the layers below ("due date: …")
 * under the field it names. */
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
    const char *help;             /* translated line under the heading; NULL: a default; "": none
                                   * (the fields then start on the line after the heading) */
    formscreen_save_fn save;
    void *ctx;                    /* given to save; the screen owns it from now on */
    void (*free_ctx)(void *ctx);  /* frees ctx when the screen closes; NULL: free() */
    const char *name;             /* stable English name reported to tests (static); NULL: "Form" */
};

/* formscreen_open for a form about one record: ctx (spec's is ignored) is
 * a malloc'd long long holding id, given to save. NULL with "out of
 * memory" on the status line when it cannot open. */
struct form *formscreen_open_id(struct ui *ui, const struct formscreen_spec *spec, long long id);

/* What a screen built on the base adds to its form, declared beside its
 * spec; each hook optional (NULL: none); ctx as for save. */
struct formscreen_hooks {
    /* A key of the screen's own (a secondary action: a picker, another
     * screen), asked before the form's keys: true when it used the key. */
    bool (*key)(struct ui *ui, struct form *f, enum action a, void *ctx);
    /* The screen is on top again (a picker or a screen it pushed closed). */
    void (*resume)(struct ui *ui, struct form *f, void *ctx);
    /* Draws the lines above the fields in place of the heading and the help
     * line (context: what the form is about); returns the fields' first row
     * (negative: no fields are shown, e.g. what the form is about is gone). */
    int (*top)(struct ui *ui, WINDOW *w, int cols, void *ctx);
    /* A pane under the fields: they take field_rows rows, and below()
     * draws from the row after them (rows: what is left). */
    int field_rows;
    void (*below)(struct ui *ui, WINDOW *w, int y, int rows, int cols, void *ctx);
    /* Nothing typed is lost by leaving (a filter, applied only by F2): Esc
     * leaves without the question. */
    bool nothing_to_lose;
    /* A long form: its fields start right under the help line (no blank line). */
    bool dense;
    /* The form of a tab (Cài đặt): saving keeps the screen open. */
    bool stays;
};

/* Pushes a form screen and returns its form, empty, for the opener to fill
 * (form_set, form_set_choice: values set so are not unsaved input). NULL
 * when the screen stack is full or memory runs out: ctx has been freed. */
struct form *formscreen_open(struct ui *ui, const struct formscreen_spec *spec);

/* The base's state: first in the state of a screen built on it. */
struct formscreen {
    struct formscreen_spec spec;
    struct formscreen_hooks hooks;
    bool owns_ctx;                /* formscreen_open: ctx is freed at the end */
    char *heading, *help;         /* malloc'd, translated */
    struct form form;
    bool ready;                   /* the form could be made */
    bool placed;                  /* cursors placed for the focus below */
    size_t last_focus;
};

/* For a screen built on the base (its state starts with struct formscreen):
 * makes the form of spec with hooks (NULL: none); spec's ctx is ignored:
 * save and the hooks get the screen (struct screen *). False when memory
 * runs out (the form is then empty). */
bool formscreen_begin(struct screen *s, const struct formscreen_spec *spec,
                      const struct formscreen_hooks *hooks);
void formscreen_end(struct screen *s);
/* Replaces the heading or the help line (translated; "" for no help line). */
void formscreen_set_heading(struct screen *s, const char *heading);
void formscreen_set_help(struct screen *s, const char *help);
/* The same, the line formatted (printf) from a translated fmt. */
void formscreen_set_headingf(struct screen *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void formscreen_set_helpf(struct screen *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* What F2 does: clears the errors, saves through the spec (the first error
 * repeated on the status line when it fails); SR_POP when saved (unless
 * the screen stays). */
enum screen_result formscreen_save(struct screen *s);

void formscreen_draw(struct screen *s, WINDOW *w, int rows, int cols);
/* The fields alone, from row y (rows of them), for a screen that draws the
 * rest itself. */
void formscreen_draw_fields(struct screen *s, WINDOW *w, int y, int rows, int cols);
enum screen_result formscreen_action(struct screen *s, enum action a, int digit);
enum screen_result formscreen_text(struct screen *s, const char *utf8);
bool formscreen_text_mode(struct screen *s);
bool formscreen_unsaved(struct screen *s);
void formscreen_resume(struct screen *s);
/* The base's keys and text (a screen that draws itself: its own .draw,
 * formscreen_draw_fields for the fields); FORMSCREEN_OPS adds the drawing. */
#define FORMSCREEN_INPUT                                                                           \
    .on_action = formscreen_action, .on_text = formscreen_text,                                    \
    .text_mode = formscreen_text_mode, .unsaved = formscreen_unsaved, .resume = formscreen_resume
#define FORMSCREEN_OPS .draw = formscreen_draw, FORMSCREEN_INPUT
/* The screen_ops of a screen on the base (with .title): its state,
 * state_type, starts with struct formscreen; enter_fn calls
 * formscreen_begin, leave_fn formscreen_end; acts are its keys. */
#define FORMSCREEN_SCREEN(state_type, enter_fn, leave_fn, acts)                                  \
    .state_size = sizeof(state_type), SCREEN_ACTIONS(acts), .enter = (enter_fn),                \
    .leave = (leave_fn), FORMSCREEN_OPS

/* Puts msg under the field it is about: the field i whose names[i] (an
 * English msgid, NULL for none; n of them) translated, followed by ':',
 * starts msg. A message naming no field goes under field `fallback`, or to
 * the status line when fallback >= n. */
void formscreen_error(struct ui *ui, struct form *f, const char *msg, const char *const *names,
                      size_t n, size_t fallback);
/* The same with a map, for a form where several names (or none) lead to a
 * field: the name a message starts with (an English msgid) → its field. */
struct form_label { const char *name; size_t field; };
void formscreen_error_map(struct ui *ui, struct form *f, const char *msg,
                          const struct form_label *map, size_t n, size_t fallback);
/* The field msg is about by map, else fallback. */
size_t form_label_field(const char *msg, const struct form_label *map, size_t n, size_t fallback);

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
