/* transfer_case_repo — the reads and writes the CSV kinds of cases, case
 * steps and assessments need beyond their repositories: the cases in code
 * order, keeping a case's code and change time as the sending database had
 * them, whether a child is in a sensitive case, every assessment value with
 * its year, commune and indicator code, and keeping a value's change time.
 * Writes run inside the caller's transaction. The reporter is never read. */
#ifndef TREEM_DB_TRANSFER_CASE_REPO_H
#define TREEM_DB_TRANSFER_CASE_REPO_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"

/* The ids of every case received in from..to (ISO dates, NULL: open), in
 * code order, into *ids (malloc'd, caller frees). */
enum status transfer_case_repo_ids(struct db *db, const char *from, const char *to,
                                   long long **ids, size_t *n);

/* After an import wrote case id: gives it code ("VV-0007") when no other
 * case has that number here (else keeps its own), moving the counter of
 * codes past it, and sets updated_at to `updated` ("yyyy-mm-dd hh:mm")
 * when not NULL or "". */
enum status transfer_case_repo_restamp(struct db *db, long long id, const char *code,
                                       const char *updated);

/* *out: the law protects child_id's identity: a case of theirs is of any
 * kind but injury (sexual abuse, violence, exploitation, neglect,
 * trafficking, law violation, drugs, illegal labour, at risk), or a period
 * of theirs, past or current, is in group b, đ, e, g, i, k, l, m, n or o of
 * Luật Trẻ em Điều 10 (doc/csv-columns.md says why). True on error. */
enum status transfer_case_repo_child_sensitive(struct db *db, long long child_id, bool *out);

/* One stored assessment value, for the export. */
struct transfer_value_row {
    int year;
    const char *commune, *indicator;   /* commune code, indicator code */
    bool has_value;
    double value;
    const char *origin, *evidence, *department, *updated; /* department "" = the indicator's */
};
typedef enum status (*transfer_value_fn)(const struct transfer_value_row *r, void *ctx);
/* Every assessment value of years from..to (0: open), by commune, year,
 * criterion number and indicator order. */
enum status transfer_case_repo_values_each(struct db *db, int from, int to, transfer_value_fn fn,
                                           void *ctx);

/* Sets the change time of the value of indicator_id in assessment_id. */
enum status transfer_case_repo_value_stamp(struct db *db, long long assessment_id,
                                           long long indicator_id, const char *updated);

#endif
