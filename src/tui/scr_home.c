/* scr_home — Trang chủ: the commune and what needs attention. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/app/home.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>

static void figure(WINDOW *w, int y, int x, const char *label, long value)
{
    char buf[64];
    if (value < 0)
        snprintf(buf, sizeof buf, "—");
    else
        snprintf(buf, sizeof buf, "%ld", value);
    ui_print_pad(w, y, x, 42, _(label));
    ui_attr(w, UC_OK, value >= 0);
    ui_print(w, y, x + 42, 12, buf);
    ui_attr(w, UC_OK, false);
}

static void setting_line(WINDOW *w, struct db *db, int y, const char *label, const char *key)
{
    char *v = NULL;
    ui_print_pad(w, y, 2, 22, _(label));
    if (db_setting_get(db, key, &v) == ST_OK)
        ui_print(w, y, 24, 54, v);
    else
        ui_print(w, y, 24, 54, "—");
    free(v);
}

/* A village collaborator's figures are theirs: the children of their
 * villages and the cases they recorded (app/home.h). */
static void scope_notes(WINDOW *w, int cols)
{
    static const int rows_villages[] = {6, 7, 12}, rows_cases[] = {8, 9};
    ui_attr(w, UC_DIM, true);
    for (size_t i = 0; i < sizeof rows_villages / sizeof *rows_villages; i++)
        ui_print(w, rows_villages[i], 52, cols - 54, _("(your villages)"));
    for (size_t i = 0; i < sizeof rows_cases / sizeof *rows_cases; i++)
        ui_print(w, rows_cases[i], 52, cols - 54, _("(your case reports)"));
    ui_print(w, 11, 52, cols - 54, _("(the whole commune: the officer's)"));
    ui_attr(w, UC_DIM, false);
}

static void home_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct db *db = s->ui->db;
    struct commune c;
    (void)rows;
    if (commune_current(db, &c) == ST_OK) {
        char line[256];
        snprintf(line, sizeof line, "%s (%s) — %s", c.full_name, c.code, c.province_name);
        ui_print_in(w, UC_OK, 1, 2, cols - 4, line);
        commune_free(&c);
    }
    setting_line(w, db, 2, N_("Officer:"), "officer_name");
    setting_line(w, db, 3, N_("Reports go to:"), "level_above");
    ui_hline(w, 5, 2, cols - 4);
    struct home_stats st;
    home_stats_get(db, date_today(), &st);
    figure(w, 6, 2, N_("Children under 16"), st.children);
    figure(w, 7, 2, N_("  in special circumstances"), st.children_special);
    figure(w, 8, 2, N_("Open cases"), st.open_cases);
    figure(w, 9, 2, N_("Overdue case steps"), st.overdue_steps);
    figure(w, 10, 2, N_("Tasks due within 7 days or late"), st.tasks_due);
    figure(w, 11, 2, N_("Criteria score this year"), st.criteria_points);
    if (st.criteria_points >= 0 && st.criteria_partial) {
        ui_print_in(w, UC_DIM, 11, 52, cols - 54, _("(partial)"));
    }
    figure(w, 12, 2, N_("Villages"), st.villages);
    if (st.scoped) /* a collaborator: say whose figures these are */
        scope_notes(w, cols);
    figure(w, 13, 2, N_("Departments"), st.departments);
    ui_print_pad(w, 14, 2, 42, _("Next report deadline"));
    ui_print(w, 14, 44, cols - 46, st.next_report[0] ? st.next_report : "—");
    ui_hline(w, 16, 2, cols - 4);
    ui_print_in(w, UC_DIM, 17, 2, cols - 4, _("Press a number 1-9 to open a screen of the menu row, F1 for help."));
}

static enum screen_result home_action(struct screen *s, enum action a, int digit)
{
    (void)s;
    (void)a;
    (void)digit;
    return SR_UNHANDLED;
}

const struct screen_ops scr_home_ops = {
    .title = N_("Home"),
    .draw = home_draw,
    .on_action = home_action,
};
