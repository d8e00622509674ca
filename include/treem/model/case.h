/* case — a case of harm or risk to a child and the steps of the support and
 * intervention process of Nghị định 56/2017 Điều 25–32 (DOMAIN.md §3): the
 * intake (Mẫu 01), the steps, the closed lists, validation, the stage derived
 * from the steps and the deadlines computed from their dates. Pure: no
 * storage, no clock (callers pass "now" and the holidays). */
#ifndef TREEM_MODEL_CASE_H
#define TREEM_MODEL_CASE_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/model/enums.h"

#define CASE_CODE_BUF 16          /* "VV-0007" */
#define CASE_UID_BUF 24           /* "<commune>-<10 base32>" */
#define CASE_EMERGENCY_HOURS 12   /* Điều 26–27: emergency action / separation within 12 hours */
#define CASE_PLAN_WORKING_DAYS 5  /* Điều 28: the plan within 5 working days */
#define CASE_APPROVAL_WORKING_DAYS 2 /* Điều 28: the chairman approves within 2 working days */
#define CASE_SEPARATION_DAYS 15   /* Điều 32: temporary separation at most 15 days */
#define CASE_TEXT_MAX 2000        /* longest free text, in characters */

/* X(id, stored code, label msgid, folded aliases) as in enums.h. */
#define CASE_SOURCE_LIST(X) \
    X(CASE_SRC_PHONE,     "phone",       N_("By phone"), "dien thoai|goi dien") \
    X(CASE_SRC_IN_PERSON, "in_person",   N_("In person"), "truc tiep") \
    X(CASE_SRC_VIA,       "via_person",  N_("Through someone"), "qua nguoi khac|nho nguoi") \
    X(CASE_SRC_111,       "hotline_111", N_("Child helpline 111"), "111|tong dai 111|tong dai") \
    X(CASE_SRC_SCHOOL,    "school",      N_("School"), "truong|nha truong") \
    X(CASE_SRC_POLICE,    "police",      N_("Police"), "cong an")

#define CASE_KIND_LIST(X) \
    X(CASE_KIND_SEXUAL,     "sexual_abuse",   N_("Sexual abuse"), "xam hai tinh duc|xhtd") \
    X(CASE_KIND_VIOLENCE,   "violence",       N_("Violence"), "bao luc") \
    X(CASE_KIND_EXPLOIT,    "exploitation",   N_("Exploitation"), "boc lot") \
    X(CASE_KIND_NEGLECT,    "neglect",        N_("Neglect"), "bo mac|bo roi bo mac") \
    X(CASE_KIND_ABANDON,    "abandonment",    N_("Abandonment"), "bo roi") \
    X(CASE_KIND_TRAFFICK,   "trafficking",    N_("Trafficking"), "mua ban") \
    X(CASE_KIND_INJURY,     "injury",         N_("Accident or injury"), "tai nan|thuong tich|tai nan thuong tich|tntt") \
    X(CASE_KIND_LAW,        "law_violation",  N_("In conflict with the law"), "vi pham phap luat") \
    X(CASE_KIND_DRUGS,      "drugs",          N_("Drug addiction"), "nghien ma tuy|ma tuy") \
    X(CASE_KIND_LABOUR,     "illegal_labour", N_("Unlawful child labour"), "lao dong trai quy dinh|lao dong") \
    X(CASE_KIND_RISK,       "at_risk",        N_("At risk"), "nguy co")

#define CASE_INJURY_LIST(X) \
    X(CASE_INJ_NONE,     "",         N_("Not an injury"), "") \
    X(CASE_INJ_DROWNING, "drowning", N_("Drowning"), "duoi nuoc") \
    X(CASE_INJ_TRAFFIC,  "traffic",  N_("Traffic"), "giao thong") \
    X(CASE_INJ_OTHER,    "other",    N_("Other accident"), "khac")

#define CASE_LEVEL_LIST(X) \
    X(CASE_LEVEL_PREVENTION,   "prevention",   N_("Prevention"), "phong ngua") \
    X(CASE_LEVEL_SUPPORT,      "support",      N_("Support"), "ho tro") \
    X(CASE_LEVEL_INTERVENTION, "intervention", N_("Intervention"), "can thiep")

#define CASE_STEP_LIST(X) \
    X(CASE_STEP_INITIAL,    "initial",    N_("Initial assessment"), "danh gia ban dau") \
    X(CASE_STEP_DETAILED,   "detailed",   N_("Detailed assessment"), "danh gia cu the|danh gia chi tiet") \
    X(CASE_STEP_MEETING,    "meeting",    N_("Case meeting"), "hop|hop truong hop") \
    X(CASE_STEP_PLAN,       "plan",       N_("Support plan"), "ke hoach|lap ke hoach") \
    X(CASE_STEP_APPROVAL,   "approval",   N_("Plan approval"), "phe duyet|duyet") \
    X(CASE_STEP_SERVICE,    "service",    N_("Service provided"), "thuc hien|dich vu") \
    X(CASE_STEP_FOLLOW_UP,  "follow_up",  N_("Follow-up"), "theo doi") \
    X(CASE_STEP_REVIEW,     "review",     N_("Review"), "ra soat|danh gia lai") \
    X(CASE_STEP_CLOSURE,    "closure",    N_("Closure"), "dong|dong ho so") \
    X(CASE_STEP_REOPEN,     "reopen",     N_("Reopened"), "mo lai") \
    X(CASE_STEP_SEPARATION, "separation", N_("Temporary separation"), "cach ly|tach tam thoi")

#define CASE_RATING_LIST(X) \
    X(CASE_RATING_HIGH,   "high",   N_("High risk"), "cao|nguy co cao") \
    X(CASE_RATING_MEDIUM, "medium", N_("Medium risk"), "trung binh|tb|nguy co trung binh") \
    X(CASE_RATING_LOW,    "low",    N_("Low risk"), "thap|nguy co thap")

/* The risk factors rated in the detailed assessment and the review (Mẫu 03,
 * Mẫu 06 of Nghị định 56/2017). The wording of the forms could not be read
 * in full [?]: these are the factors the forms name, editable only here. */
#define CASE_FACTOR_LIST(X) \
    X(CASE_FACTOR_SAFETY,    "physical_safety", N_("Physical safety"), "an toan|an toan the chat|an toan ve the chat") \
    X(CASE_FACTOR_HEALTH,    "health",          N_("Health"), "suc khoe") \
    X(CASE_FACTOR_CARE,      "care",            N_("Care and upbringing"), "cham soc|nuoi duong|cham soc nuoi duong") \
    X(CASE_FACTOR_EDUCATION, "education",       N_("Schooling and education"), "hoc tap|giao duc|hoc tap giao duc") \
    X(CASE_FACTOR_EMOTION,   "emotional",       N_("Mental and emotional state"), "tam ly|tinh cam|tam ly tinh cam") \
    X(CASE_FACTOR_FAMILY,    "family",          N_("Family relationships"), "gia dinh|quan he gia dinh") \
    X(CASE_FACTOR_SOCIAL,    "social",          N_("Community and social relationships"), "xa hoi|cong dong|quan he xa hoi") \
    X(CASE_FACTOR_LIVING,    "living",          N_("Living conditions"), "dieu kien song|noi o|moi truong song")

/* The stage, derived from the steps done (case_stage), never typed. */
#define CASE_STAGE_LIST(X) \
    X(CASE_STAGE_INTAKE,     "intake",       N_("Received"), "tiep nhan") \
    X(CASE_STAGE_ASSESSMENT, "assessment",   N_("Being assessed"), "danh gia") \
    X(CASE_STAGE_PLANNING,   "planning",     N_("Plan being written"), "lap ke hoach") \
    X(CASE_STAGE_APPROVAL,   "approval",     N_("Awaiting approval"), "cho duyet|cho phe duyet") \
    X(CASE_STAGE_CARRYING,   "carrying_out", N_("Carrying out"), "thuc hien|dang thuc hien") \
    X(CASE_STAGE_CLOSED,     "closed",       N_("Closed"), "da dong|dong")

/* Who uses the program, from the setting "role". The security work will add
 * users and log-in; today one role is set per database. */
#define CASE_ROLE_LIST(X) \
    X(ROLE_OFFICER,      "officer",      N_("Commune officer"), "can bo") \
    X(ROLE_COLLABORATOR, "collaborator", N_("Village collaborator"), "ctv|cong tac vien") \
    X(ROLE_VIEWER,       "viewer",       N_("Viewer"), "xem")

/* The lists as enum case_source, case_kind, … and their enum_def tables
 * enum_case_source, enum_case_kind, … (ENUM_DECLARE in enums.h). */
#define CASE_ENUMS(E)                                                    \
    E(case_source, enum_case_source, CASE_SOURCE_LIST, CASE_SRC__COUNT)    \
    E(case_kind, enum_case_kind, CASE_KIND_LIST, CASE_KIND__COUNT)         \
    E(case_injury, enum_case_injury, CASE_INJURY_LIST, CASE_INJ__COUNT)    \
    E(case_level, enum_case_level, CASE_LEVEL_LIST, CASE_LEVEL__COUNT)     \
    E(case_step_kind, enum_case_step, CASE_STEP_LIST, CASE_STEP__COUNT)    \
    E(case_rating, enum_case_rating, CASE_RATING_LIST, CASE_RATING__COUNT) \
    E(case_factor, enum_case_factor, CASE_FACTOR_LIST, CASE_FACTOR__COUNT) \
    E(case_stage, enum_case_stage, CASE_STAGE_LIST, CASE_STAGE__COUNT)     \
    E(user_role, enum_user_role, CASE_ROLE_LIST, ROLE__COUNT)

CASE_ENUMS(ENUM_DECLARE)

/* The intake (Mẫu 01) and what the program keeps about the case. */
struct case_file {
    long long id;                 /* 0 = not saved yet */
    char uid[CASE_UID_BUF];
    char code[CASE_CODE_BUF];     /* "VV-0007" */
    long long rev;
    int source;                   /* enum case_source */
    struct datetime received;     /* date and hour the report came */
    long long child_id;           /* the child in the register, 0 = unidentified */
    char *child_note;             /* unidentified child: what is known */
    int est_age;                  /* unidentified child: 0–17, -1 unknown */
    int sex;                      /* unidentified child: enum child_sex */
    char *place, *current_state, *consequence, *parents, *carer, *actions_taken;
    int kind;                     /* enum case_kind */
    int injury;                   /* enum case_injury: set exactly for CASE_KIND_INJURY */
    bool died;                    /* outcome: tử vong */
    int level;                    /* enum case_level */
    char *level_reason;           /* why a lower level than case_default_level(kind) */
    bool consent;                 /* the reporter agreed to leave name, phone, address */
    char *reporter_name, *reporter_phone, *reporter_address; /* NULL without consent */
    int stage;                    /* enum case_stage, as stored (derived) */
    char created_at[20], updated_at[20];
};

/* One step of the process. */
struct case_step {
    long long id, case_id;
    int kind;                     /* enum case_step_kind */
    struct datetime at;           /* when done (separation: when it started) */
    int emergency;                /* initial assessment: 1 yes, 0 no; -1 for other kinds */
    struct datetime end;          /* separation: when it ended; date.y == 0 while it lasts */
    char *who, *notes;
};

struct case_risk { long long id, step_id; char *factor; int rating; };

struct case_service {
    long long id, step_id;
    char *task;
    long long department_id;      /* 0 = none given */
    struct date start_on, end_on; /* y == 0 when not set */
    long long cost;               /* đồng, -1 unknown */
    char *department_name;        /* filled when read */
};


void case_file_init(struct case_file *c);
void case_file_free(struct case_file *c);
void case_step_init(struct case_step *s, int kind);
void case_step_free(struct case_step *s);
void case_steps_free(struct case_step *list, size_t n);
void case_risks_free(struct case_risk *list, size_t n);
void case_services_free(struct case_service *list, size_t n);

/* Parses a date ("dd/mm/yyyy") and an hour ("hh:mm", NULL or "" = 00:00
 * only when hour_optional) into out. ST_INVALID with a message starting with
 * `field` ("received: 25:00 is not an hour"). */
enum status case_parse_datetime(const char *field, const char *date_text, const char *time_text,
                                bool hour_optional, struct datetime *out);
/* "yyyy-mm-dd hh:mm" (stored form) ↔ struct datetime; parse gives false on bad text. */
void case_datetime_iso(struct datetime t, char buf[DATETIME_BUF]);
bool case_datetime_from_iso(const char *s, struct datetime *out);
/* A valid calendar date with 0 ≤ hour ≤ 23 and 0 ≤ min ≤ 59. */
bool case_datetime_valid(struct datetime t);

/* Checks the intake: source, kind, level, the injury cause exactly for
 * injuries, a valid date and hour not after `now`, an estimated age 0–15
 * (16 and older: refused with the reason),
 * texts within CASE_TEXT_MAX, the reporter's identity empty without consent.
 * ST_INVALID with a message starting with the field's label. */
enum status case_validate(const struct case_file *c, struct datetime now);

/* Abuse (xâm hại, Luật Trẻ em Điều 4): sexual abuse, violence,
 * exploitation, unlawful child labour (a form of exploitation), neglect,
 * abandonment and trafficking. */
bool case_kind_is_abuse(int kind);
/* The protection level a kind starts at: intervention for abuse (Luật Trẻ
 * em Điều 50), support otherwise. A lower level than this one needs a
 * level_reason (case_validate). */
int case_default_level(int kind);
/* Nghị định 56/2017 covers children under 16 (Luật Trẻ em Điều 1): ST_INVALID
 * naming the field "child" when the child born (or estimated born) on birth
 * is 16 or older on the day the report came. birth.y == 0: nothing known. */
enum status case_check_child_age(struct date birth, struct date received);
/* A level below case_default_level(kind) needs a level_reason: ST_INVALID
 * naming the protection level otherwise. Checked when a case is entered
 * (cases_add), not on records exchanged from before the rule. */
enum status case_validate_level(const struct case_file *c);
/* The label of a stored risk factor: the list's (translated) for a code of
 * CASE_FACTOR_LIST, else the stored text (records made before the list). */
const char *case_factor_label(const char *stored);

/* Checks a risk factor (a factor of CASE_FACTOR_LIST, typed as its code, its
 * label or an alias, and a rating) and a plan item (task, a start not after
 * its end, cost ≥ 0). ST_INVALID naming the field. case_risk_validate
 * replaces r->factor by the factor's code. */
enum status case_risk_validate(struct case_risk *r);
enum status case_service_validate(const struct case_service *v);

#endif
