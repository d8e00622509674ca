/* assessment_repo — a commune's yearly self-assessment against a rule set
 * (which rubric, which recognition class) and the value of each indicator:
 * typed by the officer or computed from the register, with its evidence
 * (minh chứng) and the department that supplied it. Writers expect the
 * caller's transaction and write the audit log ("assessment_value",
 * "<year> / <indicator code>", one line per changed field). */
#ifndef TREEM_DB_ASSESSMENT_REPO_H
#define TREEM_DB_ASSESSMENT_REPO_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"

#define ASSESSMENT_STAMP_BUF 17   /* "yyyy-mm-dd hh:mm" */

enum assessment_origin { ASSESSMENT_TYPED, ASSESSMENT_COMPUTED };

struct assessment {
    long long id;
    char commune_code[8];
    int year;
    long long rule_set_id;
    char *class_code;      /* chosen class ("850") or NULL */
    char created[ASSESSMENT_STAMP_BUF], updated[ASSESSMENT_STAMP_BUF];
};

struct assessment_value {
    long long indicator_id;
    bool has_value;
    double value;
    enum assessment_origin origin;
    char *evidence;        /* minh chứng; "" or NULL when none */
    char *department;      /* department code, NULL = the indicator's */
    char updated[ASSESSMENT_STAMP_BUF];
    char *updated_by;
};

/* "typed" / "computed". */
const char *assessment_origin_code(enum assessment_origin o);

/* The assessment of commune for year; ST_NOTFOUND (with a message) when
 * none exists. Free with assessment_free(). */
enum status assessment_repo_find(struct db *db, const char *commune, int year, struct assessment *out);

/* Creates the assessment of commune for year, scored by rule_set_id, with
 * class_code (may be NULL); ST_EXISTS when there is one. Audited. */
enum status assessment_repo_create(struct db *db, const char *commune, int year,
                                   long long rule_set_id, const char *class_code,
                                   struct assessment *out);

/* Changes the chosen class (NULL clears it) of a; audited; a is updated. */
enum status assessment_repo_set_class(struct db *db, struct assessment *a,
                                      const char *class_code);

void assessment_free(struct assessment *a);

/* Every stored value of assessment_id in *out (caller frees with
 * assessment_repo_values_free), in no particular order. */
enum status assessment_repo_values(struct db *db, long long assessment_id,
                                   struct assessment_value **out, size_t *n);
void assessment_repo_values_free(struct assessment_value *v, size_t n);

/* Stores v for the indicator v->indicator_id (code used in the audit),
 * replacing the stored value; stamps it with date_now() and db_actor(db), and the
 * assessment's updated time. One audit line per changed field. */
enum status assessment_repo_put_value(struct db *db, struct assessment *a,
                                      const char *indicator_code, const struct assessment_value *v);

/* Deletes the stored value of indicator_id; ST_NOTFOUND when none. Audited
 * (the old value and evidence are kept in the log). */
enum status assessment_repo_delete_value(struct db *db, const struct assessment *a,
                                         long long indicator_id, const char *indicator_code);

#endif
