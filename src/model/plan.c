/* plan — plan, target and event structs: validation and pure rules. */
#include <config.h>
#include "treem/model/plan.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest texts accepted (bytes): a title or target is one sentence; the
 * free-text sections of a plan may be pages long. */
#define PLAN_SHORT_MAX 500
#define PLAN_LONG_MAX 20000

bool plan_date_set(struct date d)
{
    return d.y != 0;
}

static const size_t plan_off[] = {
    offsetof(struct plan, number), offsetof(struct plan, issuer), offsetof(struct plan, title),
    offsetof(struct plan, upstream), offsetof(struct plan, purpose),
    offsetof(struct plan, requirements), offsetof(struct plan, budget)};
static const size_t target_off[] = {offsetof(struct plan_target, text),
    offsetof(struct plan_target, measure), offsetof(struct plan_target, typed_source)};
static const size_t event_off[] = {offsetof(struct plan_event, name)};
static const size_t cal_off[] = {offsetof(struct plan_cal_item, name),
    offsetof(struct plan_cal_item, detail)};
static const struct mem_strings plan_strings = MEM_STRINGS(struct plan, plan_off),
    target_strings = MEM_STRINGS(struct plan_target, target_off),
    event_strings = MEM_STRINGS(struct plan_event, event_off),
    cal_strings = MEM_STRINGS(struct plan_cal_item, cal_off);

void plan_clear(struct plan *p) { mem_strings_clear(&plan_strings, p); }
void plan_target_clear(struct plan_target *t) { mem_strings_clear(&target_strings, t); }
void plan_event_clear(struct plan_event *e) { mem_strings_clear(&event_strings, e); }

void plan_list_free(struct plan *list, size_t n) { mem_strings_list_free(&plan_strings, list, n); }

void plan_target_list_free(struct plan_target *list, size_t n)
{
    mem_strings_list_free(&target_strings, list, n);
}

void plan_event_list_free(struct plan_event *list, size_t n)
{
    mem_strings_list_free(&event_strings, list, n);
}

void plan_cal_list_free(struct plan_cal_item *list, size_t n)
{
    mem_strings_list_free(&cal_strings, list, n);
}

/* True when s holds something other than white space. */
static bool has_text(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return true;
    return false;
}

/* Checks a text field: valid UTF-8, at most max bytes, present if required. */
static enum status check_text(const char *field, const char *s, size_t max, bool required)
{
    if (required && !has_text(s))
        return status_set(ST_INVALID, _("%s: must not be empty"), field);
    return utf8_check_text(field, s, max);
}

/* An unset date passes unless required; a set one must be a real day. */
static enum status check_date(const char *field, struct date d, bool required)
{
    if (!plan_date_set(d))
        return required ? status_set(ST_INVALID, _("%s: a date is required"), field) : ST_OK;
    if (!date_valid(d))
        return status_set(ST_INVALID, _("%s: %02d/%02d/%04d is not a valid date"),
                          field, d.d, d.m, d.y);
    return ST_OK;
}

static enum status check_plan_texts(const struct plan *p)
{
    const struct { const char *field, *text; size_t max; bool required; } texts[] = {
        {N_("plan title"), p->title, PLAN_SHORT_MAX, true},
        {N_("plan number"), p->number, 64, false},
        {N_("issuing body"), p->issuer, PLAN_SHORT_MAX, false},
        {N_("upstream plans"), p->upstream, PLAN_LONG_MAX, false},
        {N_("purpose"), p->purpose, PLAN_LONG_MAX, false},
        {N_("requirements"), p->requirements, PLAN_LONG_MAX, false},
        {N_("budget sources"), p->budget, PLAN_LONG_MAX, false},
    };
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof texts / sizeof *texts; i++)
        st = check_text(_(texts[i].field), texts[i].text, texts[i].max, texts[i].required);
    return st;
}

static enum status check_plan_dates(const struct plan *p)
{
    const struct { const char *field; struct date d; } dates[] = {
        {N_("plan date"), p->issued_on},
        {N_("6-month report deadline"), p->report_half},
        {N_("annual report deadline"), p->report_year},
    };
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof dates / sizeof *dates; i++)
        st = check_date(_(dates[i].field), dates[i].d, false);
    return st;
}

enum status plan_validate(const struct plan *p)
{
    enum status st = check_plan_texts(p);
    if (st != ST_OK)
        return st;
    if (p->year < 1900 || p->year > 2999)
        return status_set(ST_INVALID, _("%s: %d is not a year (1900–2999)"), _("plan year"), p->year);
    st = check_plan_dates(p);
    if (st != ST_OK)
        return st;
    if (plan_date_set(p->report_half) && plan_date_set(p->report_year) &&
        date_cmp(p->report_half, p->report_year) > 0) {
        char a[DATE_BUF], b[DATE_BUF];
        date_format(p->report_half, a);
        date_format(p->report_year, b);
        return status_set(ST_INVALID, _("%s: %s is after the annual report deadline %s"),
                          _("6-month report deadline"), a, b);
    }
    return ST_OK;
}

/* A value in a unit: 0–100 for a percentage, a whole number ≥ 0 for a count. */
static enum status check_value(const char *field, double v, enum plan_unit unit)
{
    if (!isfinite(v))
        return status_set(ST_INVALID, _("%s: not a number"), field);
    if (unit == PLAN_UNIT_PERCENT && (v < 0 || v > 100))
        return status_set(ST_INVALID, _("%s: %g %% is not between 0 and 100 %%"), field, v);
    if (unit == PLAN_UNIT_COUNT && v < 0)
        return status_set(ST_INVALID, _("%s: a count cannot be negative (%g)"), field, v);
    if (unit == PLAN_UNIT_COUNT && v != floor(v))
        return status_set(ST_INVALID, _("%s: a count must be a whole number (%g)"), field, v);
    return ST_OK;
}

enum status plan_target_validate(const struct plan_target *t)
{
    enum status st = check_text(_("target text"), t->text, PLAN_SHORT_MAX, true);
    if (st != ST_OK)
        return st;
    if (t->unit != PLAN_UNIT_PERCENT && t->unit != PLAN_UNIT_COUNT)
        return status_set(ST_INVALID, _("%s: must be percent or count"), _("target unit"));
    if (t->direction != PLAN_AT_LEAST && t->direction != PLAN_AT_MOST)
        return status_set(ST_INVALID, _("%s: must be at least or at most"), _("target direction"));
    st = check_value(_("target value"), t->value, t->unit);
    if (st != ST_OK || !t->has_typed)
        return st;
    st = check_value(_("measured value"), t->typed_value, t->unit);
    if (st == ST_OK)
        st = check_text(_("source of the value"), t->typed_source, PLAN_SHORT_MAX, true);
    if (st == ST_OK)
        st = check_date(_("date of the value"), t->typed_on, false);
    return st;
}

enum status plan_event_validate(const struct plan_event *e)
{
    enum status st = check_text(_("event name"), e->name, PLAN_SHORT_MAX, true);
    if (st == ST_OK)
        st = check_date(_("event date"), e->start_on, true);
    if (st == ST_OK)
        st = check_date(_("event end date"), e->end_on, false);
    if (st != ST_OK)
        return st;
    if (e->kind != PLAN_EVENT_EVENT && e->kind != PLAN_EVENT_CAMPAIGN &&
        e->kind != PLAN_EVENT_DEADLINE)
        return status_set(ST_INVALID, _("%s: must be event, campaign or deadline"), _("event kind"));
    if (plan_date_set(e->end_on) && date_cmp(e->end_on, e->start_on) < 0) {
        char a[DATE_BUF], b[DATE_BUF];
        date_format(e->end_on, a);
        date_format(e->start_on, b);
        return status_set(ST_INVALID, _("%s: %s is before the start %s"), _("event end date"), a, b);
    }
    return ST_OK;
}

enum target_result plan_target_evaluate(const struct plan_target *t, bool have_value,
                                        double measured)
{
    if (!have_value || !isfinite(measured))
        return TARGET_UNKNOWN;
    /* A tolerance so that 98.0 computed as 97.99999999 still meets 98 %. */
    const double eps = 1e-9;
    if (t->direction == PLAN_AT_LEAST)
        return measured >= t->value - eps ? TARGET_MET : TARGET_NOT_MET;
    return measured <= t->value + eps ? TARGET_MET : TARGET_NOT_MET;
}

struct date plan_shift_year(struct date d, int years)
{
    if (!plan_date_set(d))
        return d;
    d.y += years;
    int last = date_days_in_month(d.y, d.m);
    if (d.d > last)
        d.d = last; /* 29/02 in a common year */
    return d;
}

enum status plan_parse_date(const char *field, const char *text, struct date *out)
{
    if (!has_text(text)) {
        *out = PLAN_NO_DATE;
        return ST_OK;
    }
    if (date_parse(text, out) != ST_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", status_message());
        return status_set(ST_INVALID, "%s: %s", field, msg);
    }
    return ST_OK;
}

PLAN_ENUMS(ENUM_DEFINE)

const char *plan_unit_code(enum plan_unit u) { return enum_code(&enum_plan_unit, u); }
const char *plan_direction_code(enum plan_direction d) { return enum_code(&enum_plan_direction, d); }
const char *plan_direction_label(enum plan_direction d) { return enum_label(&enum_plan_direction, d); }

const char *plan_event_kind_code(enum plan_event_kind k)
{
    return enum_code(&enum_plan_event_kind, k);
}

const char *plan_event_kind_label(enum plan_event_kind k)
{
    return enum_label(&enum_plan_event_kind, k);
}

bool plan_unit_parse(const char *s, enum plan_unit *out)
{
    int k = enum_from_code_dashed(&enum_plan_unit, s);
    if (k < 0 && s && strcmp(s, "%") == 0)
        k = PLAN_UNIT_PERCENT;
    if (k >= 0)
        *out = (enum plan_unit)k;
    return k >= 0;
}

bool plan_direction_parse(const char *s, enum plan_direction *out)
{
    int k = enum_from_code_dashed(&enum_plan_direction, s);
    if (k >= 0)
        *out = (enum plan_direction)k;
    return k >= 0;
}

bool plan_event_kind_parse(const char *s, enum plan_event_kind *out)
{
    int k = enum_from_code_dashed(&enum_plan_event_kind, s);
    if (k >= 0)
        *out = (enum plan_event_kind)k;
    return k >= 0;
}

const char *plan_target_result_label(enum target_result r)
{
    static const char *const labels[] = {N_("unknown"), N_("met"), N_("not met")};
    return _(labels[r == TARGET_MET ? 1 : r == TARGET_NOT_MET ? 2 : 0]);
}

const char *plan_cal_kind_label(enum plan_cal_kind k)
{
    static const char *const labels[] = {N_("event"), N_("campaign"), N_("deadline"),
                                         N_("report deadline"), N_("report deadline"),
                                         N_("task due")};
    return _(labels[(unsigned)k < sizeof labels / sizeof *labels ? k : 0]);
}

void plan_label(const char *number, int year, char *buf, size_t size)
{
    if (number && *number)
        snprintf(buf, size, "%s (%d)", number, year);
    else
        snprintf(buf, size, _("Plan of %d"), year);
}

void plan_format_value(double v, enum plan_unit u, char *buf, size_t size)
{
    /* in the interface language: 8,5 % and 1.500 in Vietnamese */
    char n[NUMBER_BUF];
    number_format_decimal(v, u == PLAN_UNIT_PERCENT ? 2 : 6, n);
    snprintf(buf, size, "%s%s", n, u == PLAN_UNIT_PERCENT ? " %" : "");
}
