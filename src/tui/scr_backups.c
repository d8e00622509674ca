/* scr_backups — Cài đặt, Ctrl-B: the backups of the database, newest first;
 * F3 makes one now, Enter puts the selected one back (asks first; the
 * database as it is is backed up before). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/backups.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct backups_state {
    struct listbase lb;
    char **paths;
};

static bool b_load(struct screen *s, size_t *count)
{
    return backups_list(s->ui->db, &((struct backups_state *)s->state)->paths, count) == ST_OK;
}

static void b_unload(struct screen *s)
{
    struct backups_state *b = s->state;
    backups_list_free(b->paths, b->lb.n);
    b->paths = NULL;
}

static const char *base_name(const char *p)
{
    const char *slash = strrchr(p, '/');
    return slash ? slash + 1 : p;
}

static void b_row(struct screen *s, size_t i, struct lb_row *r)
{
    lb_cell(r, 0, base_name(((struct backups_state *)s->state)->paths[i]));
}

static enum lb_after make_now(struct screen *s, size_t sel, int digit)
{
    char *made = NULL;
    (void)sel, (void)digit;
    enum status rc = backups_make(s->ui->db, NULL, &made);
    listbase_changed(s, rc, _("Backup written: %s"), rc == ST_OK ? base_name(made) : "");
    free(made);
    return LB_RELOAD;
}

static enum lb_after restore(struct screen *s, size_t sel, int digit)
{
    const char *path = ((struct backups_state *)s->state)->paths[sel];
    char q[512];
    (void)digit;
    snprintf(q, sizeof q, _("Put back %s? The database as it is now is backed up first."), base_name(path));
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
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
    return LB_RELOAD;
}

static const struct lb_key b_keys[] = {{ACT_NEW, make_now, true}, {ACT_OPEN, restore, false}};
static const struct listbase_def b_def = {
    .hint = N_("Backups of this database, newest first. F3: make one now; "
               "Enter: put the selected one back."),
    .empty = N_("No backup yet."),
    .load = b_load, .unload = b_unload, .row = b_row,
    .keys = b_keys, .nkeys = sizeof b_keys / sizeof *b_keys,
};


static const enum action backups_actions[] = {ACT_NEW, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_backups_ops = {
    .title = N_("Backups"),
    LISTBASE_SCREEN(struct backups_state, b_def, backups_actions),
};
