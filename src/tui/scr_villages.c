/* scr_villages — Thôn (from Cài đặt, Ctrl-T): the villages with how many
 * children live in each. F3 adds one; F4 renames the one selected, and
 * renaming it to the name of another village offers to merge the two
 * (every child moves, codes kept); F8 deletes a village nobody lives in.
 * Every change is audited (app/villages.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/list.h"
#include "treem/app/commune.h"
#include "treem/app/villages.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct villages_state {
    struct village_row *rows;
    size_t n;
    struct list_view lv;
    struct history_ref hist;
};

static const int widths[] = {50, 12};

static void reload(struct screen *s)
{
    struct villages_state *st = s->state;
    village_rows_free(st->rows, st->n);
    st->rows = NULL;
    st->n = 0;
    if (villages_list(s->ui->db, &st->rows, &st->n) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->lv, st->n);
}

static void v_enter(struct screen *s) { reload(s); }
static void v_resume(struct screen *s) { reload(s); }

static void v_leave(struct screen *s)
{
    struct villages_state *st = s->state;
    village_rows_free(st->rows, st->n);
}

static void v_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct villages_state *st = ctx;
    char count[48];
    snprintf(count, sizeof count, _("%lld children"), st->rows[i].children);
    const char *cells[] = {st->rows[i].name, count};
    ui_columns(buf, bufsz, widths, cells, 2);
}

static void v_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct villages_state *st = s->state;
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, _("Villages (thôn, tổ dân phố)"));
    ui_attr(w, UC_OK, false);
    ui_attr(w, UC_DIM, true);
    ui_print(w, 1, 2, cols - 4, _("F3 adds · F4 renames (to another village's name: merges) · "
                                  "F8 deletes an empty one"));
    ui_attr(w, UC_DIM, false);
    char head[128];
    const char *cells[] = {_("Village"), _("Children")};
    ui_columns(head, sizeof head, widths, cells, 2);
    ui_print(w, 3, 2, cols - 4, head);
    list_draw(w, 4, 2, rows - 4, cols - 4, &st->lv, v_row, st, true);
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

static void open_rename(struct screen *s)
{
    struct villages_state *st = s->state;
    if (st->lv.selected >= st->n)
        return;
    struct rename_ctx *c = calloc(1, sizeof *c);
    if (c) {
        c->id = st->rows[st->lv.selected].id;
        c->old = strdup(st->rows[st->lv.selected].name);
    }
    if (!c || !c->old) {
        rename_ctx_free(c);
        ui_status(s->ui, true, "%s", _("out of memory"));
        return;
    }
    char heading[200];
    snprintf(heading, sizeof heading, _("Rename village '%s' (the name of another village merges "
                                        "the two)"), c->old);
    struct formscreen_spec spec = {name_defs, 1, heading, NULL, rename_save, c, rename_ctx_free,
                                   "Village rename"};
    struct form *f = formscreen_open(s->ui, &spec);
    if (f)
        form_set(f, 0, st->rows[st->lv.selected].name);
}

static void delete_village(struct screen *s)
{
    struct villages_state *st = s->state;
    if (st->lv.selected >= st->n)
        return;
    const struct village_row *r = &st->rows[st->lv.selected];
    if (r->children) {
        ui_status(s->ui, true, _("%lld children live in '%s': merge it into another village "
                                 "instead (F4 with that village's name)."), r->children, r->name);
        return;
    }
    char q[300];
    snprintf(q, sizeof q, _("Delete village '%s'? No child lives there."), r->name);
    if (!ui_confirm(s->ui, q))
        return;
    if (villages_delete(s->ui->db, r->name) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    else
        ui_status(s->ui, false, "%s", _("Deleted."));
    reload(s);
}

static enum screen_result v_action(struct screen *s, enum action a, int digit)
{
    struct villages_state *st = s->state;
    (void)digit;
    struct formscreen_spec add = {name_defs, 1, _("Add a village"), NULL, add_save, NULL, NULL,
                                  "Village add"};
    switch (a) {
    case ACT_NEW:
        formscreen_open(s->ui, &add);
        return SR_HANDLED;
    case ACT_EDIT:
    case ACT_OPEN:
        open_rename(s);
        return SR_HANDLED;
    case ACT_DELETE:
        delete_village(s);
        return SR_HANDLED;
    case ACT_HISTORY:
        if (st->lv.selected < st->n) {
            memset(&st->hist, 0, sizeof st->hist);
            st->hist.entity = "village";
            snprintf(st->hist.id, sizeof st->hist.id, "%lld", st->rows[st->lv.selected].id);
            snprintf(st->hist.title, sizeof st->hist.title, "%s", st->rows[st->lv.selected].name);
            ui_push(s->ui, &scr_history_ops, &st->hist);
        }
        return SR_HANDLED;
    case ACT_BACK:
        return SR_POP;
    default:
        return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

static const enum action v_actions[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_HISTORY, ACT_BACK};

const struct screen_ops scr_villages_ops = {
    .title = N_("Villages"),
    .actions = v_actions,
    .nactions = sizeof v_actions / sizeof *v_actions,
    .state_size = sizeof(struct villages_state),
    .enter = v_enter,
    .leave = v_leave,
    .draw = v_draw,
    .on_action = v_action,
    .resume = v_resume,
};
