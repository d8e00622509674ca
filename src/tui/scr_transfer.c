/* scr_transfer — Nhập/Xuất: import a file (the browser of
 * scr_transfer_browse.c), export a kind to a file name typed, or make the
 * hand-off package for the level above. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/form.h"
#include "treem/tui/transfer_browse.h"
#include "treem/app/handoff.h"
#include "treem/app/sealed.h"
#include "treem/app/transfer.h"
#include "treem/core/i18n.h"
#include "treem/core/path.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode { M_MENU, M_EXPORT, M_HANDOFF };
enum { ITEM_IMPORT, ITEM_EXPORT, ITEM_HANDOFF, ITEM__COUNT };

static const char *const items[ITEM__COUNT] = {
    N_("Import a CSV file, an .xlsx workbook or a hand-off package…"),
    N_("Export a list to a CSV file or an .xlsx workbook…"),
    N_("Make the hand-off package for the level above…"),
};

static const char *const kind_choices[] = {N_("children"), N_("special-circumstance periods"), N_("plans"),
                                           N_("targets"), N_("tasks"), N_("cases"), N_("case steps"),
                                           N_("assessment values"), NULL};
static const char *const kind_names[] = {"children", "periods", "plans", "targets", "tasks", "cases",
                                         "case_steps", "assessments"};
static const char *const form_choices[] = {N_("As the file type says (.xlsx: for people; .csv: codes)"),
                                           N_("For people: Vietnamese headers and labels"),
                                           N_("For the level above: stable codes"), NULL};
/* Anonymised is the first choice, so the default (Nghị định 56/2017 Điều 24). */
static const char *const anon_choices[] = {N_("Yes: protected children under pseudonyms, no notes"),
                                           N_("No: WITH NAMES (keep it confidential)"), NULL};

enum { X_KIND, X_FILE, X_FORM, X__COUNT };
static const struct form_def export_fields[X__COUNT] = {
    {N_("List"), FK_CHOICE, 0, kind_choices, NULL},
    {N_("File name"), FK_TEXT, 200, NULL, N_("e.g. tre-em.xlsx or ~/tre-em.csv")},
    {N_("Written for"), FK_CHOICE, 0, form_choices, NULL},
};
enum { H_DIR, H_ANON, H_PASS, H__COUNT };
static const struct form_def handoff_fields[H__COUNT] = {
    {N_("Folder"), FK_TEXT, 200, NULL, N_("e.g. ban-giao-2025")},
    {N_("Anonymised"), FK_CHOICE, 0, anon_choices, NULL},
    {N_("Seal with passphrase"), FK_SECRET, 200, NULL, N_("empty: a folder; else one sealed file .treem")},
};

struct transfer_state {
    enum mode mode;
    size_t sel;
    struct form form;
    bool form_ready;
};

static void close_form(struct transfer_state *st)
{
    if (st->form_ready)
        form_free(&st->form);
    st->form_ready = false;
    st->mode = M_MENU;
}

static void transfer_leave(struct screen *s)
{
    close_form(s->state);
}

static void transfer_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct transfer_state *st = s->state;
    if (st->mode != M_MENU) {
        ui_print(w, 0, 2, cols - 4, st->mode == M_EXPORT ? _("Export: choose the list, type a file name, F2.")
                                                         : _("Hand-off package: type a folder name, F2."));
        form_draw(w, &st->form, 2, 2, rows - 3, cols - 4);
        return;
    }
    ui_print(w, 0, 2, cols - 4, _("Exchange CSV files with collaborators and the level above."));
    for (int i = 0; i < ITEM__COUNT; i++) {
        ui_attr(w, UC_SELECTED, (size_t)i == st->sel);
        ui_print_pad(w, 2 + i, 4, cols - 8, _(items[i]));
        ui_attr(w, UC_SELECTED, false);
        mvwaddstr(w, 2 + i, 2, (size_t)i == st->sel ? ">" : " ");
    }
    ui_attr(w, UC_DIM, true);
    ui_print(w, 6, 2, cols - 4, _("Files open in Excel, LibreOffice and WPS; an import is all or nothing unless you "
                                  "choose to import only the good rows."));
    ui_attr(w, UC_DIM, false);
}

static void open_form(struct transfer_state *st, enum mode m)
{
    st->mode = m;
    st->form_ready = form_init(&st->form, m == M_EXPORT ? export_fields : handoff_fields,
                               m == M_EXPORT ? X__COUNT : H__COUNT);
    if (!st->form_ready)
        st->mode = M_MENU;
    else if (m == M_EXPORT)
        st->form.focus = X_FILE;
}

/* The path typed in field (the form's errors cleared), or NULL with
 * empty_msg under the field when nothing is typed. */
static const char *typed_path(struct transfer_state *st, size_t field, const char *empty_msg)
{
    const char *typed = form_value(&st->form, field);
    form_clear_errors(&st->form);
    if (typed[0])
        return typed;
    form_set_error(&st->form, field, empty_msg);
    return NULL;
}

/* After writing out (rc): true with its full path in *full (the caller
 * frees it), or false with the error under field. */
static bool written(struct transfer_state *st, size_t field, enum status rc, const char *out,
                    char **full)
{
    *full = NULL;
    if (rc != ST_OK) {
        form_set_error(&st->form, field, rc == ST_NOMEM ? _("out of memory") : status_message());
        return false;
    }
    *full = path_absolute(out);
    return true;
}

/* F2 on the export form, typed the file name. */
static void do_export(struct screen *s, const char *typed)
{
    struct transfer_state *st = s->state;
    const struct transfer_kind *k = transfer_kind_find(kind_names[form_choice(&st->form, X_KIND)]);
    struct transfer_export_opts xo = {.form = (enum transfer_form)form_choice(&st->form, X_FORM)};
    size_t rows = 0;
    char *file = path_expand(typed), *full;
    enum status rc = file ? transfer_export(s->ui->db, k, file, &xo, &rows) : ST_NOMEM;
    bool ok = written(st, X_FILE, rc, file, &full);
    free(file);
    if (!ok)
        return;
    ui_status(s->ui, false, _("%zu rows written to %s."), rows, full ? full : typed);
    free(full);
    close_form(st);
}

/* F2 on the hand-off form, typed the folder. */
static void do_handoff(struct screen *s, const char *typed)
{
    struct transfer_state *st = s->state;
    struct handoff_opts o = {.anonymise = form_choice(&st->form, H_ANON) == 0};
    const char *pass = form_value(&st->form, H_PASS);
    if (pass[0] && sealed_passphrase_check(pass) != ST_OK) {
        form_set_error(&st->form, H_PASS, status_message());
        return;
    }
    /* a sealed package is one file: the name ends in .treem */
    char *dir = path_expand(typed);
    size_t n = dir ? strlen(dir) : 0, e = strlen(SEALED_EXTENSION);
    bool ext = n > e && strcmp(dir + n - e, SEALED_EXTENSION) == 0;
    char *file = dir && pass[0] ? malloc(n + e + 1) : NULL;
    if (file)
        snprintf(file, n + e + 1, "%s%s", dir, ext ? "" : SEALED_EXTENSION);
    const char *out = pass[0] ? file : dir;
    enum status rc = !out ? ST_NOMEM
                   : pass[0] ? handoff_write_sealed(s->ui->db, out, &o, pass, NULL)
                             : handoff_write(s->ui->db, out, &o, NULL);
    char *full;
    bool ok = written(st, H_DIR, rc, out, &full);
    free(dir);
    free(file);
    if (!ok)
        return;
    if (pass[0])
        ui_status(s->ui, false, _("Hand-off package sealed with the passphrase in %s."), full ? full : typed);
    else
        ui_status(s->ui, false, o.anonymise ? _("Hand-off package written to %s (anonymised).")
                                            : _("Hand-off package written to %s, WITH NAMES: keep it confidential."),
                  full ? full : typed);
    free(full);
    close_form(st);
}

static enum screen_result form_action(struct screen *s, enum action a)
{
    struct transfer_state *st = s->state;
    bool x = st->mode == M_EXPORT;
    if (a == ACT_SAVE) { /* F2: the file or folder typed first */
        const char *typed = typed_path(st, x ? X_FILE : H_DIR,
                                       x ? _("File name: please fill in") : _("Folder: please fill in"));
        if (typed && x)
            do_export(s, typed);
        else if (typed)
            do_handoff(s, typed);
        return SR_HANDLED;
    }
    if (a == ACT_BACK) {
        close_form(st);
        return SR_HANDLED;
    }
    return form_handle(&st->form, a) ? SR_HANDLED : SR_UNHANDLED;
}

static enum screen_result transfer_action(struct screen *s, enum action a, int digit)
{
    struct transfer_state *st = s->state;
    (void)digit;
    if (st->mode != M_MENU)
        return form_action(s, a);
    switch (a) {
    case ACT_UP: st->sel = st->sel ? st->sel - 1 : 0; return SR_HANDLED;
    case ACT_DOWN: st->sel = st->sel + 1 < ITEM__COUNT ? st->sel + 1 : st->sel; return SR_HANDLED;
    case ACT_OPEN:
        if (st->sel == ITEM_IMPORT)
            ui_push(s->ui, &scr_transfer_browse_ops, NULL);
        else
            open_form(st, st->sel == ITEM_EXPORT ? M_EXPORT : M_HANDOFF);
        return SR_HANDLED;
    default:
        return SR_UNHANDLED;
    }
}

static enum screen_result transfer_text(struct screen *s, const char *utf8)
{
    struct transfer_state *st = s->state;
    return st->mode != M_MENU && form_text(&st->form, utf8) ? SR_HANDLED : SR_UNHANDLED;
}

static bool transfer_text_mode(struct screen *s)
{
    return ((struct transfer_state *)s->state)->mode != M_MENU;
}

static const enum action transfer_actions[] = {ACT_OPEN, ACT_SAVE, ACT_BACK, ACT_UP, ACT_DOWN,
                                               ACT_NEXT_FIELD, ACT_LEFT, ACT_RIGHT};

const struct screen_ops scr_transfer_ops = {
    .title = N_("Import/Export"),
    SCREEN_ACTIONS(transfer_actions),
    .state_size = sizeof(struct transfer_state),
    .leave = transfer_leave,
    .draw = transfer_draw,
    .on_action = transfer_action,
    .on_text = transfer_text,
    .text_mode = transfer_text_mode,
};
