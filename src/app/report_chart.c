/* report_chart — the report's figures as series for bar charts. */
#include <config.h>
#include "treem/app/report_chart.h"
#include "treem/db/report_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

void chart_series_free(struct chart_series *s)
{
    free(s->bars);
    memset(s, 0, sizeof *s);
}

static enum status push(struct chart_series *s, const char *label, long long v)
{
    if (!mem_resize(&s->bars, s->n + 1, sizeof *s->bars))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    struct chart_bar *b = s->bars;
    utf8_truncate(label, 40, b[s->n].label, sizeof b[s->n].label);
    b[s->n++].value = v < 0 ? 0 : v;
    return ST_OK;
}

/* The depth-2 lines whose code starts with prefix ("TE02."). */
static enum status from_lines(const struct report *r, const char *prefix, bool skip_zero,
                              struct chart_series *s)
{
    size_t n = strlen(prefix);
    enum status st = ST_OK;
    for (size_t i = 0; i < r->n && st == ST_OK; i++) {
        const struct report_line *l = &r->lines[i];
        if (strncmp(l->code, prefix, n) != 0 || l->count < 0 || (skip_zero && l->count == 0))
            continue;
        st = push(s, l->label, l->count);   /* long labels are cut by the screen */
    }
    return st;
}

static enum status months(struct db *db, const struct report *r, struct chart_series *s)
{
    struct report_case_row *rows;
    size_t n;
    enum status st = report_repo_cases(db, r->from, r->to, &rows, &n);
    if (st != ST_OK)
        return st;
    int first = r->from.y * 12 + r->from.m - 1, last = r->to.y * 12 + r->to.m - 1;
    for (int m = first; m <= last && st == ST_OK; m++) {
        long long c = 0;
        for (size_t i = 0; i < n; i++)
            c += rows[i].received.y * 12 + rows[i].received.m - 1 == m;
        char label[16];
        snprintf(label, sizeof label, "%02d/%04d", m % 12 + 1, m / 12);
        st = push(s, label, c);
    }
    report_case_rows_free(rows, n);
    return st;
}

enum status report_chart(struct db *db, const struct report *r, enum report_chart_kind k,
                         struct chart_series *out)
{
    memset(out, 0, sizeof *out);
    static const char *const titles[CHART__COUNT] = {
        N_("Children under 16 by village"), N_("Children under 16 by age"),
        N_("Children in special circumstances by group"), N_("Cases received by month"),
    };
    if ((unsigned)k >= CHART__COUNT)
        return status_set(ST_INVALID, "%s", _("chart: unknown kind"));
    snprintf(out->title, sizeof out->title, "%s", _(titles[k]));
    switch (k) {
    case CHART_VILLAGES: return from_lines(r, "TE02.", false, out);
    case CHART_AGES: return from_lines(r, "TE01.", false, out);
    case CHART_SPECIAL: return from_lines(r, "DB01.", true, out);
    default: return months(db, r, out);
    }
}
