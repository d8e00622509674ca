/* scr_backups — Cài đặt, Ctrl-B: the backups of the database, newest first;
 * F3 makes one now, Enter puts the selected one back (asks first; the
 * database as it is is backed up before). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/list.h"
#include "treem/app/backups.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct backups_state {
    char **paths;
    size_t n;
    struct list_view lv;
};

static void forget(struct backups_state *b)
{
    backups_list_free(b->paths, b->n);
    b->paths = NULL;
    b->n = 0;
}

static void reload(struct screen *s)
{
    struct backups_state *b = s->state;
    forget(b);
    if (backups_list(s->ui->db, &b->paths, &b->n) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&b->lv, b->n);
}

static void backups_enter(struct screen *s) { reload(s); }
static void backups_leave(struct screen *s) { forget(s->state); }

static const char *base_name(const char *p)
{
    const char *slash = strrchr(p, '/');
    return slash ? slash + 1 : p;
}

static void backups_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct backups_state *b = ctx;
    snprintf(buf, bufsz, "%s", base_name(b->paths[i]));
}

static void backups_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct backups_state *b = s->state;
    ui_print(w, 0, 2, cols - 4, _("Backups of this database, newest first. F3: make one now; "
                                  "Enter: put the selected one back."));
    if (b->n == 0)
        ui_print(w, 2, 2, cols - 4, _("No backup yet."));
    else
        list_draw(w, 2, 2, rows - 3, cols - 4, &b->lv, backups_row, b, true);
}

static void make_now(struct screen *s)
{
    char *made = NULL;
    if (backups_make(s->ui->db, NULL, &made) == ST_OK)
        ui_status(s->ui, false, _("Backup written: %s"), base_name(made));
    else
        ui_status(s->ui, true, "%s", status_message());
    free(made);
    reload(s);
}

static void restore(struct screen *s)
{
    struct backups_state *b = s->state;
    if (b->n == 0)
        return;
    const char *path = b->paths[b->lv.selected];
    char q[512];
    snprintf(q, sizeof q, _("Put back %s? The database as it is now is backed up first."), base_name(path));
    if (!ui_confirm(s->ui, q))
        return;
    char *safety = NULL;
    char *chosen = strdup(path);
    enum status rc = chosen ? backups_restore(s->ui->db, chosen, &safety) : ST_NOMEM;
    if (rc == ST_OK)
        ui_status(s->ui, false, _("Restored %s; the database as it was is in %s"), base_name(chosen),
                  base_name(safety));
    else
        ui_status(s->ui, true, "%s", rc == ST_NOMEM && !chosen ? _("out of memory") : status_message());
    free(safety);
    free(chosen);
    ui_refresh_title(s->ui);
    reload(s);
}

static enum screen_result backups_action(struct screen *s, enum action a, int digit)
{
    struct backups_state *b = s->state;
    (void)digit;
    if (a == ACT_BACK)
        return SR_POP;
    if (a == ACT_NEW)
        return make_now(s), SR_HANDLED;
    if (a == ACT_OPEN)
        return restore(s), SR_HANDLED;
    if (list_handle(&b->lv, a))
        return SR_HANDLED;
    return SR_UNHANDLED;
}

static const enum action backups_actions[] = {ACT_NEW, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_backups_ops = {
    .title = N_("Backups"),
    .actions = backups_actions,
    .nactions = sizeof backups_actions / sizeof *backups_actions,
    .state_size = sizeof(struct backups_state),
    .enter = backups_enter,
    .leave = backups_leave,
    .draw = backups_draw,
    .on_action = backups_action,
};
