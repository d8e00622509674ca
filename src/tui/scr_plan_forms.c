/* scr_plan_forms — the forms of the Kế hoạch screens: a plan (new or
 * edited), a new target, and a saved target (Enter on it): the value typed
 * for it with its source, then what the target itself says (text, value,
 * unit, direction, what computes it), corrected there too.
 * Each reads its fields, lets the model and app layer judge them, and puts
 * their messages under the field they name. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/app/plan.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers --- */

/* A number as typed ("97,5" or "97.5"); ST_INVALID naming the field. */
static enum status parse_number(const char *field, const char *text, double *out)
{
    if (number_parse(text, NUM_DECIMAL | NUM_PERCENT, out) != ST_OK)
        return status_set(ST_INVALID, "%s: %s", field, status_message());
    return ST_OK;
}

/* A number for editing: "97,5" in Vietnamese, no unit. */
static void number_text(double v, char *buf, size_t size)
{
    char n[NUMBER_BUF];
    snprintf(buf, size, "%s", number_format_plain(v, 6, n));
}

/* --------------------------------------------------------------- plan --- */

enum { PF_NUMBER, PF_DATE, PF_ISSUER, PF_YEAR, PF_TITLE, PF_UPSTREAM, PF_PURPOSE,
       PF_REQUIREMENTS, PF_BUDGET, PF_HALF, PF_ANNUAL, PF__COUNT };

static const struct form_def plan_fields[PF__COUNT] = {
    {N_("Number"), FK_TEXT, 64, NULL, N_("e.g. 90/KH-UBND (may stay empty in a draft)")},
    {N_("Date"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Issuing body"), FK_TEXT, 200, NULL, N_("e.g. UBND xã …")},
    {N_("Year"), FK_TEXT, 4, NULL, N_("the year the plan covers")},
    {N_("Title"), FK_TEXT, 300, NULL, NULL},
    {N_("Upstream plans"), FK_TEXT, 2000, NULL, N_("the plans it implements")},
    {N_("Purpose"), FK_TEXT, 4000, NULL, NULL},
    {N_("Requirements"), FK_TEXT, 4000, NULL, NULL},
    {N_("Budget sources"), FK_TEXT, 2000, NULL, NULL},
    {N_("6-month report by"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Annual report by"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
};

/* The names the model's messages start with, field by field. */
static const char *const plan_names[PF__COUNT] = {
    N_("plan number"), N_("plan date"), N_("issuing body"), N_("plan year"), N_("plan title"),
    N_("upstream plans"), N_("purpose"), N_("requirements"), N_("budget sources"),
    N_("6-month report deadline"), N_("annual report deadline"),
};

/* Reads the form into p (its id and copied_from kept); parse errors go
 * under their fields. False when one was found or memory ran out. */
static bool plan_read(struct ui *ui, struct form *f, struct plan *p)
{
    static const int texts[] = {PF_NUMBER, PF_ISSUER, PF_TITLE, PF_UPSTREAM, PF_PURPOSE,
                                PF_REQUIREMENTS, PF_BUDGET};
    char **dst[] = {&p->number, &p->issuer, &p->title, &p->upstream, &p->purpose,
                    &p->requirements, &p->budget};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (!form_str_set(dst[i], form_value(f, (size_t)texts[i]))) {
            ui_status(ui, true, "%s", _("out of memory"));
            return false;
        }
    const char *year = form_value(f, PF_YEAR);
    long long y = 0;
    if (number_parse_int(year, NUM_INT, &y) != ST_OK || y < 1900 || y > 2999) {
        char msg[160];
        snprintf(msg, sizeof msg, _("%s: write the year with 4 digits, e.g. 2026"),
                 _("plan year"));
        form_set_error(f, PF_YEAR, msg);
    }
    p->year = (int)y;
    static const int dates[] = {PF_DATE, PF_HALF, PF_ANNUAL};
    struct date *dd[] = {&p->issued_on, &p->report_half, &p->report_year};
    for (size_t i = 0; i < 3; i++)
        if (plan_parse_date(_(plan_names[dates[i]]), form_value(f, (size_t)dates[i]), dd[i]) !=
            ST_OK)
            formscreen_error(ui, f, status_message(), plan_names, PF__COUNT, (size_t)dates[i]);
    return !form_has_errors(f);
}

static bool plan_form_save(struct ui *ui, struct form *f, void *ctx)
{
    long long id = *(long long *)ctx;
    struct plan p = {0};
    enum status st = id ? plan_repo_get(ui->db, id, &p) : ST_OK;
    if (st != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    bool ok = plan_read(ui, f, &p);
    if (ok) {
        st = id ? plan_save(ui->db, &p) : plan_create(ui->db, &p);
        if (st != ST_OK)
            formscreen_error(ui, f, status_message(), plan_names, PF__COUNT, PF__COUNT);
        ok = st == ST_OK;
    }
    if (ok) {
        char label[128];
        plan_label(p.number, p.year, label, sizeof label);
        ui_status(ui, false, id ? _("Saved the plan %s.") : _("Created the plan %s."), label);
    }
    plan_clear(&p);
    return ok;
}

static void plan_fill(struct form *f, const struct plan *p)
{
    char year[16];
    form_set(f, PF_NUMBER, p->number);
    form_set_date(f, PF_DATE, p->issued_on);
    form_set(f, PF_ISSUER, p->issuer);
    snprintf(year, sizeof year, "%d", p->year);
    form_set(f, PF_YEAR, year);
    form_set(f, PF_TITLE, p->title);
    form_set(f, PF_UPSTREAM, p->upstream);
    form_set(f, PF_PURPOSE, p->purpose);
    form_set(f, PF_REQUIREMENTS, p->requirements);
    form_set(f, PF_BUDGET, p->budget);
    form_set_date(f, PF_HALF, p->report_half);
    form_set_date(f, PF_ANNUAL, p->report_year);
}

bool scr_plan_form_open(struct ui *ui, long long plan_id)
{
    struct plan p = {.year = date_today().y};
    if (plan_id && plan_repo_get(ui->db, plan_id, &p) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    char heading[200], label[128];
    plan_label(p.number, p.year, label, sizeof label);
    snprintf(heading, sizeof heading, plan_id ? _("Edit the plan %s") : _("New plan"), label);
    struct formscreen_spec spec = {plan_fields, PF__COUNT, heading, NULL, plan_form_save,
                                   NULL, NULL, "Plan form"};
    struct form *f = formscreen_open_id(ui, &spec, plan_id);
    if (f && plan_id) {
        plan_fill(f, &p);
    } else if (f) {
        char year[16];
        snprintf(year, sizeof year, "%d", p.year);
        form_set(f, PF_YEAR, year);
    }
    plan_clear(&p);
    return f != NULL;
}

/* ------------------------------------------------------------- target --- */

enum { TF_TEXT, TF_VALUE, TF_UNIT, TF_DIRECTION, TF_MEASURE, TF__COUNT };

static const char *const unit_choices[] = {"%", N_("count"), NULL};
static const char *const direction_choices[] = {N_("at least"), N_("at most"), NULL};
/* "none", then the label of each measure, by enum measure (filled on
 * first use: the labels live in model/measure.h's table). */
static const char *measure_choices[MEASURE__COUNT + 1];

/* The target's own fields and the names its messages give them: the
 * target form's, and the value form's after the value's own. */
#define TARGET_FIELDS                                                                              \
    {N_("Target"), FK_TEXT, 300, NULL, N_("e.g. 100 % trẻ em sinh ra được khai sinh đúng hạn")},  \
    {N_("Value"), FK_TEXT, 20, NULL, N_("the number aimed at, e.g. 100 or 9")},                   \
    {N_("Unit"), FK_CHOICE, 0, unit_choices, NULL},                                               \
    {N_("Direction"), FK_CHOICE, 0, direction_choices, NULL},                                     \
    {N_("Computed from"), FK_CHOICE, 0, measure_choices, NULL}
#define TARGET_NAMES                                                                               \
    N_("target text"), N_("target value"), N_("target unit"), N_("target direction"), N_("measure")

static const struct form_def target_fields[TF__COUNT] = {TARGET_FIELDS};
static const char *const target_names[TF__COUNT] = {TARGET_NAMES};

static bool target_form_save(struct ui *ui, struct form *f, void *ctx)
{
    struct plan_target t = {.plan_id = *(long long *)ctx};
    t.unit = form_choice(f, TF_UNIT) == 0 ? PLAN_UNIT_PERCENT : PLAN_UNIT_COUNT;
    t.direction = form_choice(f, TF_DIRECTION) == 0 ? PLAN_AT_LEAST : PLAN_AT_MOST;
    const struct measure_info *m = measure_info((enum measure)form_choice(f, TF_MEASURE));
    bool ok = form_str_set(&t.text, form_value(f, TF_TEXT)) &&
              (!m || form_str_set(&t.measure, m->code));
    if (!ok)
        ui_status(ui, true, "%s", _("out of memory"));
    if (ok && parse_number(_("target value"), form_value(f, TF_VALUE), &t.value) != ST_OK) {
        form_set_error(f, TF_VALUE, status_message());
        ok = false;
    }
    if (ok && plan_target_add(ui->db, &t) != ST_OK) {
        formscreen_error(ui, f, status_message(), target_names, TF__COUNT, TF__COUNT);
        ok = false;
    }
    if (ok)
        ui_status(ui, false, "%s", _("Target added."));
    plan_target_clear(&t);
    return ok;
}

static void measures_init(void)
{
    if (!measure_choices[0]) {
        measure_choices[0] = N_("nothing: the value is typed");
        for (int m = 1; m < MEASURE__COUNT; m++)
            measure_choices[m] = measure_info((enum measure)m)->label;
    }
}

bool scr_target_form_open(struct ui *ui, long long plan_id)
{
    measures_init();
    struct formscreen_spec spec = {
        target_fields, TF__COUNT, _("New target"),
        _("Left/Right change a choice; F2 saves (Esc: cancel)."), target_form_save, NULL, NULL,
        "Target form"};
    return formscreen_open_id(ui, &spec, plan_id) != NULL;
}

/* -------------------------------------------------------------- value --- */

enum { VF_VALUE, VF_SOURCE, VF_DATE, VF_TEXT, VF_TARGET, VF_UNIT, VF_DIRECTION, VF_MEASURE,
       VF__COUNT };

static const struct form_def value_fields[VF__COUNT] = {
    {N_("Measured value"), FK_TEXT, 20, NULL, N_("e.g. 97,5 (empty removes the typed value)")},
    {N_("Source"), FK_TEXT, 300, NULL, N_("e.g. Báo cáo của Trạm Y tế, đợt cân tháng 6")},
    {N_("Date of the value"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    TARGET_FIELDS,
};

static const char *const value_names[VF__COUNT] = {
    N_("measured value"), N_("source of the value"), N_("date of the value"), TARGET_NAMES,
};

/* The target (id) and its own fields as the form first showed them. */
struct value_ctx {
    long long id;
    char *shown[VF__COUNT];
};

static void value_ctx_free(void *p)
{
    struct value_ctx *c = p;
    for (size_t i = 0; c && i < VF__COUNT; i++)
        free(c->shown[i]);
    free(c);
}

/* Saves what the target says when a field of it changed (audited). */
static enum status save_definition(struct ui *ui, struct form *f, const struct value_ctx *c)
{
    bool changed = false;
    for (size_t i = VF_TEXT; i < VF__COUNT; i++)
        changed = changed || strcmp(c->shown[i] ? c->shown[i] : "", form_value(f, i)) != 0;
    if (!changed)
        return ST_OK;
    struct plan_target t = {0};
    enum status st = target_repo_get(ui->db, c->id, &t);
    const struct measure_info *m =
        measure_info((enum measure)form_choice(f, VF_MEASURE));
    if (st == ST_OK && (!form_str_set(&t.text, form_value(f, VF_TEXT)) ||
                        !form_str_set(&t.measure, m ? m->code : "")))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK && !m) {
        free(t.measure);
        t.measure = NULL;
    }
    t.unit = form_choice(f, VF_UNIT) == 0 ? PLAN_UNIT_PERCENT : PLAN_UNIT_COUNT;
    t.direction = form_choice(f, VF_DIRECTION) == 0 ? PLAN_AT_LEAST : PLAN_AT_MOST;
    if (st == ST_OK)
        st = parse_number(_("target value"), form_value(f, VF_TARGET), &t.value);
    if (st == ST_OK)
        st = plan_target_save(ui->db, &t);
    plan_target_clear(&t);
    return st;
}

static bool value_form_save(struct ui *ui, struct form *f, void *ctx)
{
    const struct value_ctx *c = ctx;
    long long id = c->id;
    const char *text = form_value(f, VF_VALUE);
    enum status st = save_definition(ui, f, c);
    if (st == ST_OK && !*text) {
        st = plan_target_unset_value(ui->db, id);
        if (st == ST_OK)
            ui_status(ui, false, "%s", _("The typed value was removed."));
    } else if (st == ST_OK) {
        double v = 0;
        struct date on;
        st = parse_number(_("measured value"), text, &v);
        if (st == ST_OK)
            st = plan_parse_date(_("date of the value"), form_value(f, VF_DATE), &on);
        if (st == ST_OK)
            st = plan_target_set_value(ui->db, id, v, form_value(f, VF_SOURCE), on);
        if (st == ST_OK)
            ui_status(ui, false, "%s", _("Value saved."));
    }
    if (st != ST_OK)
        formscreen_error(ui, f, status_message(), value_names, VF__COUNT, VF__COUNT);
    return st == ST_OK;
}

/* The target's own fields into the form, remembered in c. */
static void fill_definition(struct form *f, const struct plan_target *t, struct value_ctx *c)
{
    char buf[64];
    form_set(f, VF_TEXT, t->text);
    number_text(t->value, buf, sizeof buf);
    form_set(f, VF_TARGET, buf);
    form_set_choice(f, VF_UNIT, t->unit == PLAN_UNIT_PERCENT ? 0 : 1);
    form_set_choice(f, VF_DIRECTION, t->direction == PLAN_AT_LEAST ? 0 : 1);
    form_set_choice(f, VF_MEASURE, (int)measure_from_code(t->measure));
    for (size_t i = VF_TEXT; i < VF__COUNT; i++)
        c->shown[i] = strdup(form_value(f, i));
}

bool scr_target_value_open(struct ui *ui, long long target_id)
{
    struct plan_target t = {0};
    if (target_repo_get(ui->db, target_id, &t) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    measures_init();
    struct value_ctx *ctx = calloc(1, sizeof *ctx);
    struct form *f = NULL;
    if (ctx) {
        ctx->id = target_id;
        char heading[512];
        snprintf(heading, sizeof heading, _("Value of the target: %s"), t.text);
        bool linked = measure_from_code(t.measure) != MEASURE_NONE;
        struct formscreen_spec spec = {
            value_fields, VF__COUNT, heading,
            linked ? _("The register computes this value: a typed one counts only while it "
                       "cannot.")
                   : _("A value counted outside the register, with where it comes from."),
            value_form_save, ctx, value_ctx_free, "Target value"};
        f = formscreen_open(ui, &spec);
    }
    if (f) {
        fill_definition(f, &t, ctx);
        char buf[64];
        struct date on = t.has_typed && plan_date_set(t.typed_on) ? t.typed_on : date_today();
        if (t.has_typed) {
            number_text(t.typed_value, buf, sizeof buf);
            form_set(f, VF_VALUE, buf);
            form_set(f, VF_SOURCE, t.typed_source);
        }
        date_format(on, buf);
        form_set(f, VF_DATE, buf);
    } else {
        ui_status(ui, true, "%s", _("out of memory"));
    }
    plan_target_clear(&t);
    return f != NULL;
}
