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
    struct form form;
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
    load_text(db, &st->form, F_OFFICER, "officer_name");
    load_text(db, &st->form, F_LEVEL, "level_above");
    form_set_choice(&st->form, F_LANG, strcmp(i18n_lang(), "en") == 0);
    char *v = NULL;
    if (db_setting_get(db, "unit_class", &v) == ST_OK)
        for (int i = 0; class_choices[i]; i++)
            if (strcmp(class_choices[i], v) == 0)
                form_set_choice(&st->form, F_CLASS, i);
    free(v);
    string_list_free(st->villages, st->nvillages);
    village_list(db, &st->villages, &st->nvillages);
    form_mark_saved(&st->form);
}

static void settings_enter(struct screen *s)
{
    struct settings_state *st = s->state;
    form_init(&st->form, settings_fields, F__COUNT);
    load(s);
}

static void settings_leave(struct screen *s)
{
    struct settings_state *st = s->state;
    form_free(&st->form);
    string_list_free(st->villages, st->nvillages);
}

static void settings_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct settings_state *st = s->state;
    ui_print(w, 0, 2, cols - 4, _("Change a value, then F2 to save."));
    form_draw(w, &st->form, 2, 2, 8, cols - 4);
    ui_hline(w, 10, 2, cols - 4);
    char line[1024];
    size_t len = 0;
    line[0] = '\0';
    for (size_t i = 0; i < st->nvillages && len + 4 < sizeof line; i++)
        len += (size_t)snprintf(line + len, sizeof line - len, "%s%s", i ? "; " : "",
                                st->villages[i]);
    ui_print(w, 11, 2, cols - 4, _("Villages:"));
    int starts[16], lens[16];
    int n = ui_wrap(line, cols - 6, starts, lens, rows - 12 < 16 ? rows - 12 : 16);
    for (int i = 0; i < n; i++)
        ui_print_n(w, 12 + i, 4, line + starts[i], (size_t)lens[i]);
}

static enum screen_result settings_save(struct screen *s)
{
    struct settings_state *st = s->state;
    struct db *db = s->ui->db;
    struct commune_profile p = {form_value(&st->form, F_OFFICER), form_value(&st->form, F_LEVEL),
                                form_value(&st->form, F_NEW_VILLAGE)};
    enum profile_field bad = PROFILE_NONE;
    form_clear_errors(&st->form);
    enum status rc = db_begin(db);
    if (rc == ST_OK)
        rc = commune_profile_save(db, &p, &bad);
    if (rc == ST_OK)
        rc = db_setting_set(db, "lang", lang_codes[form_choice(&st->form, F_LANG)]);
    if (rc == ST_OK)
        rc = db_setting_set(db, "unit_class", class_choices[form_choice(&st->form, F_CLASS)]);
    rc = rc == ST_OK ? db_commit(db) : (db_rollback(db), rc);
    if (rc != ST_OK) {
        static const size_t at[] = {[PROFILE_OFFICER] = F_OFFICER, [PROFILE_LEVEL] = F_LEVEL,
                                    [PROFILE_VILLAGES] = F_NEW_VILLAGE};
        if (bad != PROFILE_NONE)
            form_set_error(&st->form, at[bad], status_message());
        else
            ui_status(s->ui, true, "%s", status_message());
        return SR_HANDLED;
    }
    i18n_set_lang(lang_codes[form_choice(&st->form, F_LANG)]);
    form_set(&st->form, F_NEW_VILLAGE, "");
    load(s);
    ui_status(s->ui, false, "%s", _("Settings saved."));
    return SR_HANDLED;
}

static enum screen_result settings_action(struct screen *s, enum action a, int digit)
{
    struct settings_state *st = s->state;
    (void)digit;
    if (a == ACT_SCALES)
        return ui_push(s->ui, &scr_rubric_ops, NULL), SR_HANDLED;
    if (a == ACT_BACKUPS)
        return ui_push(s->ui, &scr_backups_ops, NULL), SR_HANDLED;
    if (a == ACT_VILLAGES || a == ACT_HOLIDAYS || a == ACT_COMMUNE) {
        ui_push(s->ui, a == ACT_VILLAGES ? &scr_villages_ops : a == ACT_HOLIDAYS
                ? &scr_holidays_ops : &scr_commune_ops, NULL);
        return SR_HANDLED;
    }
    switch (form_key(&st->form, a)) {
    case FORM_SAVE: return settings_save(s);
    case FORM_USED: return SR_HANDLED;
    default: return SR_UNHANDLED; /* Esc: the frame asks when unsaved */
    }
}

static enum screen_result settings_text(struct screen *s, const char *utf8)
{
    struct settings_state *st = s->state;
    form_type(s->ui, &st->form, utf8);
    return SR_HANDLED;
}

static bool settings_text_mode(struct screen *s)
{
    (void)s;
    return true; /* letters are never commands in a form */
}

static bool settings_unsaved(struct screen *s)
{
    struct settings_state *st = s->state;
    return form_changed(&st->form);
}

/* Back from a sub-screen: the villages may have changed (the form keeps
 * what was typed). */
static void settings_resume(struct screen *s)
{
    struct settings_state *st = s->state;
    string_list_free(st->villages, st->nvillages);
    st->villages = NULL;
    st->nvillages = 0;
    village_list(s->ui->db, &st->villages, &st->nvillages);
}

static const enum action settings_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_SCALES, ACT_VILLAGES,
                                               ACT_HOLIDAYS, ACT_COMMUNE, ACT_BACKUPS};

const struct screen_ops scr_settings_ops = {
    .title = N_("Settings"),
    .actions = settings_actions,
    .nactions = sizeof settings_actions / sizeof *settings_actions,
    .state_size = sizeof(struct settings_state),
    .enter = settings_enter,
    .leave = settings_leave,
    .draw = settings_draw,
    .on_action = settings_action,
    .on_text = settings_text,
    .text_mode = settings_text_mode,
    .unsaved = settings_unsaved,
    .resume = settings_resume,
};
