/* plan — a commune's yearly plan (kế hoạch), its targets (chỉ tiêu) and its
 * calendar events, as plain structs with their validation and the pure
 * rules: is a target met by a measured value, and how a date moves when a
 * plan is copied to the next year. No storage here (db/plan_repo.h). */
#ifndef TREEM_MODEL_PLAN_H
#define TREEM_MODEL_PLAN_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/model/enums.h"

/* A struct date with y == 0 means "not set" throughout plans and tasks. */
#define PLAN_NO_DATE ((struct date){0, 0, 0})
bool plan_date_set(struct date d);

struct plan {
    long long id;           /* 0 before it is saved */
    char *number;           /* "90/KH-UBND", "" when not numbered yet */
    struct date issued_on;  /* date of the plan, may be unset */
    char *issuer;           /* "UBND phường …" */
    int year;               /* the year the plan covers */
    char *title;
    char *upstream;         /* the plans it implements, free text */
    char *purpose;
    char *requirements;
    char *budget;           /* budget sources */
    struct date report_half;  /* deadline of the 6-month report, may be unset */
    struct date report_year;  /* deadline of the annual report, may be unset */
    long long copied_from;  /* id of the plan it was copied from, 0 if none */
};

/* The closed lists of plans, X(id, stored code, label msgid, aliases) as in
 * enums.h: a target's unit and direction, an event's kind. */
#define PLAN_UNIT_LIST(X)                                \
    X(PLAN_UNIT_PERCENT, "percent", N_("percent"), "%") \
    X(PLAN_UNIT_COUNT,   "count",   N_("count"), "")

#define PLAN_DIRECTION_LIST(X)                         \
    X(PLAN_AT_LEAST, "at_least", N_("at least"), "") \
    X(PLAN_AT_MOST,  "at_most",  N_("at most"), "")

#define PLAN_EVENT_KIND_LIST(X)                              \
    X(PLAN_EVENT_EVENT,    "event",    N_("event"), "")    \
    X(PLAN_EVENT_CAMPAIGN, "campaign", N_("campaign"), "") \
    X(PLAN_EVENT_DEADLINE, "deadline", N_("deadline"), "")

#define PLAN_ENUMS(E)                                                                      \
    E(plan_unit, enum_plan_unit, PLAN_UNIT_LIST, PLAN_UNIT__COUNT)                         \
    E(plan_direction, enum_plan_direction, PLAN_DIRECTION_LIST, PLAN_DIRECTION__COUNT)     \
    E(plan_event_kind, enum_plan_event_kind, PLAN_EVENT_KIND_LIST, PLAN_EVENT_KIND__COUNT)

PLAN_ENUMS(ENUM_DECLARE)

struct plan_target {
    long long id, plan_id;
    int sort;
    char *text;             /* "100 % trẻ em sinh ra được khai sinh đúng hạn" */
    double value;           /* 100 */
    enum plan_unit unit;
    enum plan_direction direction;
    char *measure;          /* code of a computed value (model/measure.h) or NULL */
    bool has_typed;         /* a value typed by the officer */
    double typed_value;
    char *typed_source;     /* required with a typed value */
    struct date typed_on;   /* may be unset */
};

struct plan_event {
    long long id, plan_id;
    char *name;
    struct date start_on;
    struct date end_on;     /* may be unset (a single day) */
    enum plan_event_kind kind;
    bool lunar;             /* date follows the lunar calendar */
    bool to_check;          /* moved by a copy; the officer must confirm it */
};

enum target_result { TARGET_UNKNOWN, TARGET_MET, TARGET_NOT_MET };

/* One line of the year's calendar: an event, a report deadline of a plan
 * or the due date of a task. */
enum plan_cal_kind {
    PLAN_CAL_EVENT, PLAN_CAL_CAMPAIGN, PLAN_CAL_DEADLINE,  /* from plan_event */
    PLAN_CAL_REPORT_HALF, PLAN_CAL_REPORT_YEAR,           /* a plan's deadlines */
    PLAN_CAL_TASK                                         /* a task's due date */
};

struct plan_cal_item {
    struct date date;
    struct date end;        /* last day of a period, or unset */
    enum plan_cal_kind kind;
    char *name;             /* event name, "báo cáo 6 tháng", or the task text */
    char *detail;           /* the plan's label, or the task's department */
    long long plan_id;
    long long ref_id;       /* event id, plan id (deadlines) or task id */
    bool done;              /* tasks: finished */
    bool lunar, to_check;   /* events: lunar date, to be confirmed after a copy */
};

void plan_cal_list_free(struct plan_cal_item *list, size_t n);

/* Frees the strings of a struct (not the struct itself) and zeroes it. */
void plan_clear(struct plan *p);
void plan_target_clear(struct plan_target *t);
void plan_event_clear(struct plan_event *e);
/* Clears every element, then frees the array. */
void plan_list_free(struct plan *list, size_t n);
void plan_target_list_free(struct plan_target *list, size_t n);
void plan_event_list_free(struct plan_event *list, size_t n);

/* Checks a plan before saving: title present, year 1900–2999, set dates
 * valid, the 6-month deadline not after the annual one. ST_INVALID with a
 * message that starts with the field's name. NULL strings count as "". */
enum status plan_validate(const struct plan *p);

/* Checks a target: text present, a percentage within 0–100, a count a
 * whole number ≥ 0, the same for a typed value, whose source is required. */
enum status plan_target_validate(const struct plan_target *t);

/* Checks an event: name present, valid start, end (if set) not before it. */
enum status plan_event_validate(const struct plan_event *e);

/* Met when measured ≥ value (at least) or ≤ value (at most); equality
 * meets the target either way. TARGET_UNKNOWN when have_value is false. */
enum target_result plan_target_evaluate(const struct plan_target *t, bool have_value,
                                        double measured);

/* The same day `years` later; 29/02 becomes 28/02 in a common year. An
 * unset date stays unset. */
struct date plan_shift_year(struct date d, int years);

/* Parses a date typed for `field` (already translated, e.g. _("due date")):
 * "" or NULL gives an unset date; otherwise dd/mm/yyyy or ISO. ST_INVALID
 * with the message prefixed by the field's name. */
enum status plan_parse_date(const char *field, const char *text, struct date *out);

/* Names for storage and scripts ("percent", "at_least", "campaign" …) and
 * back; the parsers accept '-' for '_' and return false for unknown text. */
const char *plan_unit_code(enum plan_unit u);
const char *plan_direction_code(enum plan_direction d);
const char *plan_event_kind_code(enum plan_event_kind k);
bool plan_unit_parse(const char *s, enum plan_unit *out);
bool plan_direction_parse(const char *s, enum plan_direction *out);
bool plan_event_kind_parse(const char *s, enum plan_event_kind *out);

/* Translated labels for display ("đạt", "ít nhất" …). */
const char *plan_target_result_label(enum target_result r);
const char *plan_direction_label(enum plan_direction d);
const char *plan_event_kind_label(enum plan_event_kind k);
const char *plan_cal_kind_label(enum plan_cal_kind k);

/* A short name of a plan for lists: "90/KH-UBND (2025)", or "Kế hoạch năm
 * 2025" (translated) while it has no number. */
void plan_label(const char *number, int year, char *buf, size_t size);

/* A number in its unit for display: "100 %", "8.5 %" ("8,5 %" in the
 * Vietnamese interface), "2" (into buf). */
void plan_format_value(double v, enum plan_unit u, char *buf, size_t size);

#endif
