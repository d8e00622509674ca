/* report_internal — what report.c and report_more.c share (not public). */
#ifndef TREEM_APP_REPORT_INTERNAL_H
#define TREEM_APP_REPORT_INTERNAL_H
#include "treem/app/report.h"

/* Appends a line (value from fmt). ST_NOMEM only. */
enum status report_add(struct report *r, enum report_section s, int depth, long long count,
                       const char *label, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* A count; a share "num / den (x,y %)" or "no children to count"; "cannot be computed". */
enum status report_count_line(struct report *r, enum report_section s, int depth,
                              const char *label, long long n);
enum status report_ratio_line(struct report *r, enum report_section s, const char *label,
                              long long num, long long den);
enum status report_na_line(struct report *r, enum report_section s, int depth, const char *label);

/* Sets r->title from r->from and r->to. */
void report_title(struct report *r);

/* The sections of report_more.c. */
enum status report_add_health(struct db *db, struct report *r);
enum status report_add_protection(struct db *db, struct report *r);
enum status report_add_plans(struct db *db, struct report *r);
enum status report_add_criteria(struct db *db, struct report *r);

#endif
