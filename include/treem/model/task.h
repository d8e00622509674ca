/* task — a department's task under a plan (nhiệm vụ), its progress notes,
 * its validation, the status derived from its dates (chưa bắt đầu / đang
 * làm / xong / quá hạn) and the lists of criteria of QĐ 06 ("3,4,5.1")
 * that tasks and departments answer for. Pure: no storage, no clock. */
#ifndef TREEM_MODEL_TASK_H
#define TREEM_MODEL_TASK_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/model/enums.h"

struct task {
    long long id;
    long long plan_id;        /* required */
    long long department_id;  /* required: every task has a department */
    char *text;
    char *criteria;           /* normalised list "3,4,5.1", "" for none */
    struct date start_on;     /* may be unset: started as soon as written */
    struct date due_on;       /* required */
    bool done;
    struct date done_on;      /* set exactly when done */
    char *evidence;           /* minh chứng reference, may be "" */
    /* Filled by the repository when reading, ignored when writing: */
    char *department_name;
    char *plan_label;         /* "90/KH-UBND (2025)" or the plan's title */
};

struct task_note {
    long long id, task_id;
    struct date noted_on;
    char *text;
    char *who;
};

/* X(id, code, label msgid, aliases) as in enums.h: the status of a task. */
#define TASK_STATUS_LIST(X)                                       \
    X(TASK_NOT_STARTED, "not_started", N_("not started"), "") \
    X(TASK_IN_PROGRESS, "in_progress", N_("in progress"), "") \
    X(TASK_DONE,        "done",        N_("done"), "")        \
    X(TASK_OVERDUE,     "overdue",     N_("overdue"), "")

ENUM_DECLARE(task_status, enum_task_status, TASK_STATUS_LIST, TASK_STATUS__COUNT)

void task_clear(struct task *t);
void task_list_free(struct task *list, size_t n);
void task_note_clear(struct task_note *n);
void task_note_list_free(struct task_note *list, size_t n);

/* Checks a task before saving: text present, a department and a plan, a
 * valid due date, a valid start not after the due date, a done date exactly
 * when done, criteria well formed. ST_INVALID with a message starting with
 * the field's name ("due date: …"). */
enum status task_validate(const struct task *t);

/* A task is marked done once it is done: ST_INVALID naming the done date
 * when it is after `today`. */
enum status task_validate_done_on(const struct task *t, struct date today);

/* Checks a note: text present, valid date. */
enum status task_note_validate(const struct task_note *n);

/* The status on `today`: done (even when finished late) → TASK_DONE; else
 * after the due date → TASK_OVERDUE (the due day itself is not overdue);
 * else before the start → TASK_NOT_STARTED; else TASK_IN_PROGRESS. */
enum task_status task_status_on(const struct task *t, struct date today);

/* True when the task was finished after its due date. */
bool task_done_late(const struct task *t);

/* "not_started", "in_progress", "done", "overdue" (for scripts) and the
 * translated label ("chưa bắt đầu" …). */
const char *task_status_code(enum task_status s);
const char *task_status_label(enum task_status s);

/* Normalises a list of criteria typed as "3, 4, 5.1" or "3;4 5.1": each item
 * a criterion 1–13, optionally with a sub-item (5.1); duplicates removed,
 * order kept. *out (malloc'd, caller frees) is "3,4,5.1", "" for none.
 * ST_INVALID naming the bad item. */
enum status task_criteria_normalize(const char *in, char **out);

/* True when the normalised list serves criterion `want` ("5" or "5.1"):
 * an item equal to it, an item inside it (5.1 serves 5) or the whole
 * criterion it belongs to (5 serves 5.1). */
bool task_criteria_match(const char *list, const char *want);

#endif
