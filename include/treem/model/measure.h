/* measure — the one vocabulary of the values treem computes from the
 * register of children and the case files: each measure's code (stored in
 * plan_target.measure and indicator.measure, written in the rubric CSV
 * column so_do, the plans' CSV column measure and hand-off packages), its
 * unit, the QĐ 06 criterion it serves, where it is computed from and its
 * label. Plan targets and the score sheet's indicators both link to these
 * codes; the computation itself is in app (app/measures.h for the register,
 * app/score_cases.h for the cases). Pure data, no storage. */
#ifndef TREEM_MODEL_MEASURE_H
#define TREEM_MODEL_MEASURE_H
#include <stdbool.h>
#include "treem/core/date.h"
#include "treem/core/i18n.h"

/* The unit of a measure's value. */
enum measure_unit {
    MEASURE_UNIT_PERCENT,      /* a rate 0–100 (a plan target in percent) */
    MEASURE_UNIT_COUNT,        /* a whole number (a plan target in count) */
    MEASURE_UNIT_PER_THOUSAND, /* a rate per 1,000 children (rubric only: ‰) */
    MEASURE_UNIT__COUNT
};

/* What a measure is computed from. */
enum measure_from { MEASURE_FROM_REGISTER, MEASURE_FROM_CASES };

/* X(ID, code, unit, criterion, from, label, aliases): the code stored and
 * written; the criterion of QĐ 06 ("" when none); label an English msgid;
 * aliases the older codes of the same measure, separated by spaces, still
 * accepted on read (before 010_measures.sql the score sheet had its own
 * codes; old rubric CSV files and databases carry them). */
#define MEASURE_LIST(X)                                                                     \
    X(BIRTH_REG_ON_TIME, "birth_reg_on_time_rate", MEASURE_UNIT_PERCENT, "2",                \
      MEASURE_FROM_REGISTER, N_("children born in the year whose birth was registered on time"), \
      "birth_registered_on_time")                                                            \
    X(UNDERWEIGHT_U5, "underweight_u5_rate", MEASURE_UNIT_PERCENT, "8", MEASURE_FROM_REGISTER, \
      N_("children under 5 underweight (weight-for-age below -2 SD)"), "underweight_under5") \
    X(STUNTED_U5, "stunting_u5_rate", MEASURE_UNIT_PERCENT, "8", MEASURE_FROM_REGISTER,       \
      N_("children under 5 stunted (height-for-age below -2 SD)"), "stunted_under5")         \
    X(VACCINATED_U1, "vaccinated_u1_rate", MEASURE_UNIT_PERCENT, "7", MEASURE_FROM_REGISTER,  \
      N_("children under 1 fully vaccinated"), "vaccinated_under1")                          \
    X(HEALTH_CHECKED, "health_check_rate", MEASURE_UNIT_PERCENT, "9", MEASURE_FROM_REGISTER,  \
      N_("children with a health check in the year"), "health_checked")                      \
    X(PRESCHOOL, "preschool_rate", MEASURE_UNIT_PERCENT, "10", MEASURE_FROM_REGISTER,         \
      N_("children aged 3 to 5 attending pre-school"), "preschool_attending")                \
    X(SC_HELPED, "sc_children_helped_rate", MEASURE_UNIT_PERCENT, "6", MEASURE_FROM_REGISTER, \
      N_("children in special circumstances helped"), "special_circumstances_helped")        \
    X(INSURANCE, "insurance_rate", MEASURE_UNIT_PERCENT, "", MEASURE_FROM_REGISTER,           \
      N_("children under 6 with a health-insurance card"), "")                               \
    X(REGISTER_UPDATED, "register_updated_rate", MEASURE_UNIT_PERCENT, "",                    \
      MEASURE_FROM_REGISTER, N_("children whose record was updated in the register this year"), "") \
    X(ABUSE_CASES, "abuse_cases", MEASURE_UNIT_COUNT, "3", MEASURE_FROM_CASES,                \
      N_("cases of child abuse in the year"), "")                                            \
    X(ABUSE_RATE, "abuse_rate", MEASURE_UNIT_PER_THOUSAND, "3", MEASURE_FROM_CASES,           \
      N_("abused children per 1,000 children"), "")                                          \
    X(INJURY_CASES, "injury_cases", MEASURE_UNIT_COUNT, "5", MEASURE_FROM_CASES,              \
      N_("children injured in accidents in the year"), "")                                   \
    X(INJURY_RATE, "injury_rate", MEASURE_UNIT_PER_THOUSAND, "5", MEASURE_FROM_CASES,         \
      N_("children injured in accidents per 1,000 children"), "")                            \
    X(SEVERE_PLANNED, "severe_cases_planned", MEASURE_UNIT_PERCENT, "6", MEASURE_FROM_CASES,  \
      N_("sexual abuse, abandonment and trafficking cases whose plan the chairman approved on time (%)"), "") \
    X(INJURY_DEATHS, "injury_deaths", MEASURE_UNIT_COUNT, "5", MEASURE_FROM_CASES,            \
      N_("children who died of accidents or injuries in the year"), "")

enum measure {
    MEASURE_NONE = 0,
#define MEASURE_ENUM(id, code, unit, criterion, from, label, aliases) MEASURE_##id,
    MEASURE_LIST(MEASURE_ENUM)
#undef MEASURE_ENUM
    MEASURE__COUNT
};

struct measure_info {
    enum measure id;
    const char *code;       /* "birth_reg_on_time_rate" */
    enum measure_unit unit;
    const char *criterion;  /* "2", or "" when no criterion */
    enum measure_from from;
    const char *label;      /* English msgid: translate with _() */
    const char *aliases;    /* older codes separated by spaces, or "" */
};

/* The row of m, or NULL for MEASURE_NONE and out-of-range values. */
const struct measure_info *measure_info(enum measure m);
/* The measure with this code or one of its aliases; MEASURE_NONE for NULL,
 * "" or an unknown code. */
enum measure measure_from_code(const char *code);
/* The code to store for code: the measure's own code when code names one
 * (an alias gives the current code), else code itself (NULL stays NULL). */
const char *measure_canonical(const char *code);
/* "percent", "count", "per_thousand". */
const char *measure_unit_code(enum measure_unit u);
/* The day the measures of `year` are taken on, for plans and the score
 * sheet alike: today while the year runs, 31/12 of year once it is over. */
struct date measure_day(int year, struct date today);

#endif
