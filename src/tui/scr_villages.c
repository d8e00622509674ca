/* scr_villages — Thôn (from Cài đặt, Ctrl-T): the villages with how many
 * children live in each. F3 adds one; F4 renames the one selected, and
 * renaming it to the name of another village offers to merge the two
 * (every child moves, codes kept); F8 deletes a village nobody lives in.
 * Every change is audited (app/villages.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listbase.h"
#include "treem/app/commune.h"
#include "treem/app/villages.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct villages_state {
    struct listbase lb;
    struct village_row *rows;
};

static bool v_load(struct screen *s, size_t *count)
{
    return villages_list(s->ui->db, &((struct villages_state *)s->state)->rows, count) == ST_OK;
}

static void v_unload(struct screen *s)
{
    struct villages_state *st = s->state;
    village_rows_free(st->rows, st->lb.n);
    st->rows = NULL;
}

static void v_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct villages_state *st = s->state;
    lb_cell(r, 0, st->rows[i].name);
    lb_cellf(r, 1, _("%lld children"), st->rows[i].children);
}

static long long v_id(struct screen *s, size_t i)
{
    return ((struct villages_state *)s->state)->rows[i].id;
}

/* ---- add and rename: one field, saved by the callbacks below ---- */

static const struct form_def name_defs[] = {
    {N_("Village name"), FK_TEXT, 100, NULL, N_("thôn / tổ dân phố")},
};
static const char *const name_fields[] = {N_("new name")};

struct rename_ctx { long long id; char *old; };

static void rename_ctx_free(void *p)
{
    struct rename_ctx *c = p;
    if (c)
        free(c->old);
    free(c);
}

static bool add_save(struct ui *ui, struct form *f, void *ctx)
{
    (void)ctx;
    if (village_add(ui->db, form_value(f, 0)) != ST_OK) {
        formscreen_error(ui, f, status_message(), name_fields, 1, 0);
        return false;
    }
    ui_status(ui, false, _("Added village '%s'."), form_value(f, 0));
    return true;
}

/* The village (not id) with the same folded name as text, as saved. */
static char *same_fold(struct db *db, long long id, const char *text)
{
    char *want = utf8_fold(text), *found = NULL;
    struct village_row *rows = NULL;
    size_t n = 0;
    if (want && villages_list(db, &rows, &n) == ST_OK)
        for (size_t i = 0; i < n && !found; i++) {
            char *f = utf8_fold(rows[i].name);
            if (rows[i].id != id && f && strcmp(f, want) == 0)
                found = strdup(rows[i].name);
            free(f);
        }
    village_rows_free(rows, n);
    free(want);
    return found;
}

static bool merge_into(struct ui *ui, struct rename_ctx *c, const char *into)
{
    char q[512];
    snprintf(q, sizeof q, _("A village called '%s' exists. Merge '%s' into it? Every child of "
                            "'%s' moves there (their codes stay) and '%s' is deleted."),
             into, c->old, c->old, c->old);
    if (!ui_confirm(ui, q))
        return false;
    long long moved = 0;
    if (villages_merge(ui->db, c->old, into, &moved) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    ui_status(ui, false, _("Merged '%s' into '%s': %lld children moved."), c->old, into, moved);
    return true;
}

static bool rename_save(struct ui *ui, struct form *f, void *ctx)
{
    struct rename_ctx *c = ctx;
    enum status rc = villages_rename(ui->db, c->old, form_value(f, 0));
    if (rc == ST_OK) {
        ui_status(ui, false, _("Renamed village '%s' to '%s'."), c->old, form_value(f, 0));
        return true;
    }
    char *other = rc == ST_EXISTS ? same_fold(ui->db, c->id, form_value(f, 0)) : NULL;
    bool done = other && merge_into(ui, c, other);
    if (!other)
        formscreen_error(ui, f, status_message(), name_fields, 1, 0);
    free(other);
    return done;
}

static enum lb_after open_rename(struct screen *s, size_t sel, int digit)
{
    struct villages_state *st = s->state;
    (void)digit;
    struct rename_ctx *c = calloc(1, sizeof *c);
    if (c) {
        c->id = st->rows[sel].id;
        c->old = strdup(st->rows[sel].name);
    }
    if (!c || !c->old) {
        rename_ctx_free(c);
        ui_status(s->ui, true, "%s", _("out of memory"));
        return LB_STAY;
    }
    char heading[200];
    snprintf(heading, sizeof heading, _("Rename village '%s' (the name of another village merges "
                                        "the two)"), c->old);
    struct formscreen_spec spec = {name_defs, 1, heading, NULL, rename_save, c, rename_ctx_free,
                                   "Village rename"};
    struct form *f = formscreen_open(s->ui, &spec);
    if (f)
        form_set(f, 0, st->rows[sel].name);
    return LB_STAY;
}

static enum lb_after delete_village(struct screen *s, size_t sel, int digit)
{
    struct villages_state *st = s->state;
    const struct village_row *r = &st->rows[sel];
    (void)digit;
    if (r->children) {
        ui_status(s->ui, true, _("%lld children live in '%s': merge it into another village "
                                 "instead (F4 with that village's name)."), r->children, r->name);
        return LB_STAY;
    }
    char q[300];
    snprintf(q, sizeof q, _("Delete village '%s'? No child lives there."), r->name);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    return listbase_changed(s, villages_delete(s->ui->db, r->name), "%s", _("Deleted."));
}

static enum lb_after add_village(struct screen *s, size_t sel, int digit)
{
    struct formscreen_spec add = {name_defs, 1, _("Add a village"), NULL, add_save, NULL, NULL,
                                  "Village add"};
    (void)sel, (void)digit;
    formscreen_open(s->ui, &add);
    return LB_STAY;
}

static bool history(struct screen *s, size_t sel, struct history_ref *ref)
{
    struct villages_state *st = s->state;
    char id[24];
    snprintf(id, sizeof id, "%lld", st->rows[sel].id);
    return history_ref_set(ref, "village", id, st->rows[sel].name);
}

static const struct lb_key v_keys[] = {
    {ACT_NEW, add_village, true},
    {ACT_EDIT, open_rename, false},
    {ACT_DELETE, delete_village, false},
};
static const struct lb_col v_cols[] = {{N_("Village"), LB_FLEX}, {N_("Children"), 12}};
static const struct listbase_def v_def = {
    .heading = N_("Villages (thôn, tổ dân phố)"),
    .hint = N_("F3 adds · F4 renames (to another village's name: merges) · F8 deletes an empty one"),
    .cols = v_cols, .ncols = 2,
    .load = v_load, .unload = v_unload, .row = v_row, .id = v_id,
    .keys = v_keys, .nkeys = sizeof v_keys / sizeof *v_keys,
    .history = history, .open_as = ACT_EDIT,
};


static const enum action v_actions[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_HISTORY, ACT_BACK};

const struct screen_ops scr_villages_ops = {
    .title = N_("Villages"),
    LISTBASE_SCREEN(struct villages_state, v_def, v_actions),
};
