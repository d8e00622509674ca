/* child — one record of the commune's register of children (DOMAIN.md §2):
 * the struct, a table describing every editable field (stored key, kind,
 * length limit, label) so that forms, the CLI, the database and the audit log
 * all walk the same list; parsing typed input into a field and showing it.
 * The rules (validation, age, duplicates) are in child_rules.h. No database,
 * no printing. */
#ifndef TREEM_MODEL_CHILD_H
#define TREEM_MODEL_CHILD_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/core/strbuf.h"
#include "treem/model/enums.h"

/* Luật Trẻ em 2016 Điều 1: a child is a person under 16. */
#define CHILD_AGE_LIMIT 16
/* The longest full name, in characters (graphemes). */
#define CHILD_NAME_MAX 100
/* Bytes enough for any name of CHILD_NAME_MAX characters plus NUL (a
 * Vietnamese letter with two marks takes at most 3 code points = 9 bytes in
 * NFD, but names are stored NFC where it takes 2-3 bytes). */
#define CHILD_NAME_BUF (CHILD_NAME_MAX * 4 + 1)
#define CHILD_UID_BUF 24      /* "21934-" + 10 base32 + NUL */
#define CHILD_CODE_BUF 16     /* "TE-0042" */
/* Birth registration within this many days of birth is on time (Luật Hộ tịch
 * 2014 Điều 15); used only when the officer leaves "on time/late" blank. */
#define CHILD_BIRTH_REG_DAYS 60

enum child_field_kind {
    CFK_TEXT,     /* char *, free text */
    CFK_PHONE,    /* char *, a phone number */
    CFK_PID,      /* char *, số định danh cá nhân: 12 digits */
    CFK_DATE,     /* struct date, y == 0 when unknown */
    CFK_AGE,      /* int years 0–15, -1 when unknown */
    CFK_BOOL,     /* int: -1 unknown, 0 no, 1 yes */
    CFK_ENUM,     /* int: an index into the field's enum_def */
    CFK_VILLAGE,  /* char * village name (+ village_id, resolved by app/) */
};

/* Every editable field, in form order:
 *   id, struct member (= stored column and key), kind, max characters (text),
 *   enum list (CFK_ENUM), label (English msgid). */
#define CHILD_FIELD_LIST(X)                                                              \
    X(FULL_NAME,        full_name,        CFK_TEXT,    CHILD_NAME_MAX, NULL, N_("full name")) \
    X(BIRTH_DATE,       birth_date,       CFK_DATE,    0,   NULL, N_("date of birth"))       \
    X(EST_AGE,          est_age,          CFK_AGE,     0,   NULL, N_("estimated age"))       \
    X(EST_AGE_ON,       est_age_on,       CFK_DATE,    0,   NULL, N_("age estimated on"))    \
    X(SEX,              sex,              CFK_ENUM,    0,   &enum_child_sex, N_("sex"))      \
    X(ETHNICITY,        ethnicity,        CFK_TEXT,    50,  NULL, N_("ethnicity"))           \
    X(PERSONAL_ID,      personal_id,      CFK_PID,     12,  NULL, N_("personal ID number"))  \
    X(VILLAGE,          village,          CFK_VILLAGE, 100, NULL, N_("village"))             \
    X(ADDRESS,          address,          CFK_TEXT,    200, NULL, N_("address"))             \
    X(FATHER_NAME,      father_name,      CFK_TEXT,    CHILD_NAME_MAX, NULL, N_("father's name")) \
    X(FATHER_PHONE,     father_phone,     CFK_PHONE,   20,  NULL, N_("father's phone"))      \
    X(MOTHER_NAME,      mother_name,      CFK_TEXT,    CHILD_NAME_MAX, NULL, N_("mother's name")) \
    X(MOTHER_PHONE,     mother_phone,     CFK_PHONE,   20,  NULL, N_("mother's phone"))      \
    X(CARER_NAME,       carer_name,       CFK_TEXT,    CHILD_NAME_MAX, NULL, N_("carer's name")) \
    X(CARER_PHONE,      carer_phone,      CFK_PHONE,   20,  NULL, N_("carer's phone"))       \
    X(CARER_RELATION,   carer_relation,   CFK_TEXT,    50,  NULL, N_("carer's relation to the child")) \
    X(BIRTH_REGISTERED, birth_registered, CFK_BOOL,    0,   NULL, N_("birth registered"))    \
    X(BIRTH_REG_TIMING, birth_reg_timing, CFK_ENUM,    0,   &enum_birth_reg_timing, N_("birth registered on time")) \
    X(BIRTH_REG_DATE,   birth_reg_date,   CFK_DATE,    0,   NULL, N_("birth registration date")) \
    X(BHYT,             bhyt,             CFK_BOOL,    0,   NULL, N_("health-insurance card")) \
    X(BHYT_NUMBER,      bhyt_number,      CFK_TEXT,    20,  NULL, N_("health-insurance card number")) \
    X(DISABILITY,       disability,       CFK_BOOL,    0,   NULL, N_("disability"))          \
    X(DISABILITY_NOTE,  disability_note,  CFK_TEXT,    200, NULL, N_("disability details"))  \
    X(HOUSEHOLD,        household,        CFK_ENUM,    0,   &enum_household, N_("poor or near-poor household")) \
    X(SCHOOL,           school,           CFK_ENUM,    0,   &enum_school, N_("school or pre-school")) \
    X(VACCINATED_ON,    vaccinated_on,    CFK_DATE,    0,   NULL, N_("fully vaccinated (under 1) on")) \
    X(NOTES,            notes,            CFK_TEXT,    2000, NULL, N_("notes"))

#define CHILD_X_ENUM(id, member, kind, max, def, label) CF_##id,
enum child_field { CHILD_FIELD_LIST(CHILD_X_ENUM) CF__COUNT, CF_NONE = -1 };
#undef CHILD_X_ENUM

struct child_field_def {
    const char *key;           /* member / column name, e.g. "father_phone" */
    enum child_field_kind kind;
    int max;                   /* longest text in characters (text kinds) */
    const struct enum_def *def;/* CFK_ENUM only */
    const char *label;         /* English msgid */
    size_t offset;             /* where the value lives in struct child */
};

extern const struct child_field_def child_fields[CF__COUNT];

struct child {
    long long id;              /* 0 = not saved yet */
    char uid[CHILD_UID_BUF];   /* "<commune code>-<10 base32>", stable across machines */
    char code[CHILD_CODE_BUF]; /* "TE-0042", unique in this database */
    long long rev;             /* bumped by every saved change (stale edits are refused) */
    char created_at[20], updated_at[20]; /* "yyyy-mm-dd hh:mm" */
    long long village_id;      /* 0 = none / not resolved yet */

    char *full_name;
    struct date birth_date;
    int est_age;
    struct date est_age_on;
    int sex;                   /* enum child_sex */
    char *ethnicity;
    char *personal_id;
    char *village;
    char *address;
    char *father_name, *father_phone;
    char *mother_name, *mother_phone;
    char *carer_name, *carer_phone, *carer_relation;
    int birth_registered;
    int birth_reg_timing;      /* enum birth_reg_timing */
    struct date birth_reg_date;
    int bhyt;
    char *bhyt_number;
    int disability;
    char *disability_note;
    int household;             /* enum household */
    int school;                /* enum school */
    struct date vaccinated_on;
    char *notes;
};

/* An empty record: no text, unknown dates, ages and yes/no fields. */
void child_init(struct child *c);
/* Frees the text fields and re-initialises c. */
void child_free(struct child *c);
/* A deep copy of src into dst (dst is overwritten, not freed first). */
enum status child_copy(struct child *dst, const struct child *src);

/* The field with this key ("father_phone"; '-' counts as '_'), or CF_NONE. */
enum child_field child_field_find(const char *key);

/* Sets field f from typed text: NFC, trimmed; "" clears the field. Dates are
 * dd/mm/yyyy (or ISO), ages whole years, yes/no as có/không/yes/no/1/0,
 * closed lists by code or label (see enum_parse). Only the syntax is checked
 * here (31/02/2024, "abc" as an age, an unknown sex); ranges and the rules
 * between fields are child_validate()'s. ST_INVALID with a message that
 * starts with the field's label; c is unchanged then. */
enum status child_field_parse(struct child *c, enum child_field f, const char *text);

/* True when text is a personal ID or phone number that a spreadsheet's
 * number guessing has robbed of its leading 0 (both always start with 0):
 * digits only, no leading 0, one digit short (ID: 11 digits; phone: 8 to
 * 10). Putting "0" in front gives the number as written. */
bool child_field_lost_zero(enum child_field f, const char *text);

enum child_format { CHILD_FMT_STORE, CHILD_FMT_SHOW };
/* Appends field f's value to out: STORE gives the stored text (ISO dates,
 * codes, "1"/"0"), SHOW what a person reads (dd/mm/yyyy, translated labels);
 * unknown values give "". False when memory runs out. */
bool child_field_text(const struct child *c, enum child_field f, enum child_format fmt,
                      struct strbuf *out);

#endif
