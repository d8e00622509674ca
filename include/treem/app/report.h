/* report — the commune's periodic report to the level above ("cấp trên",
 * the setting level_above): the 6-month and the annual report with the
 * official cut-off days (settings report_start, report_half_end,
 * report_year_end; default 15/12 of the year before to 14/06, and to
 * 14/12), or any period. Built as lines, each with a stable code ("TE01",
 * "BV02.3") so the level above can sum them, a number (the value) and
 * numeric breakdown columns (by sex, the denominator of a share, how many
 * were helped), grouped in sections following the indicator groups of
 * Thông tư 13/2021. For the screen, `treem report`, its CSV (report_csv.h)
 * and workbook. Counts only: no child's name and nothing about a reporter
 * ever enters a report (Nghị định 56/2017 Điều 24). */
#ifndef TREEM_APP_REPORT_H
#define TREEM_APP_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "treem/db/db.h"
#include "treem/core/date.h"

enum report_section {
    REPORT_SEC_HEAD,        /* commune, level above, period, number, date, signer, confidentiality */
    REPORT_SEC_CHILDREN,    /* TE: children under 16 by sex, age band, village, ethnicity */
    REPORT_SEC_SPECIAL,     /* DB: special circumstances by group, and helped */
    REPORT_SEC_HEALTH,      /* YT: birth registration, vaccination, nutrition, BHYT, school */
    REPORT_SEC_PROTECTION,  /* BV: abuse, risk, accidents and injuries, deaths (counts only) */
    REPORT_SEC_PLANS,       /* KH: targets met, tasks done and overdue */
    REPORT_SEC_CRITERIA,    /* TC: the year's self-assessment */
    REPORT_SEC__COUNT
};

/* The breakdown columns of a line (-1 = empty: not applicable or unknown). */
enum report_part {
    REPORT_PART_MALE,       /* of the value: boys */
    REPORT_PART_FEMALE,     /* girls */
    REPORT_PART_SEX_NA,     /* sex not known */
    REPORT_PART_BASE,       /* the value is a share of this many */
    REPORT_PART_HELPED,     /* of the value: helped (special circumstances) */
    REPORT_PART__COUNT
};

#define REPORT_CODE_BUF 40
#define REPORT_LABEL_BUF 560   /* the longest sub-group name is 489 bytes */
#define REPORT_VALUE_BUF 240

struct report_line {
    enum report_section section;
    int depth;                      /* 0 = section title, 1 = line, 2 = detail of the line above */
    char code[REPORT_CODE_BUF];     /* stable code; "" for titles */
    char label[REPORT_LABEL_BUF];   /* translated */
    char value[REPORT_VALUE_BUF];   /* for the screen: the numbers in words; "" for titles */
    long long count;                /* the value, -1 when there is none (text line, unknown) */
    long long part[REPORT_PART__COUNT];
    bool local;                     /* the line names something of this commune only (a village,
                                     * a target, a department): not summed upstream */
};

enum report_kind { REPORT_RANGE, REPORT_HALF, REPORT_YEAR };

struct report {
    struct date from, to;   /* the period */
    struct date on;         /* the day stock figures refer to: to, or today if earlier */
    enum report_kind kind;
    int year;               /* REPORT_HALF / REPORT_YEAR: the report's year */
    char title[160];        /* "6-month report 2026", "annual report 2026", or the dates */
    struct report_line *lines;
    size_t n, cap;
};

/* The cut-off days of the periods (day and month). A start after the end
 * in the year lies in the year before. */
struct report_cutoffs {
    int start_d, start_m;       /* default 15/12 */
    int half_d, half_m;         /* default 14/06 */
    int year_d, year_m;         /* default 14/12 */
};
void report_cutoffs_default(struct report_cutoffs *c);
/* Reads the settings report_start, report_half_end, report_year_end
 * ("dd/mm"); a missing one keeps its default; a bad one is ST_INVALID
 * naming the setting. */
enum status report_cutoffs_load(struct db *db, struct report_cutoffs *c);
/* Checks a "dd/mm" text for those settings: ST_INVALID naming key. */
enum status report_cutoff_parse(const char *key, const char *text, int *d, int *m);

/* The periods of year with the cut-offs c (NULL: the defaults). */
void report_period(const struct report_cutoffs *c, enum report_kind kind, int year,
                   struct date *from, struct date *to);
/* The same with the default cut-offs (15/12 of year−1 to 14/06 or 14/12). */
void report_half_year(int year, struct date *from, struct date *to);
void report_full_year(int year, struct date *from, struct date *to);

/* What the officer adds to a report. */
struct report_request {
    struct date from, to;
    enum report_kind kind;      /* for the title; REPORT_RANGE: the dates */
    int year;
    const char *number;         /* the report's number ("15/BC-UBND"); NULL or "": blank */
    const char *signer;         /* who signs; NULL: the setting officer_name */
};

/* Builds the report of [from, to] (from ≤ to, both valid; ST_INVALID naming
 * the field otherwise) as it stands today (date_today()). A figure that
 * cannot be computed says so in its value (count -1), never a false 0.
 * Free with report_free() (also after a failure). */
enum status report_build_req(struct db *db, const struct report_request *req, struct report *out);
/* The same for a range; the title says 6-month / annual when the range is
 * one of the default periods. */
enum status report_build(struct db *db, struct date from, struct date to, struct report *out);
void report_free(struct report *r);

/* The translated title of a section. */
const char *report_section_title(enum report_section s);

/* The first line whose label equals label in section, or NULL. */
const struct report_line *report_find(const struct report *r, enum report_section section,
                                      const char *label);
/* The line with this code, or NULL. */
const struct report_line *report_find_code(const struct report *r, const char *code);

/* Writes the report as CSV: columns code,label,value,male,female,
 * sex_unknown,of_total,helped; every cell after the label an integer or
 * empty; section titles as rows with an empty code. With CSV_WRITE_DEFAULT
 * (Excel: BOM, CRLF). ST_IO naming the file. */
enum status report_write_csv(const struct report *r, const char *path);
/* The same to an open stream (flags: csv_write_flag bits, 0 default). */
enum status report_write_csv_stream(const struct report *r, FILE *f, unsigned flags);

#endif
