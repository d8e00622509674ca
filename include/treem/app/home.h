/* home — the figures of the home screen: what the commune has and what is
 * due. Each figure is -1 when the part of the program that keeps it has no
 * data yet, so the screen shows "—" instead of a false zero. */
#ifndef TREEM_APP_HOME_H
#define TREEM_APP_HOME_H
#include "treem/db/db.h"
#include "treem/core/date.h"

struct home_stats {
    long villages;
    long departments;
    long children;          /* under 16 on `today` */
    long children_special;  /* in a special-circumstance group on `today` */
    long open_cases;
    long overdue_steps;
    long tasks_due;         /* not done and due within 7 days or overdue */
    long criteria_points;   /* this year's assessed total, -1 when none */
    bool criteria_partial;  /* some criterion has no scale or value yet */
    bool scoped;            /* a village collaborator: children, cases and villages are
                             * theirs (their villages, the cases they recorded), and no
                             * criteria score (the commune's, the officer's work) */
    char next_report[96];   /* "15/05/2026 — báo cáo 6 tháng", or "" */
};

enum status home_stats_get(struct db *db, struct date today, struct home_stats *out);

#endif
