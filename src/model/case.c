/* case — the case record, its closed lists, parsing and validation. */
#include <config.h>
#include "treem/model/case.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

CASE_ENUMS(ENUM_DEFINE)

void case_file_init(struct case_file *c)
{
    memset(c, 0, sizeof *c);
    c->source = c->kind = c->level = -1;
    c->est_age = -1;
    c->sex = CHILD_SEX_UNKNOWN;
    c->injury = CASE_INJ_NONE;
    c->stage = CASE_STAGE_INTAKE;
}

void case_file_free(struct case_file *c)
{
    char **texts[] = {&c->child_note, &c->place, &c->current_state, &c->consequence, &c->parents,
                      &c->carer, &c->actions_taken, &c->reporter_name, &c->reporter_phone,
                      &c->reporter_address, &c->level_reason};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        free(*texts[i]);
    case_file_init(c);
}

void case_step_init(struct case_step *s, int kind)
{
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->emergency = -1;
}

void case_step_free(struct case_step *s)
{
    free(s->who);
    free(s->notes);
    case_step_init(s, s->kind);
}

static const size_t step_off[] = {offsetof(struct case_step, who), offsetof(struct case_step, notes)};
static const size_t risk_off[] = {offsetof(struct case_risk, factor)};
static const size_t service_off[] = {offsetof(struct case_service, task),
                                     offsetof(struct case_service, department_name)};
static const struct mem_strings step_strings = MEM_STRINGS(struct case_step, step_off),
    risk_strings = MEM_STRINGS(struct case_risk, risk_off),
    service_strings = MEM_STRINGS(struct case_service, service_off);

void case_steps_free(struct case_step *list, size_t n)
{
    mem_strings_list_free(&step_strings, list, n);
}

void case_risks_free(struct case_risk *list, size_t n)
{
    mem_strings_list_free(&risk_strings, list, n);
}

void case_services_free(struct case_service *list, size_t n)
{
    mem_strings_list_free(&service_strings, list, n);
}

bool case_datetime_valid(struct datetime t)
{
    return date_valid(t.date) && t.hour >= 0 && t.hour <= 23 && t.min >= 0 && t.min <= 59;
}

void case_datetime_iso(struct datetime t, char buf[DATETIME_BUF])
{
    char d[DATE_BUF];
    date_iso(t.date, d);
    snprintf(buf, DATETIME_BUF, "%s %02u:%02u", d, (unsigned)t.hour % 100u, (unsigned)t.min % 100u);
}

bool case_datetime_from_iso(const char *s, struct datetime *out)
{
    int y, m, d, hh, mm;
    char tail;
    if (!s || sscanf(s, "%4d-%2d-%2d %2d:%2d%c", &y, &m, &d, &hh, &mm, &tail) != 5)
        return false;
    struct datetime t = {{y, m, d}, hh, mm};
    if (!case_datetime_valid(t))
        return false;
    *out = t;
    return true;
}

/* Re-states the last status message with the field's label in front. */
static enum status name_field(const char *field)
{
    char msg[256];
    snprintf(msg, sizeof msg, "%s", status_message());
    return status_set(ST_INVALID, "%s: %s", field, msg);
}

enum status case_parse_datetime(const char *field, const char *date_text, const char *time_text,
                                bool hour_optional, struct datetime *out)
{
    struct datetime t = {{0, 0, 0}, 0, 0};
    if (!date_text || !*date_text)
        return status_set(ST_INVALID, _("%s: a date is required (dd/mm/yyyy)"), field);
    if (date_parse(date_text, &t.date) != ST_OK)
        return name_field(field);
    if (!time_text || !*time_text) {
        if (!hour_optional)
            return status_set(ST_INVALID, _("%s: the hour is required (hh:mm)"), field);
    } else if (date_parse_time(time_text, &t.hour, &t.min) != ST_OK) {
        return name_field(field);
    }
    *out = t;
    return ST_OK;
}

static enum status check_text(const char *label, const char *s)
{
    if (s && !utf8_valid(s, strlen(s)))
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), _(label));
    if (s && utf8_char_count(s) > CASE_TEXT_MAX)
        return status_set(ST_INVALID, _("%s: at most %d characters"), _(label), CASE_TEXT_MAX);
    return ST_OK;
}

static bool filled(const char *s)
{
    return s && *s;
}

/* The closed lists and the unidentified child's age. */
static enum status validate_lists(const struct case_file *c)
{
    if (c->source < 0 || c->source >= CASE_SRC__COUNT)
        return status_set(ST_INVALID, _("%s: choose how the report came"), _("report came"));
    if (c->kind < 0 || c->kind >= CASE_KIND__COUNT)
        return status_set(ST_INVALID, _("%s: choose the kind of case"), _("case kind"));
    if (c->level < 0 || c->level >= CASE_LEVEL__COUNT)
        return status_set(ST_INVALID, _("%s: choose prevention, support or intervention"),
                          _("protection level"));
    if (c->kind == CASE_KIND_INJURY && (c->injury <= CASE_INJ_NONE || c->injury >= CASE_INJ__COUNT))
        return status_set(ST_INVALID, _("%s: choose drowning, traffic or other for an injury"),
                          _("injury cause"));
    if (c->kind != CASE_KIND_INJURY && c->injury != CASE_INJ_NONE)
        return status_set(ST_INVALID, _("%s: only an accident or injury has a cause"),
                          _("injury cause"));
    if (c->est_age < -1 || c->est_age > 17)
        return status_set(ST_INVALID, _("%s: %d is not an age from 0 to 17"), _("estimated age"),
                          c->est_age);
    if (c->est_age >= 16)
        return status_set(ST_INVALID, _("%s: %d years: Nghị định 56/2017 covers children under 16 "
                                        "(Luật Trẻ em Điều 1); this is not a child protection case"),
                          _("estimated age"), c->est_age);
    if (c->sex < 0 || c->sex >= CHILD_SEX__COUNT)
        return status_set(ST_INVALID, _("%s: unknown value"), _("sex"));
    return ST_OK;
}

bool case_kind_is_abuse(int kind)
{
    return kind == CASE_KIND_SEXUAL || kind == CASE_KIND_VIOLENCE || kind == CASE_KIND_EXPLOIT ||
           kind == CASE_KIND_LABOUR || kind == CASE_KIND_NEGLECT || kind == CASE_KIND_ABANDON ||
           kind == CASE_KIND_TRAFFICK;
}

int case_default_level(int kind)
{
    return case_kind_is_abuse(kind) ? CASE_LEVEL_INTERVENTION : CASE_LEVEL_SUPPORT;
}

enum status case_check_child_age(struct date birth, struct date received)
{
    if (!birth.y || date_age_years(birth, received) < 16)
        return ST_OK;
    char b[DATE_BUF];
    date_format(received, b);
    return status_set(ST_INVALID, _("%s: 16 or older on %s; Nghị định 56/2017 covers children "
                                    "under 16 (Luật Trẻ em Điều 1): this is not a child protection case"),
                      _("child"), b);
}

const char *case_factor_label(const char *stored)
{
    int f = enum_from_code(&enum_case_factor, stored);
    return f >= 0 ? enum_label(&enum_case_factor, f) : (stored ? stored : "");
}

enum status case_validate_level(const struct case_file *c)
{
    int want = case_default_level(c->kind);
    if (c->level >= want || filled(c->level_reason))
        return ST_OK;
    return status_set(ST_INVALID, _("%s: a case of %s is at the %s level (Luật Trẻ em Điều 50); "
                                    "give the reason for a lower level"),
                      _("protection level"), enum_label(&enum_case_kind, c->kind),
                      enum_label(&enum_case_level, want));
}

enum status case_validate(const struct case_file *c, struct datetime now)
{
    enum status st = validate_lists(c);
    if (st != ST_OK)
        return st;
    if (!case_datetime_valid(c->received))
        return status_set(ST_INVALID, _("%s: not a valid date and hour"), _("received"));
    if (datetime_to_minutes(c->received) > datetime_to_minutes(now))
        return status_set(ST_INVALID, _("%s: the report cannot be received in the future"),
                          _("received"));
    if (!c->consent && (filled(c->reporter_name) || filled(c->reporter_phone) ||
                        filled(c->reporter_address)))
        return status_set(ST_INVALID, _("%s: the reporter's identity is kept only with their "
                                        "consent"), _("reporter"));
    const struct { const char *label, *text; } texts[] = {
        {N_("child (unidentified)"), c->child_note}, {N_("place"), c->place},
        {N_("current state"), c->current_state}, {N_("likely consequence"), c->consequence},
        {N_("parents"), c->parents}, {N_("carer"), c->carer},
        {N_("actions already taken"), c->actions_taken}, {N_("reporter's name"), c->reporter_name},
        {N_("reporter's phone"), c->reporter_phone}, {N_("reporter's address"), c->reporter_address},
        {N_("reason for the level"), c->level_reason},
    };
    for (size_t i = 0; st == ST_OK && i < sizeof texts / sizeof *texts; i++)
        st = check_text(texts[i].label, texts[i].text);
    return st;
}

enum status case_risk_validate(struct case_risk *r)
{
    if (!filled(r->factor))
        return status_set(ST_INVALID, _("%s: name the risk factor"), _("risk factor"));
    int f = enum_parse(&enum_case_factor, r->factor);
    if (f < 0)
        return status_set(ST_INVALID, _("%s: '%s' is not a factor of the assessment form (an toàn, "
                                        "sức khỏe, chăm sóc, học tập, tâm lý, gia đình, xã hội, "
                                        "điều kiện sống)"), _("risk factor"), r->factor);
    char *code = strdup(enum_code(&enum_case_factor, f));
    if (!code)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(r->factor);
    r->factor = code;
    if (r->rating < 0 || r->rating >= CASE_RATING__COUNT)
        return status_set(ST_INVALID, _("%s: choose high, medium or low"), _("risk rating"));
    return check_text(N_("risk factor"), r->factor);
}

enum status case_service_validate(const struct case_service *v)
{
    if (!filled(v->task))
        return status_set(ST_INVALID, _("%s: say what is to be done"), _("service or task"));
    if (v->start_on.y && !date_valid(v->start_on))
        return status_set(ST_INVALID, _("%s: not a valid date"), _("start"));
    if (v->end_on.y && !date_valid(v->end_on))
        return status_set(ST_INVALID, _("%s: not a valid date"), _("end"));
    if (v->start_on.y && v->end_on.y && date_cmp(v->end_on, v->start_on) < 0)
        return status_set(ST_INVALID, _("%s: the end is before the start"), _("end"));
    if (v->cost < -1)
        return status_set(ST_INVALID, _("%s: the cost cannot be negative"), _("cost"));
    return check_text(N_("service or task"), v->task);
}
