/* report_repo — the grouped counts of the periodic report that no other
 * module gives: children under 16 on a day by village and by ethnicity, the
 * special-circumstance groups, and the cases received or closed in a period
 * by kind, level, injury cause and the child's sex. Counts only: nothing
 * here reads a name of a child or anything about a reporter. Read-only. */
#ifndef TREEM_DB_REPORT_REPO_H
#define TREEM_DB_REPORT_REPO_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/core/date.h"

/* One group and its count. key is the stored value (a village id as text,
 * an ethnicity, a group letter, a case kind code …; "" for "not recorded"). */
struct report_count {
    char key[32];
    char name[160];   /* what people read: village / group name; the ethnicity */
    long long n;
};

/* What to group. Children: under 16 on `to` (born by then, or age unknown),
 * the same rule as child_search's CHILD_SCOPE_CHILDREN. Cases: received
 * between `from` and `to` (whole days). */
enum report_group {
    REPORT_BY_VILLAGE,     /* every village (also those with 0), sort order; then key "" = none */
    REPORT_BY_ETHNICITY,   /* largest first, then by name; key "" = not recorded */
    REPORT_BY_SC_GROUP,    /* every group letter a–o in legal order: children in one of its
                            * sub-groups on `to` */
    REPORT_CASE_KIND,      /* cases received in the period, by kind code (only kinds present) */
    REPORT_CASE_LEVEL,     /* … by protection level code */
    REPORT_CASE_INJURY,    /* … injuries by cause code */
    REPORT_CASE_SEX,       /* … by the child's sex code (register, else the intake's) */
};

/* The groups of `g` for the period into *out (malloc'd, caller frees). */
enum status report_repo_counts(struct db *db, enum report_group g, struct date from,
                               struct date to, struct report_count **out, size_t *n);

/* Cases received in the period (*received), of those how many the child
 * died (*died), and cases with a closure step dated in the period (*closed). */
enum status report_repo_case_totals(struct db *db, struct date from, struct date to,
                                    long long *received, long long *died, long long *closed);

/* Children in special circumstances on `on` (their sub-group period runs
 * that day, under 16 then), per group letter in legal order, and a first
 * row with letter "" for children in at least one group. n[] is by sex
 * (CHILD_SEX_* order: not known, male, female); helped: of those, children
 * with a case that had a plan, approval, service, separation or follow-up
 * step dated from `from` to `on`. With sub, one row per sub-group of
 * Nghị định 56/2017 instead (letter holds its code, "a.1"; no first row). */
struct report_sc_row {
    char letter[8];
    char name[160];
    long long n[3];
    long long helped;
};
enum status report_repo_special(struct db *db, struct date from, struct date on, bool sub,
                                struct report_sc_row **out, size_t *n);

/* One case received from `from` to `to` (whole days), for counting only:
 * codes as stored, the child's sex (register, else the intake's), the day
 * of birth (register, estimated births included) or an estimated age, and
 * the free text of the place (to classify; never shown). */
struct report_case_row {
    char kind[24], injury[16], level[16], sex[12];
    bool died;
    struct date received;
    struct date birth;    /* unset when unknown */
    int est_age;          /* -1 when unknown */
    char *place;          /* malloc'd */
};
enum status report_repo_cases(struct db *db, struct date from, struct date to,
                              struct report_case_row **out, size_t *n);
void report_case_rows_free(struct report_case_row *rows, size_t n);


#endif
