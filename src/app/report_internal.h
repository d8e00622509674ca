/* report_internal — what the report modules share (not public). */
#ifndef TREEM_APP_REPORT_INTERNAL_H
#define TREEM_APP_REPORT_INTERNAL_H
#include "treem/app/report.h"

/* Appends a line with the value n (-1: none) and every breakdown column
 * empty; its screen text is "" (fill l->value) . NULL after ST_NOMEM. */
struct report_line *report_push(struct report *r, enum report_section s, int depth,
                                const char *code, long long n, const char *label);
/* A text line (no number): the value column stays empty. ST_NOMEM only. */
enum status report_text(struct report *r, enum report_section s, int depth, const char *code,
                        const char *label, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* A count. */
enum status report_num(struct report *r, enum report_section s, int depth, const char *code,
                       const char *label, long long n);
/* A count by sex: by_sex[CHILD_SEX_*]; the value is their sum. */
enum status report_sexed(struct report *r, enum report_section s, int depth, const char *code,
                         const char *label, const long long by_sex[3]);
/* A share: num of den ("no children to count" when den is 0: value empty). */
enum status report_share(struct report *r, enum report_section s, int depth, const char *code,
                         const char *label, long long num, long long den);
/* "cannot be computed": value empty. */
enum status report_na(struct report *r, enum report_section s, int depth, const char *code,
                      const char *label);

/* Sets r->title from r->kind, r->year, r->from and r->to. */
void report_title(struct report *r);

/* The sections of report_more.c and report_cases.c. */
enum status report_add_health(struct db *db, struct report *r);
enum status report_add_protection(struct db *db, struct report *r);
enum status report_add_plans(struct db *db, struct report *r);
enum status report_add_criteria(struct db *db, struct report *r);

#endif
