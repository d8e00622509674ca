/* screens — every screen of the interface, one file each under src/tui/. */
#ifndef TREEM_TUI_SCREENS_H
#define TREEM_TUI_SCREENS_H
#include "treem/tui/ui.h"
#include "treem/app/commune.h"
#include "treem/core/date.h"

extern const struct screen_ops scr_home_ops;      /* Trang chủ */
extern const struct screen_ops scr_children_ops;  /* Trẻ em */
extern const struct screen_ops scr_cases_ops;     /* Vụ việc */
extern const struct screen_ops scr_plans_ops;     /* Kế hoạch */
extern const struct screen_ops scr_tasks_ops;     /* Nhiệm vụ */
extern const struct screen_ops scr_criteria_ops;  /* Tiêu chí */
extern const struct screen_ops scr_reports_ops;   /* Báo cáo */
extern const struct screen_ops scr_transfer_ops;  /* Nhập/Xuất */
extern const struct screen_ops scr_settings_ops;  /* Cài đặt */
extern const struct screen_ops scr_help_ops;      /* F1 */
extern const struct screen_ops scr_backups_ops;   /* Cài đặt, Ctrl-B */
extern const struct screen_ops scr_setup_ops;     /* first run */
extern const struct screen_ops scr_villages_ops;  /* Cài đặt, Ctrl-T: villages */
extern const struct screen_ops scr_holidays_ops;  /* Cài đặt, Ctrl-O: the holiday table */
extern const struct screen_ops scr_commune_ops;   /* Cài đặt, Ctrl-N: change the commune */

/* The record whose history scr_history_ops shows (Ctrl-Y): a case by its
 * id (case_id), else the entity and key as the audit log stores them. */
struct history_ref {
    long long case_id;
    const char *entity;
    char id[64];
    char title[160];
};
extern const struct screen_ops scr_history_ops;   /* arg: struct history_ref * */
/* Ctrl-Y on a record: fills ref (kept while the history shows) with the
 * entity, its key and a title; true (for listbase_def.history). */
bool history_ref_set(struct history_ref *ref, const char *entity, const char *id, const char *title);
extern const struct screen_ops scr_summary_ops;   /* Tổng hợp: the level above's first screen */
extern const struct screen_ops scr_signin_ops;    /* sign-in; arg non-NULL: the idle lock */

/* Screens opened from the menu screens (ui_push; arg as each says). */
extern const struct screen_ops scr_plan_ops;      /* a plan, its targets; arg: long long *id */
extern const struct screen_ops scr_task_ops;      /* a task, its notes; arg: long long *id */
extern const struct screen_ops scr_calendar_ops;  /* arg: struct scr_calendar_arg * */

/* The calendar of `year`: one plan's (plan_id) or every plan's (0). The
 * screen copies it on entry. */
struct scr_calendar_arg { int year; long long plan_id; };

/* Forms (formscreen.h) opened by the plan and task screens; the opener's
 * resume() reloads after a save. Each returns false, with a message on the
 * status line, when the form could not open. */
bool scr_plan_form_open(struct ui *ui, long long plan_id);      /* 0: a new plan */
bool scr_target_form_open(struct ui *ui, long long plan_id);    /* a new target */
bool scr_target_value_open(struct ui *ui, long long target_id); /* the typed value */
/* A new task (task_id 0; in department dept_id unless 0) or an edit. */
bool scr_task_form_open(struct ui *ui, long long task_id, long long dept_id);
/* The form of department dept_id (0: a new one): name, contact, phone,
 * criteria, active (src/tui/scr_dept_form.c). */
bool scr_dept_form_open(struct ui *ui, long long dept_id);
/* F8 on a department: asks, then deletes it; one in use is refused with
 * what uses it (app/task.h). True when deleted. */
bool scr_dept_delete(struct ui *ui, long long dept_id);
/* The form of event event_id, or (0) of a new event of plan plan_id
 * (src/tui/scr_event_form.c). */
bool scr_event_form_open(struct ui *ui, long long plan_id, long long event_id);
bool scr_task_note_open(struct ui *ui, long long task_id);
/* F7 on a task: opens the "done" form for an open task; for a done one asks
 * whether to open it again. Returns true when it changed the task at once
 * (the caller reloads), false when a form opened or nothing changed. */
bool scr_task_toggle_done(struct ui *ui, long long task_id);
/* F6 on a plan: asks, copies it to the next year, says what was copied.
 * True when copied (*new_id, when not NULL, is the copy). */
bool scr_plan_copy(struct ui *ui, long long plan_id, long long *new_id);
/* F8 on a task: asks, then deletes it with its notes; true when deleted. */
bool scr_task_delete(struct ui *ui, long long task_id);

/* The forms with the commune's profile (set-up, Cài đặt), after saving it
 * failed: the message under the field bad names (the officer's, the level
 * above's or the villages' field of f), else on the status line. */
struct form;
void profile_form_error(struct ui *ui, struct form *f, enum profile_field bad, size_t officer,
                        size_t level, size_t villages);
/* A plan's or a task's date as dd/mm/yyyy in buf, or "—" when not set. */
const char *plan_date_or_dash(struct date d, char buf[DATE_BUF]);
#endif
