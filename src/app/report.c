/* report — the periodic report: the frame and its periods, the lines, the
 * children and the special circumstances (the other sections are in
 * report_more.c and report_cases.c, the CSV in report_csv.c). */
#include <config.h>
#include "treem/app/auth.h"
#include "treem/app/report.h"
#include "report_internal.h"
#include "treem/app/commune.h"
#include "treem/db/child_search.h"
#include "treem/db/report_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/outfile.h"
#include "treem/core/utf8.h"
#include "treem/model/child.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const section_titles[REPORT_SEC__COUNT] = {
    N_("Report"),
    N_("1. Children under 16"),
    N_("2. Children in special circumstances"),
    N_("3. Health and nutrition"),
    N_("4. Protection: abuse, risk, accidents (counts only)"),
    N_("5. Plans: targets and tasks"),
    N_("6. Child-friendly commune criteria"),
};

const char *report_section_title(enum report_section s)
{
    return (unsigned)s < REPORT_SEC__COUNT ? _(section_titles[s]) : "?";
}

void report_free(struct report *r)
{
    free(r->lines);
    memset(r, 0, sizeof *r);
}

static bool report_grow(struct report *r)
{
    return mem_reserve(&r->lines, &r->cap, r->n + 1, sizeof *r->lines, 64);
}

/* Cuts an incomplete UTF-8 sequence that snprintf may leave at the end. */
static void trim_utf8_tail(char *s)
{
    size_t n = strlen(s), k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80 && n - k < 3)
        k--;
    if (k == 0 || ((unsigned char)s[k - 1] & 0x80) == 0)
        return;   /* ends with ASCII: complete */
    unsigned char lead = (unsigned char)s[k - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (k - 1) < need)
        s[k - 1] = '\0';
}

struct report_line *report_push(struct report *r, enum report_section s, int depth,
                                const char *code, long long n, const char *label)
{
    if (!report_grow(r)) {
        status_set(ST_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    struct report_line *l = &r->lines[r->n++];
    memset(l, 0, sizeof *l);
    l->section = s;
    l->depth = depth;
    l->count = n;
    for (int i = 0; i < REPORT_PART__COUNT; i++)
        l->part[i] = -1;
    snprintf(l->code, sizeof l->code, "%s", code ? code : "");
    snprintf(l->label, sizeof l->label, "%s", label);
    trim_utf8_tail(l->label);
    return l;
}

enum status report_text(struct report *r, enum report_section s, int depth, const char *code,
                        const char *label, const char *fmt, ...)
{
    struct report_line *l = report_push(r, s, depth, code, -1, label);
    if (!l)
        return ST_NOMEM;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->value, sizeof l->value, fmt, ap);
    va_end(ap);
    trim_utf8_tail(l->value);
    return ST_OK;
}

enum status report_num(struct report *r, enum report_section s, int depth, const char *code,
                       const char *label, long long n)
{
    struct report_line *l = report_push(r, s, depth, code, n, label);
    if (!l)
        return ST_NOMEM;
    snprintf(l->value, sizeof l->value, "%lld", n);
    return ST_OK;
}

enum status report_sexed(struct report *r, enum report_section s, int depth, const char *code,
                         const char *label, const long long by_sex[3])
{
    long long total = by_sex[0] + by_sex[1] + by_sex[2];
    struct report_line *l = report_push(r, s, depth, code, total, label);
    if (!l)
        return ST_NOMEM;
    l->part[REPORT_PART_MALE] = by_sex[CHILD_SEX_MALE];
    l->part[REPORT_PART_FEMALE] = by_sex[CHILD_SEX_FEMALE];
    l->part[REPORT_PART_SEX_NA] = by_sex[CHILD_SEX_UNKNOWN];
    snprintf(l->value, sizeof l->value, _("%lld (boys %lld, girls %lld, not known %lld)"), total,
             by_sex[CHILD_SEX_MALE], by_sex[CHILD_SEX_FEMALE], by_sex[CHILD_SEX_UNKNOWN]);
    return ST_OK;
}

enum status report_share(struct report *r, enum report_section s, int depth, const char *code,
                         const char *label, long long num, long long den)
{
    if (den <= 0)
        return report_text(r, s, depth, code, label, "%s", _("no children to count"));
    struct report_line *l = report_push(r, s, depth, code, num, label);
    if (!l)
        return ST_NOMEM;
    l->part[REPORT_PART_BASE] = den;
    char pct[32];
    snprintf(pct, sizeof pct, "%.1f", 100.0 * (double)num / (double)den);
    char *dot = strchr(pct, '.');
    if (dot)
        *dot = ',';
    snprintf(l->value, sizeof l->value, "%lld / %lld (%s %%)", num, den, pct);
    return ST_OK;
}

enum status report_na(struct report *r, enum report_section s, int depth, const char *code,
                      const char *label)
{
    return report_text(r, s, depth, code, label, "%s", _("cannot be computed"));
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

/* TE01 (all under 16 by sex), TE01.1–TE01.4 (age bands), TE01.9 (age not known). */
static enum status add_sex_age(struct db *db, struct report *r)
{
    long long grid[NAGES + 1][3], total[3];
    enum status st = ST_OK;
    for (int s = 0; s < 3 && st == ST_OK; s++) {
        st = count_children(db, r, s, -1, -1, CHILD_SCOPE_CHILDREN, &total[s]);
        long long rest = total[s];
        for (size_t a = 0; a < NAGES && st == ST_OK; a++) {
            st = count_children(db, r, s, age_groups[a][0], age_groups[a][1], CHILD_SCOPE_CHILDREN,
                                &grid[a][s]);
            rest -= grid[a][s];
        }
        grid[NAGES][s] = rest;
    }
    char on[DATE_BUF], label[REPORT_LABEL_BUF], code[REPORT_CODE_BUF];
    date_format(r->on, on);
    snprintf(label, sizeof label, _("Children under 16 on %s"), on);
    if (st == ST_OK)
        st = report_sexed(r, REPORT_SEC_CHILDREN, 1, "TE01", label, total);
    for (size_t a = 0; a < NAGES && st == ST_OK; a++) {
        snprintf(label, sizeof label, _("Aged %d–%d"), age_groups[a][0], age_groups[a][1]);
        snprintf(code, sizeof code, "TE01.%zu", a + 1);
        st = report_sexed(r, REPORT_SEC_CHILDREN, 2, code, label, grid[a]);
    }
    if (st == ST_OK)
        st = report_sexed(r, REPORT_SEC_CHILDREN, 2, "TE01.9", _("Age not known"), grid[NAGES]);
    return st;
}

/* A code of ASCII letters and digits from a name: "TE03.ba-na". */
static void slug_code(const char *prefix, const char *name, char *out, size_t n)
{
    char *f = utf8_fold(name);
    size_t k = (size_t)snprintf(out, n, "%s", prefix);
    for (const char *p = f ? f : ""; *p && k + 1 < n; p++) {
        char c = *p;
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            out[k++] = c;
        else if (k > 0 && out[k - 1] != '-' && out[k - 1] != '.')
            out[k++] = '-';
    }
    while (k > 0 && out[k - 1] == '-')
        k--;
    out[k] = '\0';
    free(f);
}

/* Villages (TE02.<id>, TE02.0 none) and ethnic groups (TE03.<name>, the
 * five largest and the rest): the commune's own lines. */
static enum status add_groups(struct db *db, struct report *r, enum report_group g,
                              const char *title, const char *none_label, size_t top)
{
    struct report_count *c;
    size_t n;
    bool village = g == REPORT_BY_VILLAGE;
    const char *prefix = village ? "TE02" : "TE03";
    enum status st = report_repo_counts(db, g, r->from, r->on, &c, &n);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_CHILDREN, 1, prefix, title, "%s", "");
    long long other = 0;
    size_t shown = 0;
    char code[REPORT_CODE_BUF];
    for (size_t i = 0; i < n && st == ST_OK; i++) {
        if (!c[i].key[0]) {
            snprintf(code, sizeof code, "%s.0", prefix);
            if (c[i].n > 0)
                st = report_num(r, REPORT_SEC_CHILDREN, 2, code, none_label, c[i].n);
        } else if (top && shown >= top) {
            other += c[i].n;
            continue;
        } else {
            if (village)
                snprintf(code, sizeof code, "TE02.%s", c[i].key);
            else
                slug_code("TE03.", c[i].name, code, sizeof code);
            st = report_num(r, REPORT_SEC_CHILDREN, 2, code, c[i].name, c[i].n);
            shown++;
        }
        if (st == ST_OK && r->n)
            r->lines[r->n - 1].local = village;
    }
    if (st == ST_OK && other > 0)
        st = report_num(r, REPORT_SEC_CHILDREN, 2, "TE03.other", _("Other ethnic groups"), other);
    free(c);
    return st;
}

static enum status add_children(struct db *db, struct report *r)
{
    long long over16;
    enum status st = add_sex_age(db, r);
    if (st == ST_OK)
        st = add_groups(db, r, REPORT_BY_VILLAGE, _("By village"), _("No village recorded"), 0);
    if (st == ST_OK)
        st = add_groups(db, r, REPORT_BY_ETHNICITY, _("By ethnicity"),
                        _("Ethnicity not recorded"), 5);
    if (st == ST_OK)
        st = count_children(db, r, -1, -1, -1, CHILD_SCOPE_OVER16, &over16);
    if (st == ST_OK)
        st = report_num(r, REPORT_SEC_CHILDREN, 1, "TE04",
                        _("Aged 16 or over (kept apart, not counted above)"), over16);
    return st;
}

/* The row of group or sub-group g under prefix ("DB01.a", "DB03.dd.1": đ
 * is written "dd" in codes), labelled letter, sep and name, by sex, with
 * the children helped. */
static enum status add_special_row(struct report *r, const char *prefix, const char *sep,
                             const struct report_sc_row *g)
{
    char code[REPORT_CODE_BUF], label[REPORT_LABEL_BUF];
    bool dd = strncmp(g->letter, "đ", strlen("đ")) == 0;
    snprintf(code, sizeof code, "%s.%s%s", prefix, dd ? "dd" : "", g->letter + (dd ? strlen("đ") : 0));
    snprintf(label, sizeof label, "%s%s %s", g->letter, sep, g->name);
    enum status st = report_sexed(r, REPORT_SEC_SPECIAL, 2, code, label, g->n);
    if (st == ST_OK)
        r->lines[r->n - 1].part[REPORT_PART_HELPED] = g->helped;
    return st;
}

/* DB01 in a group (of all children), DB01.<letter>, DB02 helped. */
static enum status add_special(struct db *db, struct report *r)
{
    struct report_sc_row *g;
    size_t n;
    long long all;
    enum status st = count_children(db, r, -1, -1, -1, CHILD_SCOPE_CHILDREN, &all);
    if (st == ST_OK)
        st = report_repo_special(db, r->from, r->on, false, &g, &n);
    if (st != ST_OK)
        return st;
    for (size_t i = 0; i < n && st == ST_OK; i++) {
        if (!g[i].letter[0]) {
            st = report_sexed(r, REPORT_SEC_SPECIAL, 1, "DB01",
                              _("Children in at least one group (Luật Trẻ em, Điều 10)"), g[i].n);
            if (st == ST_OK)
                r->lines[r->n - 1].part[REPORT_PART_BASE] = all;
            if (st == ST_OK)
                r->lines[r->n - 1].part[REPORT_PART_HELPED] = g[i].helped;
            long long sum = g[i].n[0] + g[i].n[1] + g[i].n[2];
            if (st == ST_OK)
                st = report_share(r, REPORT_SEC_SPECIAL, 1, "DB02",
                                  _("Of them helped in the period (a case with a plan or service)"),
                                  g[i].helped, sum);
            continue;
        }
        st = add_special_row(r, "DB01", ")", &g[i]);
    }
    free(g);
    return st;
}

/* The head: commune, level above, period, number, date, signer, and the
 * confidentiality rule (text lines: no value). */
static enum status add_head(struct db *db, struct report *r, const struct report_request *q)
{
    struct commune c = {0};
    enum status st = commune_current(db, &c);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_HEAD, 1, "H01", _("Commune"), "%s (%s), %s", c.full_name,
                         c.code, c.province_name);
    commune_free(&c);
    if (st != ST_OK && st != ST_NOTFOUND)
        return st;
    status_clear();
    char *above = NULL, *signer = NULL;
    if (db_setting_get(db, "level_above", &above) != ST_OK)
        status_clear();
    if (!q->signer && db_setting_get(db, "officer_name", &signer) != ST_OK)
        status_clear();
    const char *who = q->signer ? q->signer : signer && signer[0] ? signer : _("(not set)");
    char f[DATE_BUF], t[DATE_BUF], on[DATE_BUF];
    date_format(r->from, f);
    date_format(r->to, t);
    date_format(date_today(), on);
    st = report_text(r, REPORT_SEC_HEAD, 1, "H02", _("Sent to"), "%s",
                     above && above[0] ? above : _("the level above (not set)"));
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_HEAD, 1, "H03", _("Period"), "%s – %s", f, t);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_HEAD, 1, "H04", _("Report number"), "%s",
                         q->number && q->number[0] ? q->number : "……/BC-UBND");
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_HEAD, 1, "H05", _("Made on"), "%s", on);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_HEAD, 1, "H06", _("Signed by"), "%s", who);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_HEAD, 1, "H07", _("Confidential"), "%s",
                         _("counts only: no child's name, no reporter (Nghị định 56/2017, Điều 24)"));
    free(above);
    free(signer);
    return st;
}

/* DB03.<sub-group> ("DB03.a.1", đ written dd): every sub-group, by sex. */
static enum status add_subgroups(struct db *db, struct report *r)
{
    struct report_sc_row *g;
    size_t n;
    enum status st = report_repo_special(db, r->from, r->on, true, &g, &n);
    if (st == ST_OK)
        st = report_text(r, REPORT_SEC_SPECIAL, 1, "DB03",
                         _("By sub-group (Nghị định 56/2017)"), "%s", "");
    for (size_t i = 0; i < n && st == ST_OK; i++)
        st = add_special_row(r, "DB03", "", &g[i]);
    free(g);
    return st;
}

static enum status add_special_all(struct db *db, struct report *r)
{
    enum status st = add_special(db, r);
    return st == ST_OK ? add_subgroups(db, r) : st;
}

typedef enum status (*report_part_fn)(struct db *db, struct report *r);

enum status report_build_req(struct db *db, const struct report_request *q, struct report *out)
{
    memset(out, 0, sizeof *out);
    if (auth_require_commune_wide(_("the commune's report")) != ST_OK)
        return ST_DENIED;
    if (!date_valid(q->from))
        return status_set(ST_INVALID, "%s", _("from: not a valid date"));
    if (!date_valid(q->to))
        return status_set(ST_INVALID, "%s", _("to: not a valid date"));
    if (date_cmp(q->from, q->to) > 0)
        return status_set(ST_INVALID, "%s", _("to: the period ends before it begins"));
    out->from = q->from;
    out->to = q->to;
    out->kind = q->kind;
    out->year = q->year;
    struct date today = date_today();
    out->on = date_cmp(q->to, today) > 0 ? today : q->to;
    report_title(out);
    static const report_part_fn parts[REPORT_SEC__COUNT] = {
        NULL, add_children, add_special_all, report_add_health, report_add_protection,
        report_add_plans, report_add_criteria,
    };
    enum status st = add_head(db, out, q);
    for (int s = 1; s < REPORT_SEC__COUNT && st == ST_OK; s++) {
        st = report_text(out, (enum report_section)s, 0, "", report_section_title(s), "%s", "");
        if (st == ST_OK)
            st = parts[s](db, out);
    }
    return st;
}

enum status report_build(struct db *db, struct date from, struct date to, struct report *out)
{
    struct report_request q = {.from = from, .to = to, .kind = REPORT_RANGE};
    struct date a, b;
    report_half_year(to.y, &a, &b);
    if (!date_cmp(from, a) && !date_cmp(to, b))
        q.kind = REPORT_HALF, q.year = to.y;
    report_full_year(to.y, &a, &b);
    if (!date_cmp(from, a) && !date_cmp(to, b))
        q.kind = REPORT_YEAR, q.year = to.y;
    return report_build_req(db, &q, out);
}

const struct report_line *report_find(const struct report *r, enum report_section section,
                                      const char *label)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->lines[i].section == section && strcmp(r->lines[i].label, label) == 0)
            return &r->lines[i];
    return NULL;
}

const struct report_line *report_find_code(const struct report *r, const char *code)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->lines[i].code[0] && strcmp(r->lines[i].code, code) == 0)
            return &r->lines[i];
    return NULL;
}
