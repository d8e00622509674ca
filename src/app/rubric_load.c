/* rubric_load — rubric CSV ↔ rule set; seeding, import, export. */
#include <config.h>
#include "treem/app/rubric_load.h"
#include "treem/csv/csv_write.h"
#include "treem/app/tx.h"
#include "treem/app/score.h"
#include "treem/core/embed.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/csv_write.h"
#include "treem/db/rubric_repo.h"
#include "treem/model/measure.h"
#include "treem/model/rubric_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUBRIC_COLUMNS(X)                                                   \
    X(C_LOAI, "loai") X(C_MA, "ma") X(C_NOI_DUNG, "noi_dung")              \
    X(C_CACH_DO, "cach_do") X(C_DON_VI, "don_vi") X(C_SO_DO, "so_do")      \
    X(C_BAN_NGANH, "ban_nganh") X(C_TU, "tu") X(C_DEN, "den")              \
    X(C_DIEM, "diem") X(C_DU_KHUNG, "du_khung") X(C_DIEM_LIET, "diem_liet") \
    X(C_NGUON, "nguon")

enum column {
#define X(id, name) id,
    RUBRIC_COLUMNS(X)
#undef X
    C__COUNT
};

static const char *const column_names[] = {
#define X(id, name) name,
    RUBRIC_COLUMNS(X)
#undef X
};

struct parser {
    const char *what;
    struct rubric *r;
    int col[C__COUNT];          /* field index of each column, -1 when absent */
    bool header_seen, set_seen;
    size_t line;
    const struct csv_row *row;
    char *cells[C__COUNT];      /* NFC, trimmed, un-neutralised copies */
};

/* ------------------------------------------------------------ reading --- */

static char *clean_cell(const char *raw)
{
    char *s = utf8_nfc(raw ? raw : "");
    if (!s)
        return NULL;
    char *start = s;
    while (*start == ' ' || *start == '\t')
        start++;
    memmove(s, start, strlen(start) + 1);
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    csv_unneutralise(s);
    return s;
}

static const char *cell(const struct parser *p, enum column c)
{
    return p->cells[c] ? p->cells[c] : "";
}

/* msg may be status_message() itself, so it is copied first. */
static enum status bad(const struct parser *p, enum column c, const char *msg)
{
    char copy[512];
    snprintf(copy, sizeof copy, "%s", msg);
    return status_set(ST_INVALID, _("%s line %zu, column %s: %s"), p->what, p->line,
                      column_names[c], copy);
}

static enum status on_header(struct parser *p, const struct csv_row *row)
{
    for (int c = 0; c < C__COUNT; c++)
        p->col[c] = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        char *name = clean_cell(row->fields[i]);
        int found = -1;
        for (int c = 0; name && c < C__COUNT; c++)
            if (strcmp(name, column_names[c]) == 0)
                found = c;
        enum status st = found >= 0 || !name || !*name ? ST_OK
            : status_set(ST_INVALID, _("%s line %zu: unknown column '%s'"), p->what, row->line, name);
        free(name);
        if (st != ST_OK)
            return st;
        if (found >= 0)
            p->col[found] = (int)i;
    }
    for (int c = C_LOAI; c <= C_NOI_DUNG; c++)
        if (p->col[c] < 0)
            return status_set(ST_INVALID, _("%s line %zu: the column '%s' is missing"),
                              p->what, row->line, column_names[c]);
    p->header_seen = true;
    return ST_OK;
}

static enum status need(const struct parser *p, enum column c)
{
    return *cell(p, c) ? ST_OK : bad(p, c, _("this row needs a value here"));
}

static enum status number(const struct parser *p, enum column c, bool *has, double *v)
{
    *has = *cell(p, c) != '\0';
    if (*has && !rubric_text_parse_number(cell(p, c), v))
        return bad(p, c, _("not a number"));
    if (*has && *v < 0)
        return bad(p, c, _("must be 0 or more"));
    return ST_OK;
}

static enum status flag(const struct parser *p, enum column c, bool dflt, bool *out)
{
    const char *s = cell(p, c);
    *out = *s ? strcmp(s, "1") == 0 : dflt;
    return !*s || strcmp(s, "1") == 0 || strcmp(s, "0") == 0 ? ST_OK : bad(p, c, _("write 1 or 0"));
}

static enum status set_row(struct parser *p)
{
    if (p->set_seen)
        return bad(p, C_LOAI, _("only one bo_tieu_chi row is allowed"));
    p->set_seen = true;
    enum status st = need(p, C_NOI_DUNG);
    if (st == ST_OK)
        st = flag(p, C_DIEM_LIET, true, &p->r->no_zero_rule);
    if (st == ST_OK && (!rubric_str_set(&p->r->name, cell(p, C_NOI_DUNG)) ||
                        !rubric_str_set(&p->r->source, cell(p, C_NGUON))))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    return st;
}

static enum status class_row(struct parser *p)
{
    bool has;
    double min;
    enum status st = need(p, C_MA);
    if (st == ST_OK)
        st = need(p, C_DIEM);
    if (st == ST_OK)
        st = number(p, C_DIEM, &has, &min);
    if (st != ST_OK)
        return st;
    struct rubric_threshold *t = rubric_threshold_add(p->r, cell(p, C_MA));
    if (!t)
        return bad(p, C_MA, status_message());
    t->min_total = min;
    if (!rubric_str_set(&t->label, cell(p, C_NOI_DUNG)) || !rubric_str_set(&t->source, cell(p, C_NGUON)))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return ST_OK;
}

static enum status criterion_row(struct parser *p)
{
    long long n = 0;
    if (number_parse_int(cell(p, C_MA), NUM_INT, &n) != ST_OK || n < 1 || n > 999)
        return bad(p, C_MA, _("a criterion number is a whole number from 1"));
    enum status st = need(p, C_NOI_DUNG);
    if (st != ST_OK)
        return st;
    struct rubric_criterion *c = rubric_criterion_add(p->r, (int)n, cell(p, C_NOI_DUNG));
    if (!c)
        return bad(p, C_MA, status_message());
    st = number(p, C_DIEM, &c->max_known, &c->max_points);
    if (st == ST_OK && !rubric_str_set(&c->source, cell(p, C_NGUON)))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    return st;
}

static enum status indicator_fields(struct parser *p, struct rubric_indicator *ind)
{
    enum status st = need(p, C_CACH_DO);
    if (st == ST_OK && !rubric_kind_parse(cell(p, C_CACH_DO), &ind->kind))
        st = bad(p, C_CACH_DO, _("write ty_le, so_luong or co_khong"));
    if (st == ST_OK && *cell(p, C_SO_DO) && measure_from_code(cell(p, C_SO_DO)) == MEASURE_NONE)
        st = bad(p, C_SO_DO, _("not a measure treem knows (see doc/rubric-csv.md)"));
    if (st == ST_OK)
        st = flag(p, C_DU_KHUNG, false, &ind->bands_known);
    if (st == ST_OK && !(rubric_str_set(&ind->text, cell(p, C_NOI_DUNG)) &&
                         rubric_str_set(&ind->unit, cell(p, C_DON_VI)) &&
                         rubric_str_set(&ind->measure, measure_canonical(cell(p, C_SO_DO))) &&
                         rubric_str_set(&ind->department, cell(p, C_BAN_NGANH)) &&
                         rubric_str_set(&ind->source, cell(p, C_NGUON))))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    return st;
}

static enum status indicator_row(struct parser *p)
{
    const char *code = cell(p, C_MA);
    char *end;
    long n = strtol(code, &end, 10);
    if (n < 1 || *end != '.' || !end[1])
        return bad(p, C_MA, _("an indicator code is the criterion number, a dot and more (6.1)"));
    enum status st = need(p, C_NOI_DUNG);
    if (st != ST_OK)
        return st;
    struct rubric_indicator *ind = rubric_indicator_add(p->r, (int)n, code);
    if (!ind)
        return bad(p, C_MA, status_message());
    return indicator_fields(p, ind);
}

static enum status band_row(struct parser *p)
{
    struct rubric_indicator *ind = rubric_find_indicator(p->r, cell(p, C_MA));
    if (!ind)
        return bad(p, C_MA, _("no chi_tieu row above has this code"));
    struct rubric_band b = {.lo_incl = true, .hi_incl = true};
    char what[160];
    snprintf(what, sizeof what, _("%s line %zu"), p->what, p->line);
    bool has;
    enum status st = rubric_text_parse_bound(cell(p, C_TU), false, what, &b);
    if (st == ST_OK)
        st = rubric_text_parse_bound(cell(p, C_DEN), true, what, &b);
    if (st == ST_OK)
        st = need(p, C_DIEM);
    if (st == ST_OK)
        st = number(p, C_DIEM, &has, &b.points);
    for (size_t i = 0; st == ST_OK && i < ind->nbands; i++)
        if (rubric_bands_overlap(&ind->bands[i], &b))
            st = bad(p, C_TU, _("this band overlaps an earlier band of the same indicator"));
    if (st == ST_OK && rubric_band_check(ind, &b) != ST_OK)
        st = bad(p, C_TU, status_message());
    /* du_khung on a band row completes (1) or reopens (0) the scale, so a
     * scale can be finished by appending rows to an exported file */
    bool complete = ind->bands_known;
    if (st == ST_OK)
        st = flag(p, C_DU_KHUNG, ind->bands_known, &complete);
    if (st != ST_OK)
        return st;
    ind->bands_known = complete;
    b.source = (char *)cell(p, C_NGUON);
    return rubric_band_put(ind, &b);
}

static const struct {
    const char *word;
    enum status (*fn)(struct parser *p);
} row_kinds[] = {
    {"bo_tieu_chi", set_row}, {"muc_cong_nhan", class_row}, {"tieu_chi", criterion_row},
    {"chi_tieu", indicator_row}, {"khung", band_row},
};

static enum status on_row(const struct csv_row *row, void *ctx)
{
    struct parser *p = ctx;
    p->line = row->line;
    if (!p->header_seen)
        return on_header(p, row);
    enum status st = ST_OK;
    for (int c = 0; c < C__COUNT && st == ST_OK; c++) {
        p->cells[c] = NULL;
        if (p->col[c] >= 0 && (size_t)p->col[c] < row->nfields &&
            !(p->cells[c] = clean_cell(row->fields[p->col[c]])))
            st = bad(p, (enum column)c, _("the text is not valid UTF-8"));
    }
    bool blank = true;
    for (int c = 0; c < C__COUNT; c++)
        blank &= !*cell(p, c);
    if (st == ST_OK && !blank) {
        size_t k = 0, nk = sizeof row_kinds / sizeof *row_kinds;
        while (k < nk && strcmp(row_kinds[k].word, cell(p, C_LOAI)) != 0)
            k++;
        st = k < nk ? row_kinds[k].fn(p)
                    : bad(p, C_LOAI, _("write bo_tieu_chi, muc_cong_nhan, tieu_chi, chi_tieu or khung"));
    }
    for (int c = 0; c < C__COUNT; c++) {
        free(p->cells[c]);
        p->cells[c] = NULL;
    }
    return st;
}

enum status rubric_load_parse(const char *data, size_t len, const char *what, struct rubric *out)
{
    *out = (struct rubric)RUBRIC_INIT;
    struct parser p = {.what = what, .r = out};
    enum status st = csv_read_buffer(data, len, 0, on_row, &p);
    if (st == ST_OK && !p.header_seen)
        st = status_set(ST_INVALID, _("%s is empty"), what);
    if (st == ST_OK && !p.set_seen)
        st = status_set(ST_INVALID, _("%s: no bo_tieu_chi row gives the rule set its name"), what);
    if (st == ST_OK && (st = rubric_validate(out)) != ST_OK) {
        char copy[512];
        snprintf(copy, sizeof copy, "%s", status_message());
        st = status_set(ST_INVALID, "%s: %s", what, copy);
    }
    if (st != ST_OK)
        rubric_free(out);
    return st;
}

/* ------------------------------------------------------------ writing --- */

static enum status put_row(struct csv_writer *w, const char *const cells[C__COUNT])
{
    return csv_write_row(w, cells, C__COUNT);
}

static void format_indicator(const struct rubric_indicator *ind, struct csv_writer *w)
{
    const char *row[C__COUNT] = {0};
    row[C_LOAI] = "chi_tieu";
    row[C_MA] = ind->code;
    row[C_NOI_DUNG] = ind->text;
    row[C_CACH_DO] = rubric_kind_word(ind->kind);
    row[C_DON_VI] = ind->unit;
    row[C_SO_DO] = measure_canonical(ind->measure);
    row[C_BAN_NGANH] = ind->department;
    row[C_DU_KHUNG] = ind->bands_known ? "1" : "0";
    row[C_NGUON] = ind->source;
    put_row(w, row);
    for (size_t j = 0; j < ind->nbands; j++) {
        const struct rubric_band *b = &ind->bands[j];
        char lo[48], hi[48], pts[48];
        rubric_text_bound(b, false, lo, sizeof lo);
        rubric_text_bound(b, true, hi, sizeof hi);
        snprintf(pts, sizeof pts, "%.10g", b->points);
        const char *band[C__COUNT] = {0};
        band[C_LOAI] = "khung";
        band[C_MA] = ind->code;
        band[C_TU] = lo;
        band[C_DEN] = hi;
        band[C_DIEM] = pts;
        band[C_NGUON] = b->source;
        put_row(w, band);
    }
}

static void format_criterion(const struct rubric *r, const struct rubric_criterion *c,
                             struct csv_writer *w)
{
    char num[16], max[48] = "";
    snprintf(num, sizeof num, "%d", c->number);
    if (c->max_known)
        snprintf(max, sizeof max, "%.10g", c->max_points);
    const char *row[C__COUNT] = {0};
    row[C_LOAI] = "tieu_chi";
    row[C_MA] = num;
    row[C_NOI_DUNG] = c->name;
    row[C_DIEM] = max;
    row[C_NGUON] = c->source;
    put_row(w, row);
    for (size_t i = 0; i < r->nind; i++)
        if (r->ind[i].criterion == c->number)
            format_indicator(&r->ind[i], w);
}

/* The writer's status is sticky: the first failure is returned at the end. */
enum status rubric_load_format(const struct rubric *r, struct csv_writer *w)
{
    put_row(w, column_names);
    const char *set[C__COUNT] = {0};
    set[C_LOAI] = "bo_tieu_chi";
    set[C_NOI_DUNG] = r->name;
    set[C_DIEM_LIET] = r->no_zero_rule ? "1" : "0";
    set[C_NGUON] = r->source;
    put_row(w, set);
    for (size_t i = 0; i < r->nthr; i++) {
        char min[48];
        snprintf(min, sizeof min, "%.10g", r->thr[i].min_total);
        const char *row[C__COUNT] = {0};
        row[C_LOAI] = "muc_cong_nhan";
        row[C_MA] = r->thr[i].class_code;
        row[C_NOI_DUNG] = r->thr[i].label;
        row[C_DIEM] = min;
        row[C_NGUON] = r->thr[i].source;
        put_row(w, row);
    }
    for (size_t i = 0; i < r->ncrit; i++)
        format_criterion(r, &r->crit[i], w);
    return w->st;
}

/* ------------------------------------------------------ seed, import --- */

#define SEED_KEY "seeded_rubric"

/* Saves r in the open transaction; activates it when asked or when no rule
 * set is active. shipped: seeding shipped data, not audited. */
static enum status store(struct db *db, bool shipped, const struct rubric *r, bool activate,
                         struct rubric_import *res)
{
    long long id = 0, active = 0;
    struct rubric_save_stats stats;
    bool existed = rubric_repo_find(db, r->name, &id) == ST_OK;
    enum status st = shipped ? rubric_save_shipped(db, r, &id, &stats)
                             : rubric_save(db, r, &id, &stats);
    bool none_active = st == ST_OK &&
        rubric_repo_active(db, &active) == ST_NOTFOUND;
    bool make_active = st == ST_OK && (none_active || (activate && active != id));
    if (make_active)
        st = shipped ? rubric_repo_activate_shipped(db, id) : rubric_repo_activate(db, id);
    if (st == ST_OK && res) {
        res->id = id;
        res->created = !existed;
        res->activated = make_active;
        res->stats = stats;
        if (!(res->name = strdup(r->name)))
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    return st;
}

enum status rubric_load_seed(struct db *db, bool *seeded)
{
    char *v = NULL;
    if (seeded)
        *seeded = false;
    if (db_setting_get(db, SEED_KEY, &v) == ST_OK) {
        free(v);
        return ST_OK;
    }
    const struct embedded_file *f = embed_find(RUBRIC_LOAD_SHIPPED);
    if (!f)
        return status_set(ST_NOTFOUND, _("%s is missing from this build"), RUBRIC_LOAD_SHIPPED);
    struct rubric r;
    enum status st = rubric_load_parse(f->data, f->len, RUBRIC_LOAD_SHIPPED, &r);
    if (st != ST_OK)
        return st;
    long long id;
    st = db_begin(db);
    bool exists = st == ST_OK &&
        rubric_repo_find(db, r.name, &id) == ST_OK;
    if (st == ST_OK && !exists)
        st = store(db, true, &r, false, NULL); /* shipped data: not audited */
    if (st == ST_OK)
        st = db_setting_set(db, SEED_KEY, RUBRIC_LOAD_SHIPPED);
    st = tx_end(db, st);
    rubric_free(&r);
    if (st == ST_OK && seeded)
        *seeded = !exists;
    return st;
}

enum status rubric_load_import(struct db *db, const char *path, bool activate,
                               struct rubric_import *res)
{
    char *data = NULL;
    size_t len = 0;
    struct rubric r;
    if (res)
        memset(res, 0, sizeof *res);
    enum status st = csv_slurp(path, &data, &len);
    if (st != ST_OK)
        return st;
    st = rubric_load_parse(data, len, path, &r);
    free(data);
    if (st != ST_OK)
        return st;
    st = db_backup_rotate(db, "before-rubric-import", 10, NULL);
    if (st == ST_OK)
        st = db_begin(db);
    if (st == ST_OK)
        st = tx_end(db, store(db, false, &r, activate, res));
    rubric_free(&r);
    return st;
}

static enum status fill_rubric(struct csv_writer *w, const void *r)
{
    return rubric_load_format(r, w);
}

enum status rubric_load_write_file(const struct rubric *r, const char *path)
{
    return csv_write_file(path, CSV_WRITE_DEFAULT, fill_rubric, r);
}

enum status rubric_load_export(struct db *db, const char *name, const char *path)
{
    long long id;
    enum status st = name ? rubric_repo_find(db, name, &id) : rubric_repo_active(db, &id);
    struct rubric r;
    if (st == ST_OK)
        st = rubric_repo_load(db, id, &r);
    if (st != ST_OK)
        return st;
    st = rubric_load_write_file(&r, path);
    rubric_free(&r);
    return st;
}
