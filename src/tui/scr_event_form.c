/* scr_event_form — an event of a plan's calendar in a form (name, start,
 * end, kind, lunar date), new or corrected: opened from the calendar (F3,
 * F4 or Enter on an event). Saving a moved date confirms it (a copy marks
 * lunar dates "to check"). Each change is audited with the old values. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/app/plan.h"
#include "treem/db/event_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EF_NAME, EF_START, EF_END, EF_KIND, EF_LUNAR, EF__COUNT };

static const char *const kind_choices[] = {N_("event"), N_("campaign"), N_("deadline"), NULL};
static const char *const lunar_choices[] = {N_("No"), N_("Yes"), NULL};

static const struct form_def event_fields[EF__COUNT] = {
    {N_("Event"), FK_TEXT, 300, NULL, N_("e.g. Tháng hành động vì trẻ em")},
    {N_("Date"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Until"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy, empty for one day")},
    {N_("Kind"), FK_CHOICE, 0, kind_choices, NULL},
    {N_("Lunar date"), FK_CHOICE, 0, lunar_choices, NULL},
};

static const char *const event_names[EF__COUNT] = {
    N_("event name"), N_("event date"), N_("event end date"), N_("event kind"), NULL,
};

struct event_ctx { long long id, plan_id; };

static bool event_save(struct ui *ui, struct form *f, void *ctx)
{
    const struct event_ctx *c = ctx;
    struct plan_event e = {.plan_id = c->plan_id};
    enum status st = c->id ? event_repo_get(ui->db, c->id, &e) : ST_OK;
    char *name = strdup(form_value(f, EF_NAME));
    if (st == ST_OK && !name)
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK) {
        free(e.name);
        e.name = name;
        name = NULL;
        e.kind = (enum plan_event_kind)form_choice(f, EF_KIND);
        e.lunar = form_choice(f, EF_LUNAR) == 1;
        e.to_check = false; /* saved by the officer: the date is confirmed */
        st = plan_parse_date(_("event date"), form_value(f, EF_START), &e.start_on);
    }
    if (st == ST_OK)
        st = plan_parse_date(_("event end date"), form_value(f, EF_END), &e.end_on);
    if (st == ST_OK)
        st = c->id ? plan_event_save(ui->db, &e) : plan_event_add(ui->db, &e);
    if (st != ST_OK)
        formscreen_error(ui, f, status_message(), event_names, EF__COUNT, EF_NAME);
    else
        ui_status(ui, false, _("Saved event: %s."), e.name);
    free(name);
    plan_event_clear(&e);
    return st == ST_OK;
}

static void fill(struct form *f, const struct plan_event *e)
{
    form_set(f, EF_NAME, e->name);
    form_set_date(f, EF_START, e->start_on);
    form_set_date(f, EF_END, e->end_on);
    form_set_choice(f, EF_KIND, (int)e->kind);
    form_set_choice(f, EF_LUNAR, e->lunar ? 1 : 0);
}

bool scr_event_form_open(struct ui *ui, long long plan_id, long long event_id)
{
    struct plan_event e = {0};
    if (event_id && event_repo_get(ui->db, event_id, &e) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    struct event_ctx *ctx = malloc(sizeof *ctx);
    struct form *f = NULL;
    if (ctx) {
        *ctx = (struct event_ctx){event_id, event_id ? e.plan_id : plan_id};
        struct formscreen_spec spec = {
            event_fields, EF__COUNT, event_id ? _("Event of the calendar") : _("New event"),
            _("Left/Right change a choice; F2 saves (Esc: cancel)."), event_save, ctx, NULL,
            "Event form"};
        f = formscreen_open(ui, &spec);
    }
    if (f && event_id)
        fill(f, &e);
    if (!f)
        ui_status(ui, true, "%s", _("out of memory"));
    plan_event_clear(&e);
    return f != NULL;
}
