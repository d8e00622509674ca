/* report_cases — section 4 of the report: the cases received in the period
 * counted by form of abuse, sex, age band and place; children at risk;
 * accidents and injuries and deaths by cause; other kinds; protection
 * levels; closed, open and overdue. Counts only (Nghị định 56/2017 Điều 24):
 * the rows read carry no name and the place text is only classified. */
#include <config.h>
#include "report_internal.h"
#include "treem/app/cases.h"
#include "treem/db/report_repo.h"
#include "treem/core/i18n.h"
#include "treem/model/case.h"
#include "treem/model/case_place.h"
#include "treem/model/child.h"

#include <stdlib.h>
#include <string.h>

/* A tally by sex for each bucket (a case kind at most). */
#define TALLY_BUCKETS 16
_Static_assert(CASE_KIND__COUNT <= TALLY_BUCKETS, "a tally has a bucket per case kind");
struct tally { long long n[TALLY_BUCKETS][3]; };

static int sex_of(const struct report_case_row *c)
{
    int s = enum_from_code(&enum_child_sex, c->sex);
    return s < 0 ? CHILD_SEX_UNKNOWN : s;
}

/* Abuse (xâm hại) as the law counts it, one truth with the score
 * (model/case: Luật Trẻ em Điều 4, unlawful child labour and abandonment
 * included). */
static bool is_abuse(int kind)
{
    return kind >= 0 && case_kind_is_abuse(kind);
}

/* Age band 0–3 (0–2, 3–5, 6–10, 11–15), 4 = 16 or over, 5 = not known. */
static int age_band(const struct report_case_row *c)
{
    int age = c->est_age;
    if (date_valid(c->birth))
        age = date_age_years(c->birth, c->received);
    if (age < 0)
        return 5;
    return age <= 2 ? 0 : age <= 5 ? 1 : age <= 10 ? 2 : age <= 15 ? 3 : 4;
}

struct case_tallies {
    struct tally all, abuse, kind, age, place, risk, injury, death, other, level;
};

static void tally_one(struct case_tallies *t, const struct report_case_row *c)
{
    int s = sex_of(c);
    int kind = enum_from_code(&enum_case_kind, c->kind);
    int inj = enum_from_code(&enum_case_injury, c->injury);
    int lvl = enum_from_code(&enum_case_level, c->level);
    t->all.n[0][s]++;
    if (lvl >= 0 && lvl < TALLY_BUCKETS)
        t->level.n[lvl][s]++;
    if (is_abuse(kind)) {
        t->abuse.n[0][s]++;
        t->kind.n[kind][s]++;
        t->age.n[age_band(c)][s]++;
        t->place.n[case_place_of(c->place)][s]++;
    } else if (kind == CASE_KIND_RISK) {
        t->risk.n[0][s]++;
    } else if (kind == CASE_KIND_INJURY) {
        t->injury.n[inj > 0 ? inj : CASE_INJ_OTHER][s]++;
        t->injury.n[0][s]++;
    } else if (kind == CASE_KIND_LAW || kind == CASE_KIND_DRUGS) {
        t->other.n[kind - CASE_KIND_LAW + 1][s]++;
    }
    if (c->died) {
        t->death.n[0][s]++;
        int cause = kind == CASE_KIND_INJURY ? (inj > 0 ? inj : CASE_INJ_OTHER)
                  : is_abuse(kind) ? 4 : 5;
        t->death.n[cause][s]++;
    }
}

/* One line per bucket: code prefix.k for k in keys, labels from labels. */
static enum status add_rows(struct report *r, const char *prefix, const struct tally *t,
                            const int *keys, const char *const *labels, size_t n)
{
    enum status st = ST_OK;
    for (size_t i = 0; i < n && st == ST_OK; i++) {
        char code[REPORT_CODE_BUF];
        snprintf(code, sizeof code, "%s.%zu", prefix, i + 1);
        st = report_sexed(r, REPORT_SEC_PROTECTION, 2, code, _(labels[i]), t->n[keys[i]]);
    }
    return st;
}

static enum status add_abuse(struct report *r, const struct case_tallies *t)
{
    /* BV02.1–5 as first coded; abandonment and child labour follow */
    static const int kinds[] = {CASE_KIND_SEXUAL, CASE_KIND_VIOLENCE, CASE_KIND_EXPLOIT,
                                CASE_KIND_NEGLECT, CASE_KIND_TRAFFICK, CASE_KIND_ABANDON,
                                CASE_KIND_LABOUR};
    enum { NKINDS = sizeof kinds / sizeof *kinds };
    const char *kl[NKINDS];
    for (int i = 0; i < NKINDS; i++)
        kl[i] = enum_label(&enum_case_kind, kinds[i]);
    static const int ages[] = {0, 1, 2, 3, 4, 5};
    static const char *const al[] = {N_("Aged 0–2"), N_("Aged 3–5"), N_("Aged 6–10"),
                                     N_("Aged 11–15"), N_("Aged 16 or over"), N_("Age not known")};
    static const int places[] = {CASE_PLACE_FAMILY, CASE_PLACE_SCHOOL, CASE_PLACE_COMMUNITY,
                                 CASE_PLACE_ONLINE, CASE_PLACE_OTHER, CASE_PLACE_UNKNOWN};
    const char *pl[6];
    for (int i = 0; i < 6; i++)
        pl[i] = case_place_label(places[i]);
    enum status st = report_sexed(r, REPORT_SEC_PROTECTION, 1, "BV02",
                                  _("Abuse cases received (xâm hại), by form"), t->abuse.n[0]);
    if (st == ST_OK)
        st = add_rows(r, "BV02", &t->kind, kinds, kl, NKINDS);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_PROTECTION, 1, "BV03", _("Abuse cases by the child's age"),
                         "%s", "");
    if (st == ST_OK)
        st = add_rows(r, "BV03", &t->age, ages, al, 6);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_PROTECTION, 1, "BV04",
                         _("Abuse cases by where it happened"), "%s", "");
    if (st == ST_OK)
        st = add_rows(r, "BV04", &t->place, places, pl, 6);
    return st;
}

static enum status add_harm(struct report *r, const struct case_tallies *t)
{
    static const int causes[] = {CASE_INJ_DROWNING, CASE_INJ_TRAFFIC, CASE_INJ_OTHER};
    static const char *const cl[] = {N_("Drowning"), N_("Traffic"), N_("Other accident")};
    static const int deaths[] = {CASE_INJ_DROWNING, CASE_INJ_TRAFFIC, CASE_INJ_OTHER, 4, 5};
    static const char *const dl[] = {N_("Drowning"), N_("Traffic"), N_("Other accident"),
                                     N_("Abuse"), N_("Other cause")};
    static const int others[] = {1, 2}; /* unlawful child labour counts as abuse (BV02.7) */
    static const char *const ol[] = {N_("In conflict with the law"), N_("Drug addiction")};
    enum status st = report_sexed(r, REPORT_SEC_PROTECTION, 1, "BV05",
                                  _("Children at risk (cases received)"), t->risk.n[0]);
    if (st == ST_OK)
        st = report_sexed(r, REPORT_SEC_PROTECTION, 1, "BV06",
                          _("Accidents and injuries, by cause"), t->injury.n[0]);
    if (st == ST_OK)
        st = add_rows(r, "BV06", &t->injury, causes, cl, 3);
    if (st == ST_OK)
        st = report_sexed(r, REPORT_SEC_PROTECTION, 1, "BV07", _("Deaths, by cause"),
                          t->death.n[0]);
    if (st == ST_OK)
        st = add_rows(r, "BV07", &t->death, deaths, dl, 5);
    long long other[3];
    for (int s = 0; s < 3; s++)
        other[s] = t->other.n[1][s] + t->other.n[2][s];
    if (st == ST_OK)
        st = report_sexed(r, REPORT_SEC_PROTECTION, 1, "BV08", _("Other cases"), other);
    if (st == ST_OK)
        st = add_rows(r, "BV08", &t->other, others, ol, 2);
    return st;
}

static enum status add_levels(struct report *r, const struct case_tallies *t)
{
    static const int lv[] = {CASE_LEVEL_PREVENTION, CASE_LEVEL_SUPPORT, CASE_LEVEL_INTERVENTION};
    const char *ll[3];
    for (int i = 0; i < 3; i++)
        ll[i] = enum_label(&enum_case_level, lv[i]);
    enum status st = report_text(r, REPORT_SEC_PROTECTION, 1, "BV09",
                                 _("By protection level"), "%s", "");
    if (st == ST_OK)
        st = add_rows(r, "BV09", &t->level, lv, ll, 3);
    return st;
}

/* BV10 closed in the period; BV11, BV12 open cases and overdue steps today. */
static enum status add_open(struct db *db, struct report *r, long long closed)
{
    enum status st = report_num(r, REPORT_SEC_PROTECTION, 1, "BV10",
                                _("Cases closed in the period"), closed);
    long open = 0, overdue = 0;
    char today[DATE_BUF], label[REPORT_LABEL_BUF];
    date_format(date_today(), today);
    if (st == ST_OK && cases_counts(db, date_now(), &open, &overdue) != ST_OK) {
        status_clear();
        open = overdue = -1;
    }
    snprintf(label, sizeof label, _("Open cases today (%s)"), today);
    if (st == ST_OK)
        st = open < 0 ? report_na(r, REPORT_SEC_PROTECTION, 1, "BV11", label)
                      : report_num(r, REPORT_SEC_PROTECTION, 1, "BV11", label, open);
    snprintf(label, sizeof label, _("Overdue steps today (%s)"), today);
    if (st == ST_OK)
        st = overdue < 0 ? report_na(r, REPORT_SEC_PROTECTION, 1, "BV12", label)
                         : report_num(r, REPORT_SEC_PROTECTION, 1, "BV12", label, overdue);
    return st;
}

enum status report_add_protection(struct db *db, struct report *r)
{
    struct report_case_row *rows;
    size_t n;
    long long received, died, closed;
    enum status st = report_repo_case_totals(db, r->from, r->to, &received, &died, &closed);
    if (st == ST_OK)
        st = report_repo_cases(db, r->from, r->to, &rows, &n);
    if (st != ST_OK)
        return st;
    struct case_tallies *t = calloc(1, sizeof *t);
    if (!t) {
        report_case_rows_free(rows, n);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    for (size_t i = 0; i < n; i++)
        tally_one(t, &rows[i]);
    report_case_rows_free(rows, n);
    st = report_sexed(r, REPORT_SEC_PROTECTION, 1, "BV01", _("Cases received in the period"),
                      t->all.n[0]);
    if (st == ST_OK)
        st = add_abuse(r, t);
    if (st == ST_OK)
        st = add_harm(r, t);
    if (st == ST_OK)
        st = add_levels(r, t);
    if (st == ST_OK)
        st = add_open(db, r, closed);
    free(t);
    return st;
}
