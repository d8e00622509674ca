/* scr_transfer_browse — choose a file, see the dry run, confirm the import. */
#include <config.h>
#include "treem/tui/transfer_browse.h"
#include "treem/app/handoff.h"
#include "treem/app/sealed.h"
#include "treem/tui/form.h"
#include "treem/tui/listbase.h"
#include "treem/app/transfer.h"
#include "treem/core/i18n.h"
#include "treem/core/path.h"
#include "treem/csv/csv_legacy.h"
#include "treem/csv/csv_write.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SHOWN_ERRORS 8

struct entry {
    char *name;
    bool dir, package, sealed;
};

/* The passphrase asked before opening a sealed package. */
static const struct form_def pass_fields[] = {
    {N_("Passphrase"), FK_SECRET, 200, NULL, NULL},
};

struct browse_state {
    struct listbase lb;         /* the folder's entries (listbase.n of them) */
    struct strbuf cwd;          /* the folder shown */
    struct entry *items;
    /* the summary of the chosen file */
    bool summary;
    struct strbuf path;         /* the file chosen */
    const struct transfer_kind *kind;
    bool package, sealed;
    bool asking;                /* the passphrase form is shown */
    struct form pass;
    struct transfer_result res;
    enum status check;
    char message[512];
    struct strbuf errfile;      /* where the dry run's problems were written, or "" */
    enum csv_force force;       /* the encoding the officer chose (t, v, w, u), or AUTO */
    size_t scroll;              /* first preview line shown */
};

bool transfer_tui_progress(size_t done, size_t total, void *ctx)
{
    struct ui *ui = ctx;
    char line[128];
    if (!total)
        return true;
    snprintf(line, sizeof line, _("Reading the file… %d %%"), (int)(done * 100 / total));
    ui_print_pad_in(stdscr, UC_STATUS, ui->rows - 2, 0, ui->cols, line);
    refresh();
    return true;
}

static void free_items(struct screen *s)
{
    struct browse_state *st = s->state;
    for (size_t i = 0; i < st->lb.n; i++)
        free(st->items[i].name);
    free(st->items);
    st->items = NULL;
}

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    if (strcmp(x->name, "..") == 0 || strcmp(y->name, "..") == 0)
        return strcmp(x->name, "..") == 0 ? -1 : 1;
    if (x->dir != y->dir)
        return x->dir ? -1 : 1;
    return strcoll(x->name, y->name);
}

/* name in the folder dir: a folder, a package or a file it imports. */
static bool wanted(const char *dir, const char *name, struct entry *e)
{
    struct strbuf full = STRBUF_INIT;
    struct stat sb;
    size_t len = strlen(name);
    if (name[0] == '.' && strcmp(name, "..") != 0)
        return false;
    bool ok = strbuf_printf(&full, "%s/%s", dir, name) && stat(strbuf_str(&full), &sb) == 0 &&
              (S_ISDIR(sb.st_mode) || S_ISREG(sb.st_mode)); /* not a FIFO, socket or device */
    if (ok) {
        e->dir = S_ISDIR(sb.st_mode);
        e->package = e->dir && strcmp(name, "..") != 0 && handoff_is_package(strbuf_str(&full));
        e->sealed = !e->dir && sealed_is_sealed(strbuf_str(&full));
    }
    strbuf_free(&full);
    return ok && (e->dir || e->sealed || (len > 4 && strcasecmp(name + len - 4, ".csv") == 0) ||
                  (len > 4 && strcasecmp(name + len - 4, ".txt") == 0) ||
                  (len > 5 && strcasecmp(name + len - 5, ".xlsx") == 0));
}

static bool load_dir(struct screen *s, size_t *count)
{
    struct browse_state *st = s->state;
    DIR *d = opendir(strbuf_str(&st->cwd));
    struct dirent *de;
    size_t cap = 0, n = 0;
    while (d && (de = readdir(d))) {
        struct entry e = {0};
        if (!wanted(strbuf_str(&st->cwd), de->d_name, &e))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            struct entry *grown = realloc(st->items, cap * sizeof *grown);
            if (!grown)
                break;
            st->items = grown;
        }
        if ((e.name = strdup(de->d_name)))
            st->items[n++] = e;
    }
    if (d)
        closedir(d);
    if (n)
        qsort(st->items, n, sizeof *st->items, entry_cmp);
    *count = n;
    return true;
}

static void entry_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct entry *e = &((struct browse_state *)s->state)->items[i];
    lb_cellf(r, 0, "%s%s%s", e->name, e->dir ? "/" : "",
             e->package ? _("  [hand-off package]") : e->sealed ? _("  [sealed hand-off package]") : "");
}

static void browse_texts(struct screen *s, enum lb_text which, struct strbuf *out)
{
    if (which == LB_HINT)
        strbuf_puts(out, strbuf_str(&((struct browse_state *)s->state)->cwd));
}

static void close_pass(struct browse_state *st)
{
    if (st->asking || st->sealed)
        form_free(&st->pass);
    st->asking = st->sealed = false;
}

static void browse_leave(struct screen *s)
{
    struct browse_state *st = s->state;
    close_pass(st);
    listbase_leave(s);
    transfer_result_free(&st->res);
    strbuf_free(&st->cwd);
    strbuf_free(&st->path);
    strbuf_free(&st->errfile);
}

static void go(struct screen *s, const char *name)
{
    struct browse_state *st = s->state;
    const char *cwd = strbuf_str(&st->cwd);
    struct strbuf next = STRBUF_INIT;
    const char *slash = strrchr(cwd, '/');
    bool ok = strcmp(name, "..") != 0
                  ? strbuf_printf(&next, "%s/%s", strcmp(cwd, "/") == 0 ? "" : cwd, name)
              : slash && slash != cwd ? strbuf_append(&next, cwd, (size_t)(slash - cwd))
                                      : strbuf_puts(&next, "/");
    if (!ok) {
        strbuf_free(&next);
        ui_status(s->ui, true, "%s", _("out of memory"));
        return;
    }
    strbuf_free(&st->cwd);
    st->cwd = next;
    st->lb.ls.lv.selected = st->lb.ls.lv.top = 0;
    listbase_reload(s);
}

/* Runs the import of the chosen file or package (dry: with a preview of
 * each row; good_only: the bad rows are skipped). */
static enum status run(struct screen *s, bool dry, bool good_only)
{
    struct browse_state *st = s->state;
    struct transfer_import_opts o = {.dry_run = dry, .skip_bad_rows = good_only, .preview = dry,
                                     .progress = transfer_tui_progress, .progress_ctx = s->ui,
                                     .force = st->force};
    transfer_result_free(&st->res);
    if (st->sealed)
        return handoff_import_sealed(s->ui->db, strbuf_str(&st->path), form_value(&st->pass, 0), &o,
                                     &st->res, NULL);
    if (st->package)
        return handoff_import(s->ui->db, strbuf_str(&st->path), &o, &st->res, NULL);
    return transfer_import(s->ui->db, st->kind, strbuf_str(&st->path), &o, &st->res);
}

/* The problems of the dry run go to "<file>-loi.csv" beside the file (or
 * in the current folder when that one cannot be written). */
static void save_errors(struct browse_state *st)
{
    strbuf_reset(&st->errfile);
    if (!st->res.errs.errors)
        return;
    struct strbuf name = STRBUF_INIT;
    const char *path = strbuf_str(&st->path);
    const char *dot = strrchr(path, '.');
    size_t stem = dot && dot > strrchr(path, '/') ? (size_t)(dot - path) : strlen(path);
    const char *saved = NULL;
    if (strbuf_append(&name, path, stem) && strbuf_puts(&name, "-loi.csv")) {
        const char *slash = strrchr(strbuf_str(&name), '/');
        saved = strbuf_str(&name);
        if (csv_errors_save(&st->res.errs, saved, CSV_WRITE_DEFAULT) != ST_OK)
            saved = slash && csv_errors_save(&st->res.errs, slash + 1, CSV_WRITE_DEFAULT) == ST_OK
                        ? slash + 1 : NULL;
    }
    char *full = saved ? path_absolute(saved) : NULL;
    if (saved)
        strbuf_puts(&st->errfile, full ? full : saved);
    free(full);
    strbuf_free(&name);
}

/* The dry run of the chosen file (again, after another encoding was chosen). */
static void recheck(struct screen *s)
{
    struct browse_state *st = s->state;
    st->check = run(s, true, false);
    snprintf(st->message, sizeof st->message, "%s", st->check == ST_OK ? "" : status_message());
    save_errors(st);
    st->summary = true;
    st->scroll = 0;
}

static void check_file(struct screen *s, const struct entry *e)
{
    struct browse_state *st = s->state;
    strbuf_reset(&st->path);
    if (!strbuf_printf(&st->path, "%s/%s", strbuf_str(&st->cwd), e->name)) {
        ui_status(s->ui, true, "%s", _("out of memory"));
        return;
    }
    st->package = e->package || e->sealed;
    if (e->sealed && !st->sealed) { /* ask the passphrase first */
        st->asking = st->sealed = form_init(&st->pass, pass_fields, 1);
        return;
    }
    st->kind = st->package ? NULL : transfer_kind_for_file(e->name);
    if (!st->kind && !st->package)
        st->kind = transfer_kind_find("children");
    st->force = CSV_FORCE_AUTO;
    recheck(s);
}

/* The rows the dry run found good: read less bad (a file that could not
 * be read at all has none). */
static size_t good_rows(const struct browse_state *st)
{
    const struct transfer_counts *c = &st->res.counts;
    return c->rows > c->bad_rows ? c->rows - c->bad_rows : 0;
}

/* Control characters from a file (a line break in a note) never reach
 * the terminal: each becomes a space. */
static void tame(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            *s = ' ';
}

/* The lines under the counts: errors first, then what each row does. */
static void draw_details(struct browse_state *st, WINDOW *w, int y, int rows, int cols)
{
    char line[1024];
    size_t shown = 0;
    for (size_t i = 0; i < st->res.errs.n && y < rows && shown < SHOWN_ERRORS; i++) {
        const struct csv_error *e = &st->res.errs.items[i];
        if (e->warning)
            continue;
        snprintf(line, sizeof line, _("line %zu, %s: %s"), e->line, e->column, e->message);
        tame(line);
        ui_print_in(w, UC_ERROR, y++, 2, cols - 4, line);
        shown++;
    }
    if (st->res.preview.n && y + 1 < rows) {
        ui_print_in(w, UC_TITLE, y++, 2, cols - 4, _("What the import would do (Up/Down scroll):"));
    }
    if (st->scroll >= st->res.preview.n)
        st->scroll = st->res.preview.n ? st->res.preview.n - 1 : 0;
    for (size_t i = st->scroll; i < st->res.preview.n && y < rows; i++) {
        const struct csv_error *e = &st->res.preview.items[i];
        if (*e->column)
            snprintf(line, sizeof line, _("line %zu, %s: %s"), e->line, e->column, e->message);
        else
            snprintf(line, sizeof line, _("line %zu: %s"), e->line, e->message);
        tame(line);
        ui_print(w, y++, 2, cols - 4, line);
    }
}

static void draw_summary(struct browse_state *st, WINDOW *w, int rows, int cols)
{
    const struct transfer_counts *c = &st->res.counts;
    char line[1024];
    ui_attr(w, UC_TITLE, true);
    char *path = strdup(strbuf_str(&st->path));
    if (path)
        tame(path);
    ui_print(w, 0, 2, cols - 4, path ? path : "");
    free(path);
    ui_attr(w, UC_TITLE, false);
    snprintf(line, sizeof line, _("Kind: %s. Check without saving (dry run):"),
             st->package ? _("hand-off package") : transfer_kind_title(st->kind));
    ui_print(w, 1, 2, cols - 4, line);
    snprintf(line, sizeof line, _("%zu rows: %zu to add, %zu to change, %zu unchanged, %zu kept (ours newer)"),
             c->rows, c->added, c->changed, c->unchanged, c->kept_local);
    ui_print(w, 2, 2, cols - 4, line);
    snprintf(line, sizeof line, _("conflicts: %zu, bad rows: %zu, new villages: %zu, notes: %zu"), c->conflicts,
             c->bad_rows, c->villages_added, st->res.errs.warnings);
    ui_print(w, 3, 2, cols - 4, line);
    const struct csv_read_info *in = &st->res.info;
    if (in->xlsx)
        snprintf(line, sizeof line, _("File: workbook, sheet \"%s\""), in->sheet);
    else
        snprintf(line, sizeof line, _("File: %s, separator '%s'"), csv_encoding_name(in->encoding),
                 in->sep == '\t' ? "Tab" : (char[]){in->sep ? in->sep : ',', 0});
    if (in->font && strlen(line) + 64 < sizeof line)
        snprintf(line + strlen(line), sizeof line - strlen(line), _(", names converted from the %s font"),
                 csv_font_name((enum csv_font)in->font));
    tame(line);
    if (in->bytes)
        ui_print(w, 4, 2, cols - 4, line);
    int y = 5;
    ui_attr(w, st->check == ST_OK ? UC_OK : UC_ERROR, true);
    tame(st->message);
    ui_print(w, y++, 2, cols - 4, st->check == ST_OK ? _("No errors: F2 imports the file (asks first).")
                                                     : st->message);
    ui_attr(w, st->check == ST_OK ? UC_OK : UC_ERROR, false);
    if (st->check != ST_OK && good_rows(st) > 0 && c->rows > 0) {
        snprintf(line, sizeof line, _("F2 imports only the %zu good rows (asks first)."), good_rows(st));
        ui_print(w, y++, 2, cols - 4, line);
    }
    if (st->errfile.len) {
        struct strbuf where = STRBUF_INIT;
        strbuf_printf(&where, _("Every problem is listed in %s"), strbuf_str(&st->errfile));
        ui_print(w, y++, 2, cols - 4, strbuf_str(&where));
        strbuf_free(&where);
    }
    if (!st->package) {
        ui_print_in(w, UC_DIM, y++, 2, cols - 4, _("Names look wrong? Read them as t: TCVN3, v: VNI, w: Windows-1258, u: UTF-8."));
    }
    draw_details(st, w, y + 1, rows, cols);
}

static void browse_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct browse_state *st = s->state;
    if (st->asking) {
        ui_print(w, 0, 2, cols - 4, strbuf_str(&st->path));
        ui_print(w, 1, 2, cols - 4, _("A sealed hand-off package: type its passphrase, Enter."));
        form_draw(w, &st->pass, 3, 2, rows - 4, cols - 4);
        return;
    }
    if (st->summary) {
        draw_summary(st, w, rows, cols);
        return;
    }
    listbase_draw(s, w, rows, cols);
    if (st->lb.n) /* the selection shows in monochrome too */
        mvwaddstr(w, 3 + (int)(st->lb.ls.lv.selected - st->lb.ls.lv.top), 0, ">");
}

static enum screen_result import_now(struct screen *s)
{
    struct browse_state *st = s->state;
    bool good_only = st->check != ST_OK;
    char question[256];
    if (good_only && (st->check != ST_INVALID || good_rows(st) == 0 || st->res.counts.rows == 0))
        return SR_HANDLED;
    if (good_only)
        snprintf(question, sizeof question, _("Import only the %zu good rows and leave out the %zu bad ones?"),
                 good_rows(st), st->res.counts.bad_rows);
    if (!ui_confirm(s->ui, good_only ? question : _("Import this file into the register?")))
        return SR_HANDLED;
    enum status rc = run(s, false, good_only);
    if (rc != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return SR_HANDLED;
    }
    const struct transfer_counts *c = &st->res.counts;
    if (good_only)
        ui_status(s->ui, false, _("Imported: %zu added, %zu changed, %zu unchanged; %zu bad rows left out."),
                  c->added, c->changed, c->unchanged, c->bad_rows);
    else
        ui_status(s->ui, false, _("Imported: %zu added, %zu changed, %zu unchanged."), c->added, c->changed,
                  c->unchanged);
    st->summary = false;
    close_pass(st);
    return SR_HANDLED;
}

static enum lb_after go_up(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    go(s, "..");
    return LB_STAY;
}

static enum lb_after open_entry(struct screen *s, size_t sel, int digit)
{
    struct browse_state *st = s->state;
    char *name = st->items[sel].name;
    (void)digit;
    if (st->items[sel].dir && !st->items[sel].package) {
        if ((name = strdup(name)))
            go(s, name); /* the entries are read again */
        else
            ui_status(s->ui, true, "%s", _("out of memory"));
        free(name);
    } else {
        check_file(s, &st->items[sel]);
    }
    return LB_STAY;
}

static const struct lb_key browse_keys[] = {
    {ACT_OPEN, open_entry, false},
    {ACT_BACKSPACE, go_up, true},
};
static const struct listbase_def browse_def = {
    .heading = N_("Choose a .csv or .xlsx file or a hand-off package (Enter); Backspace goes up."),
    .text = browse_texts,
    .empty = N_("No .csv or .xlsx files here."),
    .load = load_dir, .unload = free_items, .row = entry_row,
    .keys = browse_keys, .nkeys = sizeof browse_keys / sizeof *browse_keys,
};

static void browse_enter(struct screen *s)
{
    struct browse_state *st = s->state;
    char *here = realpath(".", NULL); /* allocated: no length limit */
    strbuf_puts(&st->cwd, here ? here : "/");
    free(here);
    listbase_enter(s, &browse_def);
}

static enum screen_result browse_action(struct screen *s, enum action a, int digit)
{
    struct browse_state *st = s->state;
    if (st->asking) {
        if (a == ACT_OPEN || a == ACT_SAVE) {
            st->asking = false;
            st->kind = NULL;
            st->check = run(s, true, false);
            snprintf(st->message, sizeof st->message, "%s", st->check == ST_OK ? "" : status_message());
            st->summary = true;
            return SR_HANDLED;
        }
        if (a == ACT_BACK) {
            close_pass(st);
            return SR_HANDLED;
        }
        return form_handle(&st->pass, a) ? SR_HANDLED : SR_UNHANDLED;
    }
    if (st->summary) {
        if (a == ACT_SAVE)
            return import_now(s);
        if (a == ACT_UP || a == ACT_DOWN) {
            st->scroll = a == ACT_UP ? st->scroll - (st->scroll > 0) : st->scroll + 1;
            return SR_HANDLED;
        }
        if (a == ACT_BACK || a == ACT_BACKSPACE) {
            st->summary = false;
            close_pass(st);
            return SR_HANDLED;
        }
        return SR_UNHANDLED;
    }
    return listbase_action(s, a, digit); /* the folder's list */
}

/* Typing: the passphrase while it is asked; else t, v, w, u on the
 * summary read the file in that encoding. */
static enum screen_result browse_text(struct screen *s, const char *utf8)
{
    struct browse_state *st = s->state;
    static const struct { char key; enum csv_force force; } keys[] = {
        {'t', CSV_FORCE_TCVN3}, {'v', CSV_FORCE_VNI}, {'w', CSV_FORCE_CP1258}, {'u', CSV_FORCE_UTF8},
    };
    if (st->asking) /* the passphrase of a sealed package */
        return form_text(&st->pass, utf8) ? SR_HANDLED : SR_UNHANDLED;
    if (!st->summary || st->package || !utf8[0] || utf8[1])
        return SR_UNHANDLED;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        if ((utf8[0] | 0x20) == keys[i].key) {
            st->force = keys[i].force;
            recheck(s);
            return SR_HANDLED;
        }
    }
    return SR_UNHANDLED;
}

static const enum action browse_actions[] = {ACT_OPEN, ACT_SAVE, ACT_BACKSPACE, ACT_BACK, ACT_UP, ACT_DOWN,
                                             ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END};

static bool browse_text_mode(struct screen *s)
{
    return ((struct browse_state *)s->state)->asking;
}
static const struct key_words browse_words[] = {
    {ACT_OPEN, N_("Open"), N_("open the folder, or check the file (nothing is imported yet)")},
    {ACT_SAVE, N_("Import"), N_("import the checked file (asks first)")},
    {ACT_BACKSPACE, N_("Up"), N_("go up to the folder above")},
};

const struct screen_ops scr_transfer_browse_ops = {
    .title = N_("Import a file"),
    SCREEN_WORDS(browse_words),
    SCREEN_ACTIONS(browse_actions),
    .state_size = sizeof(struct browse_state),
    .enter = browse_enter,
    .leave = browse_leave,
    .draw = browse_draw,
    .on_action = browse_action,
    .on_text = browse_text,
    .text_mode = browse_text_mode,
};
