/* scr_settings — Cài đặt: the officer, the level above, the language, the
 * recognition class, and the villages; Ctrl-R opens the rubric editor,
 * Ctrl-B the backups (scr_backups), Ctrl-T the villages (rename, merge,
 * delete), Ctrl-O the holiday table, Ctrl-N the change of commune. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/criteria.h"
#include "treem/tui/formscreen.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_OFFICER, F_LEVEL, F_LANG, F_CLASS, F_NEW_VILLAGE, F__COUNT };

static const char *const lang_choices[] = {N_("Tiếng Việt"), N_("English"), NULL};
static const char *const lang_codes[] = {"vi", "en"};
static const char *const class_choices[] = {"850", "900", "800", NULL};

static const struct form_def settings_fields[F__COUNT] = {
    {N_("Officer's name"), FK_TEXT, 100, NULL, NULL},
    {N_("Reports go to"), FK_TEXT, 120, NULL, NULL},
    {N_("Language"), FK_CHOICE, 0, lang_choices, NULL},
    {N_("Recognition class"), FK_CHOICE, 0, class_choices, NULL},
    {N_("Add a village"), FK_TEXT, 100, NULL, N_("name of a new thôn / tổ dân phố")},
};

struct settings_state {
    struct formscreen fs;      /* the base: first */
    char **villages;
    size_t nvillages;
};

static void load_text(struct db *db, struct form *f, size_t i, const char *key)
{
    char *v = NULL;
    if (db_setting_get(db, key, &v) == ST_OK)
        form_set(f, i, v);
    free(v);
}

static void load(struct screen *s)
{
    struct settings_state *st = s->state;
    struct db *db = s->ui->db;
    load_text(db, &st->fs.form, F_OFFICER, "officer_name");
    load_text(db, &st->fs.form, F_LEVEL, "level_above");
    form_set_choice(&st->fs.form, F_LANG, strcmp(i18n_lang(), "en") == 0);
    char *v = NULL;
    if (db_setting_get(db, "unit_class", &v) == ST_OK)
        for (int i = 0; class_choices[i]; i++)
            if (strcmp(class_choices[i], v) == 0)
                form_set_choice(&st->fs.form, F_CLASS, i);
    free(v);
    string_list_free(st->villages, st->nvillages);
    village_list(db, &st->villages, &st->nvillages);
    form_mark_saved(&st->fs.form);
}

void profile_form_error(struct ui *ui, struct form *f, enum profile_field bad, size_t officer,
                        size_t level, size_t villages)
{
    if (bad == PROFILE_NONE)
        ui_status(ui, true, "%s", status_message());
    else
        form_set_error(f, bad == PROFILE_OFFICER ? officer : bad == PROFILE_LEVEL ? level : villages,
                       status_message());
}

static bool settings_save(struct ui *ui, struct form *f, void *ctx);
static bool settings_key(struct ui *ui, struct form *f, enum action a, void *ctx);
static void settings_resume(struct ui *ui, struct form *f, void *ctx);

/* Above the fields: what to do. */
static int settings_top(struct ui *ui, WINDOW *w, int cols, void *ctx)
{
    (void)ui, (void)ctx;
    ui_print(w, 0, 2, cols - 4, _("Change a value, then F2 to save."));
    return 2;
}

/* Under the fields: the villages (all of them, wrapped). */
static void settings_below(struct ui *ui, WINDOW *w, int y, int rows, int cols, void *ctx)
{
    struct settings_state *st = ((struct screen *)ctx)->state;
    (void)ui;
    ui_hline(w, y, 2, cols - 4);
    struct strbuf line = STRBUF_INIT;
    for (size_t i = 0; i < st->nvillages; i++)
        strbuf_printf(&line, "%s%s", i ? "; " : "", st->villages[i]);
    ui_print(w, y + 1, 2, cols - 4, _("Villages:"));
    ui_print_wrapped(w, y + 2, 4, cols - 6, strbuf_str(&line), rows - 2);
    strbuf_free(&line);
}

static const struct formscreen_spec settings_spec = {settings_fields, F__COUNT, NULL, NULL,
                                                     settings_save, NULL, NULL, NULL};
/* a tab: F2 saves and Cài đặt stays; its keys open the screens below it */
static const struct formscreen_hooks settings_hooks = {
    .key = settings_key, .resume = settings_resume, .top = settings_top,
    .field_rows = 8, .below = settings_below, .stays = true};

static void settings_enter(struct screen *s)
{
    if (formscreen_begin(s, &settings_spec, &settings_hooks))
        load(s);
}

static void settings_leave(struct screen *s)
{
    struct settings_state *st = s->state;
    formscreen_end(s);
    string_list_free(st->villages, st->nvillages);
}

static bool settings_save(struct ui *ui, struct form *f, void *ctx)
{
    struct db *db = ui->db;
    struct commune_profile p = {form_value(f, F_OFFICER), form_value(f, F_LEVEL),
                                form_value(f, F_NEW_VILLAGE)};
    enum profile_field bad = PROFILE_NONE;
    enum status rc = db_begin(db);
    if (rc == ST_OK)
        rc = commune_profile_save(db, &p, &bad);
    if (rc == ST_OK)
        rc = db_setting_set(db, "lang", lang_codes[form_choice(f, F_LANG)]);
    if (rc == ST_OK)
        rc = db_setting_set(db, "unit_class", class_choices[form_choice(f, F_CLASS)]);
    rc = rc == ST_OK ? db_commit(db) : (db_rollback(db), rc);
    if (rc != ST_OK)
        return profile_form_error(ui, f, bad, F_OFFICER, F_LEVEL, F_NEW_VILLAGE), false;
    i18n_set_lang(lang_codes[form_choice(f, F_LANG)]);
    form_set(f, F_NEW_VILLAGE, "");
    load(ctx);
    ui_status(ui, false, "%s", _("Settings saved."));
    return true;
}

/* Ctrl-R, Ctrl-B, Ctrl-T, Ctrl-O, Ctrl-N: the screens of Cài đặt. */
static bool settings_key(struct ui *ui, struct form *f, enum action a, void *ctx)
{
    (void)f;
    (void)ctx;
    const struct screen_ops *ops = a == ACT_SCALES     ? &scr_rubric_ops
                                 : a == ACT_BACKUPS    ? &scr_backups_ops
                                 : a == ACT_VILLAGES   ? &scr_villages_ops
                                 : a == ACT_HOLIDAYS   ? &scr_holidays_ops
                                 : a == ACT_COMMUNE    ? &scr_commune_ops
                                                       : NULL;
    if (ops)
        ui_push(ui, ops, NULL);
    return ops != NULL;
}

/* Back from a sub-screen: the villages may have changed (the form keeps
 * what was typed). */
static void settings_resume(struct ui *ui, struct form *f, void *ctx)
{
    struct settings_state *st = ((struct screen *)ctx)->state;
    (void)f;
    string_list_free(st->villages, st->nvillages);
    st->villages = NULL;
    st->nvillages = 0;
    village_list(ui->db, &st->villages, &st->nvillages);
}

static const enum action settings_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_SCALES, ACT_VILLAGES,
                                               ACT_HOLIDAYS, ACT_COMMUNE, ACT_BACKUPS};

const struct screen_ops scr_settings_ops = {
    .title = N_("Settings"),
    FORMSCREEN_SCREEN(struct settings_state, settings_enter, settings_leave, settings_actions),
};
