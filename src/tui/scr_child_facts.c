/* scr_child_facts — Ctrl-G in a child's form: the child's periods in groups of
 * special circumstances (from/to), weight and height measurements with the
 * WHO 2006 assessment, health checks, periods at risk of special
 * circumstances and the help received; add (F3) and delete (F8). */
#include <config.h>
#include "treem/tui/child_form.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listbase.h"
#include "treem/app/children.h"
#include "treem/app/child_support.h"
#include "treem/app/who_tables.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum item_kind { IT_PERIOD, IT_MEASURE, IT_CHECK, IT_RISK, IT_HELP };

struct item {
    enum item_kind kind;
    long long id;
    struct date day;
    char *text;
};

enum { F_KIND, F_GROUP, F_FROM, F_TO, F_WEIGHT, F_HEIGHT, F_TEXT, F_BY, F_HELP, F__COUNT };

static const char *const kind_choices[] = {N_("Special-circumstance group"), N_("Weight and height"),
                                           N_("Health check"), N_("At risk of special circumstances"),
                                           N_("Help received"), NULL};
#define ENUM_X_LABEL(id, code, label, aliases) label,
static const char *const help_choices[] = {HELP_KIND_LIST(ENUM_X_LABEL) NULL};

static const struct form_def add_defs[F__COUNT] = {
    {N_("Add"), FK_CHOICE, 0, kind_choices, NULL},
    {N_("Group"), FK_CHOICE, 0, NULL, NULL}, /* the 48 sub-groups: a picker (type words) */
    {N_("Date / from"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Until"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy, empty while it lasts")},
    {N_("Weight (kg)"), FK_TEXT, 8, NULL, N_("e.g. 10,5")},
    {N_("Height (cm)"), FK_TEXT, 8, NULL, N_("e.g. 85,5")},
    {N_("Reason / help given"), FK_TEXT, 300, NULL, N_("at risk: why; help: what was given or done")},
    {N_("Given by"), FK_TEXT, 200, NULL, N_("help: department, body or person")},
    {N_("Kind of help"), FK_CHOICE, 0, help_choices, NULL},
};

struct facts_state {
    struct listbase lb;           /* the base: the items */
    struct child child;
    struct item *items;
    size_t n;                     /* items made (lb.n: those of the last load) */
    int kind, help;               /* the add form's choices, kept for the next one */
};

/* The add form (F3), pushed on the list: arg is the list's state. */
struct add_state {
    struct formscreen fs;         /* the base: first */
    struct form_def defs[F__COUNT];
    struct child_subgroup *groups;
    size_t ngroups;
    char **group_labels;          /* "—", then "code  name" of each; NULL-terminated */
};

/* The heading of the list and of its add form: the child's code and name. */
static void facts_title(const struct child *c, struct strbuf *out)
{
    strbuf_printf(out, _("%s — %s: groups, measurements, health checks, risk, help"), c->code,
                  c->full_name ? c->full_name : "");
}

static void push_item(struct facts_state *st, enum item_kind k, long long id, struct date day,
                      const char *text)
{
    struct item *ni = realloc(st->items, (st->n + 1) * sizeof *ni);
    if (!ni)
        return;
    st->items = ni;
    char *copy = strdup(text);
    if (copy)
        st->items[st->n++] = (struct item){k, id, day, copy};
}

static void add_periods(struct screen *s, struct facts_state *st)
{
    struct child_period *p;
    size_t n;
    if (children_periods(s->ui->db, st->child.id, &p, &n) != ST_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        char from[DATE_BUF], to[DATE_BUF], line[1200];
        date_format(p[i].from, from);
        if (p[i].to.y)
            date_format(p[i].to, to);
        else
            snprintf(to, sizeof to, "…");
        snprintf(line, sizeof line, "%-5s %s–%s  %s", p[i].code, from, to, p[i].name);
        push_item(st, IT_PERIOD, p[i].id, p[i].from, line);
    }
    free(p);
}

static void add_measures(struct screen *s, struct facts_state *st)
{
    struct child_measure *m;
    size_t n;
    if (children_measures(s->ui->db, st->child.id, &m, &n) != ST_OK)
        return;
    const struct growth_ref *ref = who_tables_shared();
    for (size_t i = 0; i < n; i++) {
        char day[DATE_BUF], line[256], assess[96] = "";
        date_format(m[i].date, day);
        if (ref && st->child.birth_date.y) {
            int months = date_age_months(st->child.birth_date, m[i].date);
            struct growth_result g = growth_assess(ref, st->child.sex, months, m[i].weight_kg,
                                                   m[i].height_cm);
            snprintf(assess, sizeof assess, "%s: %s · %s: %s", _("weight"),
                     growth_status_label(g.underweight), _("height"), growth_status_label(g.stunting));
        }
        char kg[NUMBER_BUF], cm[NUMBER_BUF];
        snprintf(line, sizeof line, "%s  %s kg  %s cm  %s", day,
                 number_format_decimal(m[i].weight_kg, 1, kg),
                 number_format_decimal(m[i].height_cm, 1, cm), assess);
        push_item(st, IT_MEASURE, m[i].id, m[i].date, line);
    }
    free(m);
}

static void add_checks(struct screen *s, struct facts_state *st)
{
    struct date *d;
    size_t n;
    if (children_checks(s->ui->db, st->child.id, &d, &n) != ST_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        char day[DATE_BUF];
        date_format(d[i], day);
        push_item(st, IT_CHECK, 0, d[i], day);
    }
    free(d);
}

static void add_support(struct screen *s, struct facts_state *st)
{
    struct child_risk *r;
    struct child_help *h;
    size_t n;
    if (child_support_risks(s->ui->db, st->child.id, &r, &n) == ST_OK) {
        for (size_t i = 0; i < n; i++) {
            char from[DATE_BUF], to[DATE_BUF] = "…", line[1200];
            date_format(r[i].from, from);
            if (r[i].to.y)
                date_format(r[i].to, to);
            snprintf(line, sizeof line, "%s–%s  %s", from, to, r[i].reason);
            push_item(st, IT_RISK, r[i].id, r[i].from, line);
        }
        child_risks_free(r, n);
    }
    if (child_support_helps(s->ui->db, st->child.id, &h, &n) == ST_OK) {
        for (size_t i = 0; i < n; i++) {
            char day[DATE_BUF], line[1200];
            date_format(h[i].date, day);
            snprintf(line, sizeof line, "%s  %s: %s — %s", day, enum_label(&enum_help_kind, h[i].kind),
                     h[i].what, h[i].by_whom);
            push_item(st, IT_HELP, h[i].id, h[i].date, line);
        }
        child_helps_free(h, n);
    }
}

static bool facts_load(struct screen *s, size_t *count)
{
    struct facts_state *st = s->state;
    add_periods(s, st);
    add_measures(s, st);
    add_checks(s, st);
    add_support(s, st);
    *count = st->n;
    return true;
}

static void facts_unload(struct screen *s)
{
    struct facts_state *st = s->state;
    for (size_t i = 0; i < st->n; i++)
        free(st->items[i].text);
    free(st->items);
    st->items = NULL;
    st->n = 0;
}

/* The sub-groups as the choices of the Group field, found by typing words. */
static void load_groups(struct screen *s, struct add_state *st)
{
    memcpy(st->defs, add_defs, sizeof st->defs);
    if (children_subgroups(s->ui->db, &st->groups, &st->ngroups) != ST_OK)
        st->ngroups = 0;
    st->group_labels = calloc(st->ngroups + 2, sizeof *st->group_labels);
    if (!st->group_labels) {
        st->ngroups = 0;
        return;
    }
    st->group_labels[0] = strdup("—");
    for (size_t i = 0; i < st->ngroups; i++) {
        size_t n = strlen(st->groups[i].code) + strlen(st->groups[i].name) + 4;
        if ((st->group_labels[i + 1] = malloc(n)))
            snprintf(st->group_labels[i + 1], n, "%s  %s", st->groups[i].code, st->groups[i].name);
        else
            st->group_labels[i + 1] = strdup("");
    }
    st->defs[F_GROUP].choices = (const char *const *)st->group_labels;
}

static const char *kind_label(enum item_kind k)
{
    return k == IT_PERIOD ? _("Group") : k == IT_MEASURE ? _("Measurement")
         : k == IT_CHECK ? _("Check") : k == IT_RISK ? _("At risk") : _("Help");
}

static void facts_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct item *it = &((struct facts_state *)s->state)->items[i];
    const int widths[] = {10, 65};
    const char *cells[] = {kind_label(it->kind), it->text};
    ui_columns_sb(&r->cell[0], widths, cells, 2); /* no column titles */
}

/* The child above the list (no column titles). */
static int facts_head(struct screen *s, WINDOW *w, int cols)
{
    struct facts_state *st = s->state;
    struct strbuf title = STRBUF_INIT;
    facts_title(&st->child, &title);
    ui_print_in(w, UC_OK, 0, 2, cols - 4, strbuf_str(&title));
    strbuf_free(&title);
    return 2;
}

static enum status parse_number(const char *text, const char *field, double *out)
{
    if (number_parse(text, NUM_DECIMAL, out) != ST_OK)
        return status_set(ST_INVALID, "%s: %s", field, status_message());
    return ST_OK;
}

static enum status parse_date_field(struct form *f, size_t i, bool optional, struct date *out)
{
    const char *t = form_value(f, i);
    *out = (struct date){0, 0, 0};
    if (!t[0] && optional)
        return ST_OK;
    if (date_parse(t, out) != ST_OK)
        return status_set(ST_INVALID, "%s: %s", _(add_defs[i].label), status_message());
    return ST_OK;
}

/* The names the support records' messages start with → their fields. */
static const struct form_label support_at[] = {
    {N_("risk from"), F_FROM},   {N_("help date"), F_FROM},     {N_("risk to"), F_TO},
    {N_("risk reason"), F_TEXT}, {N_("help given by"), F_BY},   {N_("help given"), F_TEXT},
    {N_("help kind"), F_HELP},
};

/* A period at risk (risk) or a help record from the form. */
static enum status save_support(struct ui *ui, struct form *f, const struct child *c, bool risk,
                                size_t *at)
{
    struct date from, to = {0, 0, 0};
    enum status rc = parse_date_field(f, F_FROM, false, &from);
    if (rc == ST_OK && risk && (rc = parse_date_field(f, F_TO, true, &to)) != ST_OK)
        *at = F_TO;
    if (rc != ST_OK)
        return rc;
    if (risk) {
        struct child_risk r = {0, c->id, from, to, (char *)form_value(f, F_TEXT)};
        rc = child_support_add_risk(ui->db, &r);
    } else {
        struct child_help h = {0, c->id, from, form_choice(f, F_HELP),
                               (char *)form_value(f, F_TEXT), (char *)form_value(f, F_BY)};
        rc = child_support_add_help(ui->db, &h);
    }
    if (rc != ST_OK)
        *at = form_label_field(status_message(), support_at, sizeof support_at / sizeof *support_at,
                               F_TEXT);
    return rc;
}

/* Saves what the form holds; the field that fails gets the message. */
static bool add_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct add_state *st = s->state;
    const struct child *c = &((struct facts_state *)s->arg)->child;
    size_t at = F_FROM;
    enum status rc;
    int kind = form_choice(f, F_KIND);
    if (kind == 0) {
        struct child_period p = {.child_id = c->id};
        int g = form_choice(f, F_GROUP);
        if (g > 0 && (size_t)g <= st->ngroups)
            snprintf(p.code, sizeof p.code, "%s", st->groups[g - 1].code);
        rc = g > 0 ? parse_date_field(f, F_FROM, false, &p.from)
                   : status_set(ST_INVALID, "%s", _("Group: choose a sub-group (type words of its name)"));
        if (g <= 0)
            at = F_GROUP;
        if (rc == ST_OK && (rc = parse_date_field(f, F_TO, true, &p.to)) != ST_OK)
            at = F_TO;
        if (rc == ST_OK && (rc = children_add_period(ui->db, &p)) != ST_OK)
            at = F_GROUP;
    } else if (kind == 1) {
        struct child_measure m = {.child_id = c->id};
        rc = parse_date_field(f, F_FROM, false, &m.date);
        if (rc == ST_OK && (rc = parse_number(form_value(f, F_WEIGHT), _("Weight (kg)"), &m.weight_kg)) != ST_OK)
            at = F_WEIGHT;
        if (rc == ST_OK && (rc = parse_number(form_value(f, F_HEIGHT), _("Height (cm)"), &m.height_cm)) != ST_OK)
            at = F_HEIGHT;
        if (rc == ST_OK && (rc = children_add_measure(ui->db, &m)) != ST_OK)
            at = F_WEIGHT;
    } else if (kind == 2) {
        struct date day;
        rc = parse_date_field(f, F_FROM, false, &day);
        if (rc == ST_OK)
            rc = children_add_check(ui->db, c->id, day);
    } else {
        rc = save_support(ui, f, c, kind == 3, &at);
    }
    if (rc != ST_OK) {
        form_set_error(f, at, status_message());
        return false;
    }
    ui_status(ui, false, "%s", _("Saved."));
    return true;
}

static const struct formscreen_spec add_spec = {NULL, F__COUNT, NULL, NULL, add_save, NULL, NULL,
                                                "Add to groups and health"};

static void add_enter(struct screen *s)
{
    struct add_state *st = s->state;
    const struct facts_state *list = s->arg;
    load_groups(s, st);
    struct formscreen_spec spec = add_spec;
    struct strbuf title = STRBUF_INIT;
    facts_title(&list->child, &title);
    spec.defs = st->defs;
    spec.heading = strbuf_str(&title);
    spec.help = _("Choose what to add with Left/Right, fill it in, F2 to save, Esc to cancel.");
    bool ready = formscreen_begin(s, &spec, NULL);
    strbuf_free(&title);
    if (!ready)
        return;
    form_set_choice(&st->fs.form, F_KIND, list->kind);
    form_set_choice(&st->fs.form, F_HELP, list->help);
    form_mark_saved(&st->fs.form);
}

/* The kind of line and of help stay chosen for the next one. */
static void add_leave(struct screen *s)
{
    struct add_state *st = s->state;
    struct facts_state *list = s->arg;
    if (st->fs.ready) {
        list->kind = form_choice(&st->fs.form, F_KIND);
        list->help = form_choice(&st->fs.form, F_HELP);
    }
    formscreen_end(s);
    for (size_t i = 0; st->group_labels && st->group_labels[i]; i++)
        free(st->group_labels[i]);
    free(st->group_labels);
    free(st->groups);
}

static const enum action add_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_BACK};

static const struct screen_ops add_ops = {
    .title = N_("Groups and health"),
    FORMSCREEN_SCREEN(struct add_state, add_enter, add_leave, add_actions),
};

static enum lb_after delete_item(struct screen *s, size_t sel, int digit)
{
    struct facts_state *st = s->state;
    const struct item *it = &st->items[sel];
    char q[400];
    (void)digit;
    snprintf(q, sizeof q, _("Delete this line? %s"), it->text);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    enum status rc = it->kind == IT_PERIOD ? children_delete_period(s->ui->db, st->child.id, it->id)
                   : it->kind == IT_MEASURE ? children_delete_measure(s->ui->db, st->child.id, it->id)
                   : it->kind == IT_RISK ? child_support_delete_risk(s->ui->db, st->child.id, it->id)
                   : it->kind == IT_HELP ? child_support_delete_help(s->ui->db, st->child.id, it->id)
                                         : children_delete_check(s->ui->db, st->child.id, it->day);
    if (rc != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    return LB_RELOAD;
}

static enum lb_after add_item(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    ui_push(s->ui, &add_ops, s->state);
    return LB_STAY;
}

static enum lb_after back(struct screen *s, size_t sel, int digit)
{
    (void)s, (void)sel, (void)digit;
    return LB_POP;
}

static void facts_leave(struct screen *s) { child_free(&((struct facts_state *)s->state)->child); }

static const struct lb_key facts_keys[] = {
    {ACT_NEW, add_item, true},
    {ACT_DELETE, delete_item, false},
    {ACT_FACTS, back, true},
};
static const struct listbase_def facts_def = {
    .head = facts_head,
    .empty = N_("Nothing recorded yet. F3 adds a group, a measurement, a health check, a risk or help "
                "received."),
    .load = facts_load, .unload = facts_unload, .leave = facts_leave, .row = facts_row,
    .keys = facts_keys, .nkeys = sizeof facts_keys / sizeof *facts_keys,
};

static void facts_enter(struct screen *s)
{
    struct facts_state *st = s->state;
    const long long *id = s->arg;
    child_init(&st->child);
    if (children_get(s->ui->db, *id, &st->child) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    listbase_enter(s, &facts_def);
}

static const enum action facts_actions[] = {ACT_NEW, ACT_DELETE, ACT_FACTS, ACT_BACK};

static const struct key_words facts_words[] = {
    {ACT_NEW, N_("Add"), N_("add a group period, a measurement or a health check")},
    {ACT_DELETE, NULL, N_("delete the selected line (asks first)")},
    {ACT_FACTS, N_("Back"), N_("back to the child's form")},
};

const struct screen_ops scr_child_facts_ops = {
    .title = N_("Groups and health"),
    SCREEN_WORDS(facts_words),
    LISTBASE_OPS(struct facts_state, facts_enter, facts_actions),
};
