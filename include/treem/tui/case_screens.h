/* case_screens — the sub-screens of Vụ việc (src/tui/scr_case_*.c): the
 * filter of the cases list, the case file with its timeline, the intake
 * form, the step form, the end of a separation and the child picker used
 * by the intake form and the case file. */
#ifndef TREEM_TUI_CASE_SCREENS_H
#define TREEM_TUI_CASE_SCREENS_H
#include "treem/tui/ui.h"
#include "treem/model/child.h"

/* What the cases list shows; the filter screen edits it in place. */
struct case_view {
    bool due;          /* the due list (every open step, overdue first) */
    int stage, kind;   /* -1 = any */
    bool overdue;      /* cases with an overdue step only */
};

/* The child picked (arg of scr_child_pick_ops): id 0 = none picked. */
struct child_pick {
    long long id;
    char label[CHILD_NAME_BUF + CHILD_CODE_BUF + 4];
    char query[CHILD_NAME_BUF];   /* search text to start with */
};

/* The step of the step form: step_id 0 records a new step (arg of
 * scr_case_step_ops). The form offers only the kinds that may come there
 * (NĐ 56 order, app/case_edit.h). */
struct case_step_ref {
    long long case_id, step_id;
};

/* The running separation to end (arg of scr_case_end_ops). */
struct case_end {
    long long case_id, step_id;
    struct datetime start;
};

extern const struct screen_ops scr_case_filter_ops;  /* arg: struct case_view * */
extern const struct screen_ops scr_case_file_ops;    /* arg: long long * case id */
extern const struct screen_ops scr_case_intake_ops;  /* arg: long long * (set to the new id) */
extern const struct screen_ops scr_case_intake_edit_ops; /* arg: long long * case id */
extern const struct screen_ops scr_case_step_ops;    /* arg: struct case_step_ref * */
extern const struct screen_ops scr_child_pick_ops;   /* arg: struct child_pick * */
extern const struct screen_ops scr_case_end_ops;     /* arg: struct case_end * */

/* Shared by the case forms (src/tui/scr_case_form.c): fills a date and an
 * hour field with now or a given time; reads a date and hour (false with the message at the
 * bad field); the keys of a form. */
struct form;
void case_form_set_now(struct form *f, size_t date_field, size_t hour_field);
void case_form_set_when(struct form *f, size_t date_field, size_t hour_field, struct datetime t);
bool case_form_read_when(struct form *f, size_t df, size_t hf, const char *field,
                         struct datetime *out);
extern const enum action case_form_actions[3];

#endif
