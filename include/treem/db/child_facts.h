/* child_facts — what is recorded about a child over time: periods in
 * special-circumstance sub-groups (from/to), weight and height measurements,
 * and periodic health checks. Each write appends the audit log under the
 * child's uid (field "group", "measure" or "health_check"); callers hold the
 * transaction. */
#ifndef TREEM_DB_CHILD_FACTS_H
#define TREEM_DB_CHILD_FACTS_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/core/date.h"

#define CHILD_GROUP_CODE_BUF 16
#define CHILD_PERIOD_NOTE_MAX 200   /* characters */

/* A period in a special-circumstance sub-group (Nghị định 56/2017). */
struct child_period {
    long long id;                       /* 0 until saved */
    long long child_id;
    char code[CHILD_GROUP_CODE_BUF];    /* sub-group, e.g. "a.1", "đ.2" */
    struct date from, to;               /* to.y == 0 while it lasts */
    char note[CHILD_PERIOD_NOTE_MAX * 4 + 1];
    char name[1024];                    /* sub-group name, filled when read */
};

struct child_measure {
    long long id;
    long long child_id;
    struct date date;
    double weight_kg;   /* ≤ 0 when not measured */
    double height_cm;   /* ≤ 0 when not measured */
};

/* A sub-group of children in special circumstances (the catalogue). */
struct child_subgroup {
    char code[CHILD_GROUP_CODE_BUF];    /* "a.1", "đ.0" */
    char letter[8];                     /* "a", "đ" */
    char name[1024];
};

/* All 48 sub-groups in legal order (letters a, b, c, d, đ, e, …; then
 * clause); *out malloc'd, caller frees. For pickers and reports. */
enum status child_facts_subgroups(struct db *db, struct child_subgroup **out, size_t *n);

/* The names of the ethnic groups of the catalogue (every list), sorted,
 * each once; *out and each name malloc'd, caller frees. For the picker. */
enum status child_facts_ethnic_names(struct db *db, char ***out, size_t *n);

/* Checks a period before saving: a known sub-group code, a start, an end
 * not before the start, nothing in the future beyond `today` for the start,
 * a note within its limit. ST_INVALID naming the field. */
enum status child_facts_period_check(struct db *db, const struct child_period *p, struct date today);

/* Adds p (p->id set) / sets its end day (to.y == 0 reopens it) / deletes it.
 * uid is the child's, for the audit line. */
enum status child_facts_period_add(struct db *db, struct child_period *p, const char *uid);
enum status child_facts_period_end(struct db *db, long long period_id, struct date to,
                                   const char *uid);
enum status child_facts_period_delete(struct db *db, long long period_id, const char *uid);
/* All periods of a child, oldest first; *out malloc'd (caller frees). */
enum status child_facts_periods(struct db *db, long long child_id, struct child_period **out,
                                size_t *n);

/* Measurements: add (m->id set), delete, list (oldest first; caller frees). */
enum status child_facts_measure_add(struct db *db, struct child_measure *m, const char *uid);
enum status child_facts_measure_delete(struct db *db, long long measure_id, const char *uid);
enum status child_facts_measures(struct db *db, long long child_id, struct child_measure **out,
                                 size_t *n);

/* Health checks on a day: add (ST_EXISTS when that day is already there),
 * delete, list (oldest first; caller frees). */
enum status child_facts_check_add(struct db *db, long long child_id, struct date day,
                                  const char *uid);
enum status child_facts_check_delete(struct db *db, long long child_id, struct date day,
                                     const char *uid);
enum status child_facts_checks(struct db *db, long long child_id, struct date **out, size_t *n);

/* The child a group period (period_owner) or a measurement (measure_owner)
 * with this id belongs to, in *child_id. ST_NOTFOUND (no message) when
 * there is none; the database error otherwise. */
enum status child_facts_period_owner(struct db *db, long long period_id, long long *child_id);
enum status child_facts_measure_owner(struct db *db, long long measure_id, long long *child_id);

#endif
