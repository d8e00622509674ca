/* enums — the small closed lists of the child record (sex, birth
 * registration timing, household, schooling), declared once as X-macro
 * tables: the stored code, and the label shown (an English msgid translated
 * with _()). The codes are what the database and exchange files hold. */
#ifndef TREEM_MODEL_ENUMS_H
#define TREEM_MODEL_ENUMS_H
#include <stddef.h>

/* Sex as on the official intake form: Nam / Nữ / Không biết. */
#define CHILD_SEX_LIST(X)                                   \
    X(CHILD_SEX_UNKNOWN, "khong_ro", N_("Sex not known"), "khong biet|khong ro|chua ro|x|unknown")   \
    X(CHILD_SEX_MALE,    "nam",      N_("Male"), "m|trai|nam gioi|male")            \
    X(CHILD_SEX_FEMALE,  "nu",       N_("Female"), "f|gai|nu gioi|female")

/* Birth registered on time (within 60 days, Luật Hộ tịch 2014 Điều 15) or late. */
#define BIRTH_REG_TIMING_LIST(X)                            \
    X(BIRTH_REG_TIMING_UNKNOWN, "",        N_("Not recorded"), "") \
    X(BIRTH_REG_ON_TIME,        "on_time", N_("On time"), "dung han|ontime")   \
    X(BIRTH_REG_LATE,           "late",    N_("Late"), "qua han|tre han|muon")

#define HOUSEHOLD_LIST(X)                                   \
    X(HOUSEHOLD_UNKNOWN,   "",          N_("Not recorded"), "") \
    X(HOUSEHOLD_NONE,      "none",      N_("Not poor"), "khong|khong ngheo|no")     \
    X(HOUSEHOLD_POOR,      "poor",      N_("Poor household"), "ngheo|ho ngheo") \
    X(HOUSEHOLD_NEAR_POOR, "near_poor", N_("Near-poor household"), "can ngheo|ho can ngheo")

#define SCHOOL_LIST(X)                                                  \
    X(SCHOOL_UNKNOWN,         "",                N_("Not recorded"), "")    \
    X(SCHOOL_NOT_YET,         "not_yet",         N_("Not yet at school"), "chua di hoc") \
    X(SCHOOL_PRESCHOOL,       "preschool",       N_("Pre-school"), "mam non|mau giao|nha tre")      \
    X(SCHOOL_PRIMARY,         "primary",         N_("Primary school"), "tieu hoc|th")  \
    X(SCHOOL_LOWER_SECONDARY, "lower_secondary", N_("Lower secondary school"), "thcs|trung hoc co so") \
    X(SCHOOL_UPPER_SECONDARY, "upper_secondary", N_("Upper secondary school"), "thpt|trung hoc pho thong") \
    X(SCHOOL_VOCATIONAL,      "vocational",      N_("Vocational training"), "hoc nghe|nghe") \
    X(SCHOOL_OUT,             "out",             N_("Out of school"), "bo hoc|khong di hoc|nghi hoc")

/* One entry of a closed list. */
struct enum_item {
    const char *code;   /* stored code */
    const char *label;  /* English msgid; show with _() */
    const char *aliases; /* other folded spellings accepted as input, '|'-separated */
};

/* A closed list: its items indexed by the enum value, and what the list is. */
struct enum_def {
    const struct enum_item *items;
    size_t n;
};

/* A list X(id, code, label, aliases) gives its enum and its enum_def:
 *   ENUM_DECLARE(tag, def, LIST, COUNT) in a header: enum tag { ids..., COUNT }
 *     and extern const struct enum_def def;
 *   ENUM_DEFINE(tag, def, LIST, COUNT) in the module: def's table.
 * A header lists its closed lists once, E(tag, def, LIST, COUNT), and
 * expands that list with each. */
#define ENUM_X_ID(id, code, label, aliases) id,
#define ENUM_X_ITEM(id, code, label, aliases) {code, label, aliases},
#define ENUM_DECLARE(tag, def, list, count) \
    enum tag { list(ENUM_X_ID) count };     \
    extern const struct enum_def def;
#define ENUM_DEFINE(tag, def, list, count)                      \
    static const struct enum_item def##_items[] = {list(ENUM_X_ITEM)}; \
    const struct enum_def def = {def##_items, count};

/* enum child_sex … school, and enum_child_sex … enum_school. */
#define CHILD_ENUMS(E)                                                          \
    E(child_sex, enum_child_sex, CHILD_SEX_LIST, CHILD_SEX__COUNT)              \
    E(birth_reg_timing, enum_birth_reg_timing, BIRTH_REG_TIMING_LIST, BIRTH_REG_TIMING__COUNT) \
    E(household, enum_household, HOUSEHOLD_LIST, HOUSEHOLD__COUNT)             \
    E(school, enum_school, SCHOOL_LIST, SCHOOL__COUNT)

CHILD_ENUMS(ENUM_DECLARE)

/* The value whose code, English label or translated label equals text after
 * folding (case, diacritics, '-', '_' and spaces ignored: "khong-ro",
 * "Không biết", "nu", "Nữ" all work), or -1. An empty text gives -1. */
int enum_parse(const struct enum_def *def, const char *text);

/* The stored code / translated label of value v ("" / "?" when out of range). */
const char *enum_code(const struct enum_def *def, int v);
const char *enum_label(const struct enum_def *def, int v);

/* The value with stored code exactly `code`, or -1. */
int enum_from_code(const struct enum_def *def, const char *code);
/* The same with '-' in s read as '_' ("at-least" is "at_least"), or -1. */
int enum_from_code_dashed(const struct enum_def *def, const char *s);

#endif
