/* scr_setup — first run: pick the commune from the shipped list by typing
 * (diacritics ignored), then the officer, the level above and the villages. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/list.h"
#include "treem/app/auth.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SETUP_MAX 300

enum { F_OFFICER, F_LEVEL, F_VILLAGES, F_LOGIN, F_PASS, F__COUNT };

static const struct form_def setup_fields[F__COUNT] = {
    {N_("Officer's name"), FK_TEXT, 100, NULL, N_("e.g. Nguyễn Thị Hồng")},
    {N_("Reports go to"), FK_TEXT, 120, NULL, N_("the level above, e.g. Sở Y tế tỉnh …")},
    {N_("Villages"), FK_TEXT, 2000, NULL, N_("separate with ; e.g. Thôn 1; Thôn 2")},
    /* the officer's account (app/auth.h); empty: no sign-in, one user */
    {N_("Officer's login"), FK_TEXT, 32, NULL, N_("e.g. hong; empty: no sign-in")},
    {N_("Password"), FK_SECRET, 200, NULL, N_("at least 8 characters")},
};

struct setup_state {
    struct field search;
    struct commune *found;
    size_t nfound;
    struct list_view lv;
    struct commune chosen;
    bool done;                 /* the details form saved everything */
    char code[AUTH_RECOVERY_BUF]; /* the officer's recovery code, to show once */
};

/* ---- the details of the chosen commune: a form on the base ------------- */

static bool details_save(struct ui *ui, struct form *f, void *ctx);

/* menu keys make no sense before set-up (help and quit do) */
static bool details_key(struct ui *ui, struct form *f, enum action a, void *ctx)
{
    (void)ui;
    (void)f;
    (void)ctx;
    return a == ACT_MENU || a == ACT_MENU_PREV || a == ACT_JUMP;
}

static const struct formscreen_spec details_spec = {setup_fields, F__COUNT, NULL, NULL,
                                                    details_save, NULL, NULL, NULL};
static const struct formscreen_hooks details_hooks = {.key = details_key};

/* "Tỉnh Gia Lai" → "Sở Y tế tỉnh Gia Lai": since 2025 child affairs report
 * to the province's health department (DOMAIN.md §1). */
static void default_level_above(const char *province, char *out, size_t outsz)
{
    if (strncmp(province, "Tỉnh ", strlen("Tỉnh ")) == 0)
        snprintf(out, outsz, "Sở Y tế tỉnh %s", province + strlen("Tỉnh "));
    else if (strncmp(province, "Thành phố ", strlen("Thành phố ")) == 0)
        snprintf(out, outsz, "Sở Y tế thành phố %s", province + strlen("Thành phố "));
    else
        snprintf(out, outsz, "Sở Y tế %s", province);
}

/* arg: the commune choice's state (the commune chosen) */
static void details_enter(struct screen *s)
{
    const struct setup_state *st = s->arg;
    const struct commune *c = &st->chosen;
    if (!formscreen_begin(s, &details_spec, &details_hooks))
        return;
    formscreen_set_headingf(s, "%s (%s), %s", c->full_name, c->code, c->province_name);
    formscreen_set_help(s, _("Fill in the details, then F2 to save (Esc: choose again)."));
    char level[200];
    default_level_above(c->province_name, level, sizeof level);
    form_set(&((struct formscreen *)s->state)->form, F_LEVEL, level);
}

static const enum action details_actions[] = {ACT_SAVE, ACT_BACK};

static const struct screen_ops details_ops = {
    .title = N_("First-time set-up"),
    FORMSCREEN_SCREEN(struct formscreen, details_enter, formscreen_end, details_actions),
};

/* ---- the choice of the commune ------------------------------------------ */

static void run_search(struct screen *s)
{
    struct setup_state *st = s->state;
    commune_list_free(st->found, st->nfound);
    st->found = NULL;
    st->nfound = 0;
    if (commune_search(s->ui->db, NULL, field_text(&st->search), SETUP_MAX, &st->found,
                       &st->nfound) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    st->lv.selected = st->lv.top = 0;
    list_set_count(&st->lv, st->nfound);
}

static void setup_enter(struct screen *s)
{
    struct setup_state *st = s->state;
    field_init(&st->search, "", 60);
    run_search(s);
}

static void setup_leave(struct screen *s)
{
    struct setup_state *st = s->state;
    field_free(&st->search);
    commune_list_free(st->found, st->nfound);
    commune_free(&st->chosen);
}

static void unit_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct setup_state *st = ctx;
    const int widths[] = {6, 34, 30};
    const char *cells[] = {st->found[i].code, st->found[i].full_name, st->found[i].province_name};
    ui_columns(buf, bufsz, widths, cells, 3);
}

static void setup_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct setup_state *st = s->state;
    ui_print_in(w, UC_OK, 0, 2, cols - 4, _("Welcome to treem. Which commune or ward is this?"));
    ui_print(w, 1, 2, cols - 4, _("Type part of its name (no need for diacritics), then Enter."));
    ui_print(w, 3, 2, 10, _("Search:"));
    field_draw(w, 3, 12, cols - 16, &st->search);
    char count[64];
    snprintf(count, sizeof count, _("%zu found"), st->nfound);
    ui_print_in(w, UC_DIM, 4, 2, cols - 4, st->nfound >= SETUP_MAX ? _("many found: type more") : count);
    list_draw(w, 5, 2, rows - 5, cols - 4, &st->lv, unit_row, st, true);
}

static void choose(struct screen *s)
{
    struct setup_state *st = s->state;
    if (!st->nfound)
        return;
    struct commune *c = &st->found[st->lv.selected];
    commune_free(&st->chosen);
    st->chosen = *c;
    st->chosen.full_name = strdup(c->full_name);
    st->chosen.province_name = strdup(c->province_name);
    ui_push(s->ui, &details_ops, st);
}

/* Saves commune, settings and villages in one transaction; a message that
 * belongs to a field goes under it. The welcome follows when the commune
 * choice is back on top (setup_resume). */
static bool details_save(struct ui *ui, struct form *f, void *ctx)
{
    struct setup_state *st = ((struct screen *)ctx)->arg;
    struct db *db = ui->db;
    struct commune_profile p = {form_value(f, F_OFFICER), form_value(f, F_LEVEL),
                                form_value(f, F_VILLAGES)};
    enum profile_field bad = PROFILE_NONE;
    const char *login = form_value(f, F_LOGIN), *pass = form_value(f, F_PASS);
    if (login[0] && auth_login_check(login) != ST_OK)
        return form_set_error(f, F_LOGIN, status_message()), false;
    if (login[0] && auth_password_check(pass) != ST_OK)
        return form_set_error(f, F_PASS, status_message()), false;
    enum status rc = db_begin(db);
    if (rc == ST_OK)
        rc = commune_setup(db, st->chosen.code);
    if (rc == ST_OK)
        rc = commune_profile_save(db, &p, &bad);
    rc = rc == ST_OK ? db_commit(db) : (db_rollback(db), rc);
    if (rc != ST_OK)
        return profile_form_error(ui, f, bad, F_OFFICER, F_LEVEL, F_VILLAGES), false;
    if (login[0] && ((rc = auth_user_add(db, login, "officer", NULL, pass, st->code)) != ST_OK ||
                     (rc = auth_sign_in(db, login, pass)) != ST_OK))
        return form_set_error(f, F_LOGIN, status_message()), false;
    st->done = true;
    return true;
}

/* Set up: the first tab, and the recovery code shown once. */
static void setup_resume(struct screen *s)
{
    struct setup_state *st = s->state;
    struct ui *ui = s->ui;
    char code[AUTH_RECOVERY_BUF];
    if (!st->done)
        return;
    snprintf(code, sizeof code, "%s", st->code);
    ui_refresh_title(ui);
    ui_goto_tab(ui, 0); /* frees this screen */
    if (code[0]) {
        char text[512];
        snprintf(text, sizeof text,
                 _("Your recovery code is %s. Write it down and keep it safe: it is shown only now, and "
                   "resets a forgotten password (treem user recover)."), code);
        ui->lock_s = 10 * 60;
        ui_message(ui, _("Recovery code"), text);
    }
    ui_status(ui, false, "%s", _("Saved. Welcome!"));
}

static enum screen_result setup_action(struct screen *s, enum action a, int digit)
{
    struct setup_state *st = s->state;
    (void)digit;
    if (a == ACT_OPEN) {
        choose(s);
        return SR_HANDLED;
    }
    if (list_handle(&st->lv, a))
        return SR_HANDLED;
    if (field_handle(&st->search, a)) {
        run_search(s);
        return SR_HANDLED;
    }
    if (a == ACT_BACK)
        return ui_confirm(s->ui, _("Leave without setting up?")) ? SR_QUIT : SR_HANDLED;
    /* menu keys make no sense before set-up */
    return a == ACT_HELP || a == ACT_QUIT ? SR_UNHANDLED : SR_HANDLED;
}

static enum screen_result setup_text(struct screen *s, const char *utf8)
{
    struct setup_state *st = s->state;
    if (field_insert(&st->search, utf8))
        run_search(s);
    return SR_HANDLED;
}


static const enum action setup_actions[] = {ACT_OPEN, ACT_BACK};

const struct screen_ops scr_setup_ops = {
    .title = N_("First-time set-up"),
    SCREEN_ACTIONS(setup_actions),
    .state_size = sizeof(struct setup_state),
    .enter = setup_enter,
    .leave = setup_leave,
    .draw = setup_draw,
    .on_action = setup_action,
    .on_text = setup_text,
    .text_mode = screen_takes_text,
    .resume = setup_resume,
};
