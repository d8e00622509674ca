/* report — the periodic report: the frame, the children and special
 * circumstances, and the CSV (the other sections are in report_more.c). */
#include <config.h>
#include "treem/app/report.h"
#include "report_internal.h"
#include "treem/app/child_stats.h"
#include "treem/app/commune.h"
#include "treem/db/child_search.h"
#include "treem/db/report_repo.h"
#include "treem/csv/csv_write.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"
#include "treem/model/child.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const section_titles[REPORT_SEC__COUNT] = {
    N_("Report"),
    N_("1. Children under 16"),
    N_("2. Children in special circumstances"),
    N_("3. Health and nutrition"),
    N_("4. Protection: cases (counts only)"),
    N_("5. Plans: targets and tasks"),
    N_("6. Child-friendly commune criteria"),
};

const char *report_section_title(enum report_section s)
{
    return (unsigned)s < REPORT_SEC__COUNT ? _(section_titles[s]) : "?";
}

void report_half_year(int year, struct date *from, struct date *to)
{
    *from = (struct date){year, 1, 1};
    *to = (struct date){year, 6, 30};
}

void report_full_year(int year, struct date *from, struct date *to)
{
    *from = (struct date){year, 1, 1};
    *to = (struct date){year, 12, 31};
}

void report_free(struct report *r)
{
    free(r->lines);
    memset(r, 0, sizeof *r);
}

static bool report_grow(struct report *r);

enum status report_add(struct report *r, enum report_section s, int depth, long long count,
                       const char *label, const char *fmt, ...)
{
    if (!report_grow(r))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    struct report_line *l = &r->lines[r->n++];
    l->section = s;
    l->depth = depth;
    l->count = count;
    snprintf(l->label, sizeof l->label, "%s", label);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->value, sizeof l->value, fmt, ap);
    va_end(ap);
    return ST_OK;
}

static bool report_grow(struct report *r)
{
    if (r->n < r->cap)
        return true;
    size_t cap = r->cap ? r->cap * 2 : 64;
    struct report_line *p = realloc(r->lines, cap * sizeof *p);
    if (!p)
        return false;
    r->lines = p;
    r->cap = cap;
    return true;
}

enum status report_count_line(struct report *r, enum report_section s, int depth,
                              const char *label, long long n)
{
    return report_add(r, s, depth, n, label, "%lld", n);
}

enum status report_ratio_line(struct report *r, enum report_section s, const char *label,
                              long long num, long long den)
{
    if (den <= 0)
        return report_add(r, s, 1, -1, label, "%s", _("no children to count"));
    char pct[32];
    snprintf(pct, sizeof pct, "%.1f", 100.0 * (double)num / (double)den);
    char *dot = strchr(pct, '.');
    if (dot)
        *dot = ',';
    return report_add(r, s, 1, num, label, "%lld / %lld (%s %%)", num, den, pct);
}

enum status report_na_line(struct report *r, enum report_section s, int depth, const char *label)
{
    return report_add(r, s, depth, -1, label, "%s", _("cannot be computed"));
}

static enum status add_head(struct db *db, struct report *r)
{
    struct commune c = {0};
    enum status st = commune_current(db, &c);
    if (st == ST_OK)
        st = report_add(r, REPORT_SEC_HEAD, 1, -1, _("Commune"), "%s, %s", c.full_name,
                        c.province_name);
    commune_free(&c);
    if (st != ST_OK && st != ST_NOTFOUND)
        return st;
    char *above = NULL;
    if (db_setting_get(db, "level_above", &above) != ST_OK || !above || !above[0]) {
        free(above);
        above = NULL;
    }
    st = report_add(r, REPORT_SEC_HEAD, 1, -1, _("Sent to"), "%s",
                    above ? above : _("the level above (not set)"));
    free(above);
    char f[DATE_BUF], t[DATE_BUF], on[DATE_BUF];
    date_format(r->from, f);
    date_format(r->to, t);
    date_format(date_today(), on);
    if (st == ST_OK)
        st = report_add(r, REPORT_SEC_HEAD, 1, -1, _("Period"), "%s – %s", f, t);
    if (st == ST_OK)
        st = report_add(r, REPORT_SEC_HEAD, 1, -1, _("Made on"), "%s", on);
    return st;
}

/* Children matching sex (-1 any) and age range (-1 no bound) on r->on. */
static enum status count_children(struct db *db, const struct report *r, int sex, int from, int to,
                                  enum child_scope scope, long long *n)
{
    struct child_query q;
    child_query_init(&q);
    q.day = r->on;
    q.sex = sex;
    q.age_from = from;
    q.age_to = to;
    q.scope = scope;
    return child_search_count(db, &q, n);
}

static const int age_groups[][2] = {{0, 2}, {3, 5}, {6, 10}, {11, 15}};
#define NAGES (sizeof age_groups / sizeof age_groups[0])

/* Line "Aged a–b": total, and boys / girls / sex not known. */
static enum status add_age_line(struct report *r, const char *label, const long long by_sex[3])
{
    long long total = by_sex[0] + by_sex[1] + by_sex[2];
    return report_add(r, REPORT_SEC_CHILDREN, 2, total, label, _("%lld (boys %lld, girls %lld, not known %lld)"),
                      total, by_sex[CHILD_SEX_MALE], by_sex[CHILD_SEX_FEMALE],
                      by_sex[CHILD_SEX_UNKNOWN]);
}

static enum status add_sex_age(struct db *db, struct report *r, long long total_by_sex[3])
{
    long long grid[NAGES + 1][3];
    enum status st = ST_OK;
    for (int s = 0; s < 3 && st == ST_OK; s++) {
        st = count_children(db, r, s, -1, -1, CHILD_SCOPE_CHILDREN, &total_by_sex[s]);
        long long rest = total_by_sex[s];
        for (size_t a = 0; a < NAGES && st == ST_OK; a++) {
            st = count_children(db, r, s, age_groups[a][0], age_groups[a][1], CHILD_SCOPE_CHILDREN,
                                &grid[a][s]);
            rest -= grid[a][s];
        }
        grid[NAGES][s] = rest;
    }
    if (st == ST_OK)
        st = report_add(r, REPORT_SEC_CHILDREN, 1, -1, _("By age group"), "%s", "");
    for (size_t a = 0; a < NAGES && st == ST_OK; a++) {
        char label[64];
        snprintf(label, sizeof label, _("Aged %d–%d"), age_groups[a][0], age_groups[a][1]);
        st = add_age_line(r, label, grid[a]);
    }
    if (st == ST_OK)
        st = add_age_line(r, _("Age not known"), grid[NAGES]);
    return st;
}

static enum status add_groups(struct db *db, struct report *r, enum report_group g,
                              enum report_section s, const char *title, const char *none_label,
                              size_t top)
{
    struct report_count *c;
    size_t n;
    enum status st = report_repo_counts(db, g, r->from, r->on, &c, &n);
    if (st == ST_OK && title)
        st = report_add(r, s, 1, -1, title, "%s", "");
    long long other = 0;
    size_t shown = 0;
    for (size_t i = 0; i < n && st == ST_OK; i++) {
        if (!c[i].key[0]) {
            if (c[i].n > 0)
                st = report_count_line(r, s, 2, none_label, c[i].n);
        } else if (top && shown >= top) {
            other += c[i].n;
        } else {
            char label[REPORT_LABEL_BUF];
            if (g == REPORT_BY_SC_GROUP)
                snprintf(label, sizeof label, "%s) %s", c[i].key, c[i].name);
            else
                snprintf(label, sizeof label, "%s", c[i].name);
            st = report_count_line(r, s, 2, label, c[i].n);
            shown++;
        }
    }
    if (st == ST_OK && other > 0)
        st = report_count_line(r, s, 2, _("Other ethnic groups"), other);
    free(c);
    return st;
}

static enum status add_children(struct db *db, struct report *r)
{
    char on[DATE_BUF], label[REPORT_LABEL_BUF];
    date_format(r->on, on);
    long long total, over16, by_sex[3];
    enum status st = count_children(db, r, -1, -1, -1, CHILD_SCOPE_CHILDREN, &total);
    if (st == ST_OK)
        st = count_children(db, r, -1, -1, -1, CHILD_SCOPE_OVER16, &over16);
    snprintf(label, sizeof label, _("Children under 16 on %s"), on);
    if (st == ST_OK)
        st = report_count_line(r, REPORT_SEC_CHILDREN, 1, label, total);
    if (st == ST_OK)
        st = add_sex_age(db, r, by_sex);
    if (st == ST_OK)
        st = report_add(r, REPORT_SEC_CHILDREN, 1, -1, _("By sex"), "%s", "");
    static const int sex_order[] = {CHILD_SEX_MALE, CHILD_SEX_FEMALE, CHILD_SEX_UNKNOWN};
    for (int i = 0; i < 3 && st == ST_OK; i++)
        st = report_count_line(r, REPORT_SEC_CHILDREN, 2, enum_label(&enum_child_sex, sex_order[i]),
                               by_sex[sex_order[i]]);
    if (st == ST_OK)
        st = add_groups(db, r, REPORT_BY_VILLAGE, REPORT_SEC_CHILDREN, _("By village"),
                        _("No village recorded"), 0);
    if (st == ST_OK)
        st = add_groups(db, r, REPORT_BY_ETHNICITY, REPORT_SEC_CHILDREN, _("By ethnicity"),
                        _("Ethnicity not recorded"), 5);
    if (st == ST_OK)
        st = report_count_line(r, REPORT_SEC_CHILDREN, 1,
                               _("Aged 16 or over (kept apart, not counted above)"), over16);
    return st;
}

static enum status add_special(struct db *db, struct report *r)
{
    struct child_ratio sp;
    enum status st = child_stats_special(db, r->on, &sp);
    if (st == ST_OK)
        st = report_ratio_line(r, REPORT_SEC_SPECIAL, _("In at least one group (of children under 16)"),
                               sp.num, sp.den);
    if (st == ST_OK)
        st = add_groups(db, r, REPORT_BY_SC_GROUP, REPORT_SEC_SPECIAL, _("By group (Luật Trẻ em, Điều 10)"),
                        "", 0);
    return st;
}

typedef enum status (*report_part_fn)(struct db *db, struct report *r);

enum status report_build(struct db *db, struct date from, struct date to, struct report *out)
{
    memset(out, 0, sizeof *out);
    if (!date_valid(from))
        return status_set(ST_INVALID, "%s", _("from: not a valid date"));
    if (!date_valid(to))
        return status_set(ST_INVALID, "%s", _("to: not a valid date"));
    if (date_cmp(from, to) > 0)
        return status_set(ST_INVALID, "%s", _("to: the period ends before it begins"));
    out->from = from;
    out->to = to;
    struct date today = date_today();
    out->on = date_cmp(to, today) > 0 ? today : to;
    report_title(out);
    static const report_part_fn parts[REPORT_SEC__COUNT] = {
        add_head, add_children, add_special, report_add_health, report_add_protection,
        report_add_plans, report_add_criteria,
    };
    enum status st = ST_OK;
    for (int s = 0; s < REPORT_SEC__COUNT && st == ST_OK; s++) {
        if (s > REPORT_SEC_HEAD)
            st = report_add(out, (enum report_section)s, 0, -1, report_section_title(s), "%s", "");
        if (st == ST_OK)
            st = parts[s](db, out);
    }
    return st;
}

const struct report_line *report_find(const struct report *r, enum report_section section,
                                      const char *label)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->lines[i].section == section && strcmp(r->lines[i].label, label) == 0)
            return &r->lines[i];
    return NULL;
}

enum status report_write_csv(const struct report *r, const char *path)
{
    struct outfile o;
    enum status ost = outfile_open(&o, path);
    if (ost != ST_OK)
        return ost;
    FILE *f = o.f;
    struct csv_writer *w = malloc(sizeof *w);
    if (!w)
        return outfile_close(&o, status_set(ST_NOMEM, "%s", _("out of memory")));
    csv_writer_init_file(w, f, ',', CSV_WRITE_DEFAULT);
    const char *head[] = {_("section"), _("label"), _("value")};
    csv_write_row(w, head, 3);
    const char *parent = "";
    for (size_t i = 0; i < r->n; i++) {
        const struct report_line *l = &r->lines[i];
        if (l->depth == 0)
            continue;
        if (l->depth == 1)
            parent = l->label;
        char label[2 * REPORT_LABEL_BUF + 4];
        snprintf(label, sizeof label, "%s%s%s", l->depth > 1 ? parent : "", l->depth > 1 ? ": " : "",
                 l->label);
        const char *cells[] = {l->section == REPORT_SEC_HEAD ? r->title : report_section_title(l->section),
                               label, l->value};
        csv_write_row(w, cells, 3);
    }
    enum status st = csv_writer_flush(w);
    free(w);
    return outfile_close(&o, st);
}
