/* child_support — what the commune records about a child beyond the groups:
 * the periods a child is at risk of falling into special circumstances (có
 * nguy cơ rơi vào hoàn cảnh đặc biệt, the seeds' home visits are for them)
 * and the help a child received (trợ giúp: what, when, by whom), which
 * criterion 6.1 and the reports count for children in special
 * circumstances. Pure: "today" is passed in. */
#ifndef TREEM_MODEL_CHILD_SUPPORT_H
#define TREEM_MODEL_CHILD_SUPPORT_H
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/model/enums.h"

#define CHILD_SUPPORT_TEXT_MAX 300    /* characters of a reason, what or by whom */

/* X(id, stored code, label msgid, folded aliases) as in enums.h. */
#define HELP_KIND_LIST(X) \
    X(HELP_HOME_VISIT, "home_visit", N_("Home visit, counselling"), "vang gia|tu van|tham hoi") \
    X(HELP_MATERIAL,   "material",   N_("Money or goods"), "tien|hien vat|qua|tien mat") \
    X(HELP_HEALTH,     "health",     N_("Health care"), "y te|kham chua benh|suc khoe") \
    X(HELP_EDUCATION,  "education",  N_("Schooling"), "hoc tap|hoc bong|giao duc") \
    X(HELP_LEGAL,      "legal",      N_("Legal aid"), "phap ly|tro giup phap ly") \
    X(HELP_CARE,       "care",       N_("Alternative care"), "cham soc thay the|nuoi duong") \
    X(HELP_OTHER,      "other",      N_("Other help"), "khac")

ENUM_DECLARE(help_kind, enum_help_kind, HELP_KIND_LIST, HELP__COUNT)

/* A period at risk of falling into special circumstances. */
struct child_risk {
    long long id, child_id;       /* id 0 until saved */
    struct date from, to;         /* to.y == 0 while it lasts */
    char *reason;                 /* what puts the child at risk */
};

/* Help received. */
struct child_help {
    long long id, child_id;
    struct date date;             /* when it was given */
    int kind;                     /* enum help_kind */
    char *what;                   /* what was given or done */
    char *by_whom;                /* who gave it: department, body, person */
};

void child_risks_free(struct child_risk *list, size_t n);
void child_helps_free(struct child_help *list, size_t n);

/* A start not after today nor before birth (birth.y == 0: unknown), an end
 * not before the start, a reason within CHILD_SUPPORT_TEXT_MAX. ST_INVALID
 * naming the field ("risk from: …"). */
enum status child_risk_validate(const struct child_risk *r, struct date birth, struct date today);
/* A date not after today nor before birth, a kind, what and by whom given,
 * each within CHILD_SUPPORT_TEXT_MAX. ST_INVALID naming the field. */
enum status child_help_validate(const struct child_help *h, struct date birth, struct date today);

#endif
