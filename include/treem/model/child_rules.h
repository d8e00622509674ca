/* child_rules — the rules over a whole child record: tidying before a save,
 * validation with messages that name the field, age on a given day and the
 * 16-year cut (Luật Trẻ em Điều 1), and the scoring of likely duplicates. */
#ifndef TREEM_MODEL_CHILD_RULES_H
#define TREEM_MODEL_CHILD_RULES_H
#include "treem/model/child.h"

/* Fills what can be derived before validation: the day an age was estimated
 * (today) when an age is given without one; drops an estimated age when a
 * birth date is known; "on time"/"late" from the registration and birth
 * dates when left blank (CHILD_BIRTH_REG_DAYS); a registration date or
 * timing implies "registered". */
void child_normalize(struct child *c, struct date today);

/* Checks the whole record as of `today`. old is the saved version when this
 * is an edit, NULL for a new record: the 16-year cut refuses a new child of
 * 16 or more, but lets an older record's other fields be edited. Rules: a
 * name (≤ 100 characters); a date of birth or an estimated age 0–15 (with the
 * day it was estimated); no date in the future or before 1900; registration
 * and vaccination not before birth; an ID of exactly 12 digits (only length
 * and digits are checked: the first 3 digits are a province code 001–096 but
 * old IDs do not all follow it); phones of 9–11 digits (optionally starting
 * +84); every text within its limit. ST_INVALID with a message naming the
 * field; *bad (optional) gets the field or CF_NONE. */
enum status child_validate(const struct child *c, const struct child *old, struct date today,
                           enum child_field *bad);

/* The birth date used for ages, filters and sorting: the real one, else the
 * latest birth date that fits the estimate (est_age_on minus est_age years,
 * i.e. the youngest reading of the estimate). {0,0,0} when neither is known. */
struct date child_birth_eff(const struct child *c);
/* Completed years on `day`, or -1 when neither birth date nor age is known.
 * *estimated (optional) tells whether it comes from an estimate. */
int child_age_on(const struct child *c, struct date day, bool *estimated);
/* True when the record is 16 or older on `day` (no longer a child in law). */
bool child_is_over_16(const struct child *c, struct date day);

/* Why two records may be the same child. */
#define CHILD_DUP_REASONS(X)                                        \
    X(DUP_SAME_NAME,     0x01, N_("same name"))                     \
    X(DUP_SAME_BIRTH,    0x02, N_("same date of birth"))            \
    X(DUP_CLOSE_AGE,     0x04, N_("age within a year"))             \
    X(DUP_SAME_VILLAGE,  0x08, N_("same village"))                  \
    X(DUP_SAME_GUARDIAN, 0x10, N_("same parent or carer"))          \
    X(DUP_SAME_ID,       0x20, N_("same personal ID number"))
#define CHILD_X_DUP(id, bit, label) id = bit,
enum child_dup_reason { CHILD_DUP_REASONS(CHILD_X_DUP) };
#undef CHILD_X_DUP

struct child_dup {
    int score;           /* 0–100 */
    unsigned reasons;    /* enum child_dup_reason bits */
    bool likely;         /* worth asking the user before saving */
};

/* Compares two records. Likely duplicate: the same personal ID, or the same
 * folded name with the same birth date (or ages within one year when either
 * is estimated) and the same village or a shared parent/carer name, or —
 * when either record has no village — the same folded name and the same
 * date of birth. */
struct child_dup child_dup_score(const struct child *a, const struct child *b);
/* Appends the translated reasons, comma-separated. */
bool child_dup_reasons_text(unsigned reasons, struct strbuf *out);

#endif
