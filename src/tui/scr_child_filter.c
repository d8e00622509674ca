/* scr_child_filter — F5 on the Trẻ em list: which children to list (under
 * 16, aged 16 and over, everyone), a village, sex, an age band and a group
 * of special circumstances, all as of today. */
#include <config.h>
#include "treem/tui/child_form.h"
#include "treem/tui/formscreen.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stdlib.h>
#include <string.h>

enum { F_SCOPE, F_VILLAGE, F_SEX, F_AGE_FROM, F_AGE_TO, F_GROUP, F__COUNT };

static const char *const scope_choices[] = {N_("Children under 16"), N_("Aged 16 and over"),
                                            N_("Everyone"), NULL};
static const char *const sex_choices[] = {N_("Any"), N_("Male"), N_("Female"), N_("Sex not known"),
                                          NULL};
static const int sex_values[] = {-1, CHILD_SEX_MALE, CHILD_SEX_FEMALE, CHILD_SEX_UNKNOWN};

struct filter_state {
    struct formscreen fs;          /* the base: first */
    struct form_def defs[F__COUNT];
    const char **village_choices;  /* "Any", then every village: any number of them */
    char **villages;
    size_t nvillages;
};

static bool apply(struct ui *ui, struct form *f, void *ctx);

/* defs: the state's (the villages are the commune's) */
static const struct formscreen_spec filter_spec = {NULL, F__COUNT, NULL, NULL, apply, NULL, NULL,
                                                   NULL};
/* a filter not applied loses nothing: Esc leaves without asking */
static const struct formscreen_hooks filter_hooks = {.nothing_to_lose = true};

static void filter_enter(struct screen *s)
{
    struct filter_state *st = s->state;
    const struct child_filter *cf = s->arg;
    village_list(s->ui->db, &st->villages, &st->nvillages);
    st->village_choices = calloc(st->nvillages + 2, sizeof *st->village_choices);
    size_t nv = st->village_choices ? st->nvillages : 0;
    static const char *const any_only[] = {N_("Any"), NULL};
    for (size_t i = 0; i < nv; i++)
        st->village_choices[i + 1] = st->villages[i];
    if (st->village_choices)
        st->village_choices[0] = N_("Any");
    const struct form_def defs[F__COUNT] = {
        {N_("List"), FK_CHOICE, 0, scope_choices, NULL},
        {N_("Village"), FK_CHOICE, 0, st->village_choices ? st->village_choices : any_only, NULL},
        {N_("Sex"), FK_CHOICE, 0, sex_choices, NULL},
        {N_("Age from"), FK_TEXT, 2, NULL, N_("years")},
        {N_("Age to"), FK_TEXT, 2, NULL, N_("years")},
        {N_("Group"), FK_TEXT, 6, NULL, N_("a letter (a, đ …), a sub-group (d.2) or * for any")},
    };
    memcpy(st->defs, defs, sizeof defs);
    struct formscreen_spec spec = filter_spec;
    spec.defs = st->defs;
    spec.heading = _("Which children to list");
    spec.help = _("F2 applies · Esc cancels · ages and groups are as of today");
    if (!formscreen_begin(s, &spec, &filter_hooks))
        return;
    form_set_choice(&st->fs.form, F_SCOPE, (int)cf->q.scope);
    for (size_t i = 0; cf->q.village_id && i < nv; i++) { /* the village chosen before */
        long long id = 0;
        if (children_find_village(s->ui->db, st->villages[i], &id) == ST_OK && id == cf->q.village_id)
            form_set_choice(&st->fs.form, F_VILLAGE, (int)i + 1);
    }
    for (int i = 0; i < 4; i++)
        if (sex_values[i] == cf->q.sex)
            form_set_choice(&st->fs.form, F_SEX, i);
    char buf[16];
    if (cf->q.age_from >= 0)
        snprintf(buf, sizeof buf, "%d", cf->q.age_from), form_set(&st->fs.form, F_AGE_FROM, buf);
    if (cf->q.age_to >= 0)
        snprintf(buf, sizeof buf, "%d", cf->q.age_to), form_set(&st->fs.form, F_AGE_TO, buf);
    if (cf->q.group)
        form_set(&st->fs.form, F_GROUP, cf->q.group);
}

static void filter_leave(struct screen *s)
{
    struct filter_state *st = s->state;
    formscreen_end(s);
    free(st->village_choices);
    string_list_free(st->villages, st->nvillages);
}

/* An age typed in field i: -1 when empty; false with a message when bad. */
static bool read_age(struct filter_state *st, size_t i, int *out)
{
    const char *t = form_value(&st->fs.form, i);
    *out = -1;
    if (!t[0])
        return true;
    long long v = 0;
    if (number_parse_int(t, NUM_INT, &v) != ST_OK || v > 30) {
        form_set_error(&st->fs.form, i, _("Age: a whole number of years, 0 to 30"));
        return false;
    }
    *out = (int)v;
    return true;
}

static bool apply(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct filter_state *st = s->state;
    struct child_filter *cf = s->arg;
    int from, to;
    bool ok = read_age(st, F_AGE_FROM, &from) & read_age(st, F_AGE_TO, &to);
    if (ok && from >= 0 && to >= 0 && to < from) {
        form_set_error(&st->fs.form, F_AGE_TO, _("Age to: must not be below Age from"));
        ok = false;
    }
    if (!ok)
        return false;
    int v = form_choice(f, F_VILLAGE);
    long long village_id = 0;
    if (v > 0 && children_find_village(ui->db, st->villages[v - 1], &village_id) != ST_OK) {
        form_set_error(f, F_VILLAGE, status_message());
        return false;
    }
    cf->q.scope = (enum child_scope)form_choice(&st->fs.form, F_SCOPE);
    cf->q.village_id = village_id;
    cf->q.sex = sex_values[form_choice(&st->fs.form, F_SEX)];
    cf->q.age_from = from;
    cf->q.age_to = to;
    children_group_code(form_value(&st->fs.form, F_GROUP), cf->group, sizeof cf->group);
    cf->q.group = cf->group[0] ? cf->group : NULL;
    return true;
}

static const enum action filter_actions[] = {ACT_SAVE, ACT_BACK};

const struct screen_ops scr_child_filter_ops = {
    .title = N_("Filter"),
    .id = "Child filter",
    FORMSCREEN_SCREEN(struct filter_state, filter_enter, filter_leave, filter_actions),
};
