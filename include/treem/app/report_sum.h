/* report_sum — the consolidated report of the level above: the same report
 * (app/report.h) built in each commune's database that sent a package
 * (app/province.h), summed line by line by code, with each commune's value
 * kept for the per-commune table. Lines that belong to one commune only
 * (villages, ethnic groups, plan targets, departments, a commune's points)
 * are left out of the sum; the verdict line becomes the number of communes
 * that passed. */
#ifndef TREEM_APP_REPORT_SUM_H
#define TREEM_APP_REPORT_SUM_H
#include "treem/app/report.h"

struct report_sum {
    struct report total;      /* the summed lines (head: the province) */
    size_t ncommunes;
    char (*codes)[8];         /* the communes summed, in order */
    char **names;
    long long *values;        /* values[line * ncommunes + k]: commune k's value of
                               * total.lines[line], -1 when it has none */
};

/* Builds the report of request q in every commune database of the province
 * db and sums it. ST_NOTFOUND when db is not a level-above database.
 * Free with report_sum_free (also after a failure). */
enum status report_sum_build(struct db *db, const struct report_request *q, struct report_sum *out);
void report_sum_free(struct report_sum *s);

/* The consolidated CSV: the columns of report_write_csv, then one per
 * commune (its code), every value cell an integer or empty. */
enum status report_sum_write_csv(const struct report_sum *s, const char *path);

#endif
