/* child_rules — normalising, validation, ages, duplicate scoring. */
#include <config.h>
#include "treem/model/child_rules.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool known(struct date d) { return d.y != 0; }

/* d moved by `years` whole years; 29/02 becomes 28/02 in a common year. */
static struct date add_years(struct date d, int years)
{
    d.y += years;
    if (d.m == 2 && d.d == 29 && !date_is_leap(d.y))
        d.d = 28;
    return d;
}

void child_normalize(struct child *c, struct date today)
{
    if (known(c->birth_date)) {
        c->est_age = -1;
        c->est_age_on = (struct date){0, 0, 0};
    } else if (c->est_age >= 0 && !known(c->est_age_on)) {
        c->est_age_on = today;
    } else if (c->est_age < 0) {
        c->est_age_on = (struct date){0, 0, 0};
    }
    if (c->birth_registered < 0 && (known(c->birth_reg_date) || c->birth_reg_timing != BIRTH_REG_TIMING_UNKNOWN))
        c->birth_registered = 1;
    if (c->birth_registered == 1 && c->birth_reg_timing == BIRTH_REG_TIMING_UNKNOWN &&
        known(c->birth_reg_date) && known(c->birth_date) &&
        date_cmp(c->birth_reg_date, c->birth_date) >= 0) {
        long late = date_to_days(c->birth_reg_date) - date_to_days(c->birth_date);
        c->birth_reg_timing = late <= CHILD_BIRTH_REG_DAYS ? BIRTH_REG_ON_TIME : BIRTH_REG_LATE;
    }
}

struct date child_birth_eff(const struct child *c)
{
    if (known(c->birth_date))
        return c->birth_date;
    if (c->est_age >= 0 && known(c->est_age_on))
        return add_years(c->est_age_on, -c->est_age);
    return (struct date){0, 0, 0};
}

int child_age_on(const struct child *c, struct date day, bool *estimated)
{
    struct date eff = child_birth_eff(c);
    if (estimated)
        *estimated = !known(c->birth_date);
    if (!known(eff) || date_cmp(day, eff) < 0)
        return -1;
    return date_age_years(eff, day);
}

bool child_is_over_16(const struct child *c, struct date day)
{
    return child_age_on(c, day, NULL) >= CHILD_AGE_LIMIT;
}

/* ------------------------------------------------------------ validation */

static enum status bad_field(enum child_field f, enum child_field *bad, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum status bad_field(enum child_field f, enum child_field *bad, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (bad)
        *bad = f;
    return status_set(ST_INVALID, "%s: %s", _(child_fields[f].label), msg);
}

static const char *text_of(const struct child *c, enum child_field f)
{
    const char *s = *(char *const *)((const char *)c + child_fields[f].offset);
    return s ? s : "";
}

static bool phone_ok(const char *s)
{
    size_t digits = 0;
    bool plus = false;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (*p == '+' && p == s)
            plus = true;
        else if (!strchr(" .-()", *p))
            return false;
    }
    if (plus)
        return strncmp(s, "+84", 3) == 0 && digits >= 11 && digits <= 12;
    return digits >= 9 && digits <= 11;
}

static enum status check_text(const struct child *c, enum child_field f, enum child_field *bad)
{
    const char *s = text_of(c, f);
    size_t n = utf8_char_count(s);
    const struct child_field_def *d = &child_fields[f];
    if (f == CF_FULL_NAME && !*s)
        return bad_field(f, bad, "%s", _("must not be empty"));
    if (d->kind == CFK_PID && *s) {
        for (const char *p = s; *p; p++)
            if (!isdigit((unsigned char)*p))
                return bad_field(f, bad, _("'%s' must contain only digits (12 digits)"), s);
        if (n != 12)
            return bad_field(f, bad, _("must have exactly 12 digits (has %zu)"), n);
    }
    if (d->kind == CFK_PHONE && *s && !phone_ok(s))
        return bad_field(f, bad, _("'%s' is not a phone number (9 to 11 digits, e.g. 0912345678)"), s);
    if ((int)n > d->max)
        return bad_field(f, bad, _("at most %d characters (now %zu)"), d->max, n);
    return ST_OK;
}

static enum status check_date(const struct child *c, enum child_field f, struct date today,
                              enum child_field *bad)
{
    struct date d = *(const struct date *)((const char *)c + child_fields[f].offset);
    char buf[DATE_BUF];
    if (!known(d))
        return ST_OK;
    date_format(d, buf);
    if (date_cmp(d, today) > 0)
        return bad_field(f, bad, _("%s is in the future"), buf);
    if (d.y < 1900)
        return bad_field(f, bad, _("%s is before 1900"), buf);
    if (f != CF_BIRTH_DATE && f != CF_EST_AGE_ON && known(c->birth_date) &&
        date_cmp(d, c->birth_date) < 0)
        return bad_field(f, bad, _("%s is before the date of birth"), buf);
    return ST_OK;
}

static bool birth_changed(const struct child *c, const struct child *old)
{
    return !old || date_cmp(c->birth_date, old->birth_date) != 0 || c->est_age != old->est_age ||
           date_cmp(c->est_age_on, old->est_age_on) != 0;
}

static enum status check_birth(const struct child *c, const struct child *old, struct date today,
                               enum child_field *bad)
{
    if (!known(c->birth_date) && c->est_age < 0)
        return bad_field(CF_BIRTH_DATE, bad, "%s", _("give a date of birth or an estimated age"));
    if (!known(c->birth_date) && c->est_age > CHILD_AGE_LIMIT - 1)
        return bad_field(CF_EST_AGE, bad, _("must be between 0 and %d years"), CHILD_AGE_LIMIT - 1);
    if (!known(c->birth_date) && !known(c->est_age_on))
        return bad_field(CF_EST_AGE_ON, bad, "%s", _("give the day the age was estimated"));
    int age = child_age_on(c, today, NULL);
    if (age >= CHILD_AGE_LIMIT && birth_changed(c, old)) {
        enum child_field f = known(c->birth_date) ? CF_BIRTH_DATE : CF_EST_AGE;
        return bad_field(f, bad, _("this person is %d years old; the register is for children under %d"),
                         age, CHILD_AGE_LIMIT);
    }
    return ST_OK;
}

enum status child_validate(const struct child *c, const struct child *old, struct date today,
                           enum child_field *bad)
{
    if (bad)
        *bad = CF_NONE;
    for (int f = 0; f < CF__COUNT; f++) {
        enum child_field_kind k = child_fields[f].kind;
        enum status st = ST_OK;
        if (k == CFK_TEXT || k == CFK_PHONE || k == CFK_PID || k == CFK_VILLAGE)
            st = check_text(c, f, bad);
        else if (k == CFK_DATE)
            st = check_date(c, f, today, bad);
        if (st != ST_OK)
            return st;
        if (f == CF_EST_AGE_ON && (st = check_birth(c, old, today, bad)) != ST_OK)
            return st;
    }
    if (c->birth_registered == 0 && c->birth_reg_timing != BIRTH_REG_TIMING_UNKNOWN)
        return bad_field(CF_BIRTH_REG_TIMING, bad, "%s", _("the birth is marked as not registered"));
    if (c->birth_registered == 0 && known(c->birth_reg_date))
        return bad_field(CF_BIRTH_REG_DATE, bad, "%s", _("the birth is marked as not registered"));
    return ST_OK;
}

/* ------------------------------------------------------------ duplicates */

static bool same_fold(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return false;
    char *fa = utf8_fold(a), *fb = utf8_fold(b);
    bool same = fa && fb && *fa && strcmp(fa, fb) == 0;
    free(fa);
    free(fb);
    return same;
}

static bool shared_guardian(const struct child *a, const struct child *b)
{
    const char *ga[] = {a->father_name, a->mother_name, a->carer_name};
    const char *gb[] = {b->father_name, b->mother_name, b->carer_name};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (same_fold(ga[i], gb[j]))
                return true;
    return false;
}

static unsigned birth_reasons(const struct child *a, const struct child *b)
{
    if (known(a->birth_date) && known(b->birth_date))
        return date_cmp(a->birth_date, b->birth_date) == 0 ? DUP_SAME_BIRTH : 0;
    struct date ea = child_birth_eff(a), eb = child_birth_eff(b);
    if (!known(ea) || !known(eb))
        return 0;
    long gap = labs(date_to_days(ea) - date_to_days(eb));
    return gap <= 366 ? DUP_CLOSE_AGE : 0;
}

static bool has_village(const struct child *c)
{
    return c->village_id || (c->village && *c->village);
}

struct child_dup child_dup_score(const struct child *a, const struct child *b)
{
    struct child_dup r = {0, 0, false};
    if (same_fold(a->full_name, b->full_name))
        r.reasons |= DUP_SAME_NAME;
    r.reasons |= birth_reasons(a, b);
    if ((a->village_id && a->village_id == b->village_id) || same_fold(a->village, b->village))
        r.reasons |= DUP_SAME_VILLAGE;
    if (shared_guardian(a, b))
        r.reasons |= DUP_SAME_GUARDIAN;
    if (a->personal_id && *a->personal_id && b->personal_id && strcmp(a->personal_id, b->personal_id) == 0)
        r.reasons |= DUP_SAME_ID;
    r.score = (r.reasons & DUP_SAME_NAME ? 40 : 0) + (r.reasons & DUP_SAME_BIRTH ? 30 : 0) +
              (r.reasons & DUP_CLOSE_AGE ? 15 : 0) + (r.reasons & DUP_SAME_VILLAGE ? 15 : 0) +
              (r.reasons & DUP_SAME_GUARDIAN ? 15 : 0);
    if (r.reasons & DUP_SAME_ID || r.score > 100)
        r.score = 100;
    r.likely = (r.reasons & DUP_SAME_ID) ||
               ((r.reasons & DUP_SAME_NAME) && (r.reasons & (DUP_SAME_BIRTH | DUP_CLOSE_AGE)) &&
                (r.reasons & (DUP_SAME_VILLAGE | DUP_SAME_GUARDIAN)));
    /* Without a village on either record nothing places the child: the same
     * name and the same date of birth are enough to ask. */
    if ((r.reasons & DUP_SAME_NAME) && (r.reasons & DUP_SAME_BIRTH) &&
        (!has_village(a) || !has_village(b)))
        r.likely = true;
    return r;
}

bool child_dup_reasons_text(unsigned reasons, struct strbuf *out)
{
    static const struct { unsigned bit; const char *label; } table[] = {
#define CHILD_X_DUP(id, bit, label) {bit, label},
        CHILD_DUP_REASONS(CHILD_X_DUP)
#undef CHILD_X_DUP
    };
    bool first = true;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        if (!(reasons & table[i].bit))
            continue;
        if ((!first && !strbuf_puts(out, ", ")) || !strbuf_puts(out, _(table[i].label)))
            return false;
        first = false;
    }
    return true;
}
