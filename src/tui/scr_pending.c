/* scr_pending — the menu screens whose features have not landed yet. Each
 * says plainly what it will hold and which command exists meanwhile, rather
 * than pretending; a feature's own scr_*.c replaces its entry here. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/core/i18n.h"

static void pending_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    (void)rows;
    ui_attr(w, UC_OK, true);
    ui_print(w, 1, 2, cols - 4, _(s->ops->title));
    ui_attr(w, UC_OK, false);
    ui_print(w, 3, 2, cols - 4, _("This part of treem is not built yet."));
}

static enum screen_result pending_action(struct screen *s, enum action a, int digit)
{
    (void)s;
    (void)a;
    (void)digit;
    return SR_UNHANDLED;
}

#define PENDING(name, title_msgid) \
    const struct screen_ops name = {.title = title_msgid, .draw = pending_draw, \
                                    .on_action = pending_action}

PENDING(scr_criteria_ops, N_("Criteria"));
PENDING(scr_transfer_ops, N_("Import/Export"));
