/* report — the commune's periodic report to the level above ("cấp trên",
 * the setting level_above): the 6-month report (01/01–30/06) and the annual
 * report, or any period. Built as plain lines of label and value, grouped
 * in sections following the indicator groups of Thông tư 13/2021 (children,
 * special circumstances, health and nutrition, protection, plans, the
 * criteria), for the screen, `treem report` and its CSV. Counts only: no
 * child's name and nothing about a reporter ever enters a report. */
#ifndef TREEM_APP_REPORT_H
#define TREEM_APP_REPORT_H
#include <stddef.h>
#include <stdio.h>
#include "treem/db/db.h"
#include "treem/core/date.h"

enum report_section {
    REPORT_SEC_HEAD,        /* commune, level above, period, made on */
    REPORT_SEC_CHILDREN,    /* children under 16 by sex, age group, village, ethnicity */
    REPORT_SEC_SPECIAL,     /* special circumstances by group letter */
    REPORT_SEC_HEALTH,      /* health and nutrition */
    REPORT_SEC_PROTECTION,  /* cases (counts only) */
    REPORT_SEC_PLANS,       /* targets and tasks of the year's plans */
    REPORT_SEC_CRITERIA,    /* the year's self-assessment */
    REPORT_SEC__COUNT
};

#define REPORT_LABEL_BUF 240
#define REPORT_VALUE_BUF 160

struct report_line {
    enum report_section section;
    int depth;                      /* 0 = section title, 1 = line, 2 = detail of the line above */
    char label[REPORT_LABEL_BUF];   /* translated */
    char value[REPORT_VALUE_BUF];   /* translated; "" for titles */
    long long count;                /* the number when the value is a plain count, else -1 */
};

struct report {
    struct date from, to;   /* the period */
    struct date on;         /* the day stock figures refer to: to, or today if earlier */
    char title[160];        /* "6-month report 2026", "annual report 2026", or the dates */
    struct report_line *lines;
    size_t n, cap;
};

/* The periods: 01/01–30/06 and 01/01–31/12 of year. */
void report_half_year(int year, struct date *from, struct date *to);
void report_full_year(int year, struct date *from, struct date *to);

/* Builds the report of [from, to] (from ≤ to, both valid; ST_INVALID naming
 * the field otherwise) as it stands today (date_today()). A figure that
 * cannot be computed says so in its value (count -1), never a false 0.
 * Free with report_free() (also after a failure). */
enum status report_build(struct db *db, struct date from, struct date to, struct report *out);
void report_free(struct report *r);

/* The translated title of a section. */
const char *report_section_title(enum report_section s);

/* The first line whose label equals label (after depth-0 line `section`'s
 * start), or NULL: for tests and scripts. */
const struct report_line *report_find(const struct report *r, enum report_section section,
                                      const char *label);

/* Writes the report as CSV rows section,label,value (with a header row) to
 * path with CSV_WRITE_DEFAULT. ST_IO naming the file. */
enum status report_write_csv(const struct report *r, const char *path);

#endif
