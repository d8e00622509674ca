/* scr_children — Trẻ em: the register as a list that filters with every
 * keystroke. Only the rows on screen are read from the database (a small
 * page cache), and the count is capped while typing so a register of
 * 100,000 children stays instant. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/child_form.h"
#include "treem/tui/listbase.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <string.h>

#define PAGE 64            /* rows fetched at once */
#define COUNT_CAP 1000     /* count shown as "1000+" beyond this while typing */

struct children_state {
    struct listbase lb;        /* the rows are counted, read a page at a time */
    struct child_filter f;     /* f.q.text points into the search line */
    struct child_row rows[PAGE];
    size_t first, nrows;       /* the cached page */
    bool cached;
    long long open_id;         /* what the form was opened for */
    struct lb_col cols[6];     /* columns for this width of screen (lay_out) */
};

static bool c_load(struct screen *s, size_t *count)
{
    struct children_state *st = s->state;
    st->f.q.text = listbase_search(s);
    st->cached = false;
    long long n = 0;
    bool ok = children_count_upto(s->ui->db, &st->f.q, COUNT_CAP, &n) == ST_OK;
    st->lb.ls.capped = ok && n >= COUNT_CAP;
    *count = ok ? (size_t)n : 0;
    return ok;
}

/* Near the end of a capped list, count exactly so the user can go on. */
static void uncap_if_needed(struct screen *s)
{
    struct children_state *st = s->state;
    struct list_view *lv = &st->lb.ls.lv;
    if (!st->lb.ls.capped || lv->selected + (size_t)lv->page + 1 < lv->count)
        return;
    long long n = 0;
    if (children_count(s->ui->db, &st->f.q, &n) == ST_OK) {
        st->lb.ls.capped = false;
        st->lb.n = (size_t)n;
        list_set_count(lv, (size_t)n);
    }
}

static const struct child_row *row_at(struct children_state *st, struct db *db, size_t i)
{
    if (!st->cached || i < st->first || i >= st->first + st->nrows) {
        st->first = i / PAGE * PAGE;
        st->nrows = 0;
        st->cached = children_page(db, &st->f.q, st->first, PAGE, st->rows, &st->nrows) == ST_OK;
    }
    return i >= st->first && i < st->first + st->nrows ? &st->rows[i - st->first] : NULL;
}

static void c_row(struct screen *s, size_t i, struct lb_row *cells)
{
    const struct child_row *r = row_at(s->state, s->ui->db, i);
    if (!r)
        return;
    char birth[32], age[16];
    if (r->birth_date.y)
        date_format(r->birth_date, birth);
    else if (r->est_age >= 0)
        snprintf(birth, sizeof birth, _("~%d years"), r->est_age);
    else
        snprintf(birth, sizeof birth, "—");
    if (r->age >= 0)
        snprintf(age, sizeof age, "%d", r->age);
    else
        snprintf(age, sizeof age, "?");
    const char *sex = r->sex == CHILD_SEX_MALE ? _("M") : r->sex == CHILD_SEX_FEMALE ? _("F") : "?";
    /* found through a parent, the carer or a phone: say so where the village
     * goes (a match through the village shows in its column anyway) */
    char why[sizeof r->why + 8];
    snprintf(why, sizeof why, "%s %s", draw_ascii() ? "->" : "→", r->why);
    lb_cell(cells, 0, r->code);
    lb_cell(cells, 1, r->full_name);
    lb_cell(cells, 2, birth);
    lb_cell(cells, 3, age);
    lb_cell(cells, 4, sex);
    lb_cell(cells, 5, r->why[0] ? why : r->village);
}

/* Columns for cols screen columns: the code as wide as the widest code on
 * screen (never cut), the name and the village share what a wider screen
 * gives. */
static void lay_out(struct screen *s, int rows, int cols)
{
    struct children_state *st = s->state;
    const struct list_view *lv = &st->lb.ls.lv;
    int code = 7;
    for (size_t i = lv->top; i < lv->count && i < lv->top + (size_t)rows; i++) {
        const struct child_row *r = row_at(st, s->ui->db, i);
        if (r && utf8_width(r->code) > code)
            code = utf8_width(r->code);
    }
    int rest = cols - 2 - (code + 1) - 11 - 5 - 4; /* born, age, sex and their gaps */
    int name = rest * 52 / 100 > 36 ? 36 : rest * 52 / 100; /* names are rarely longer */
    const int widths[] = {code, name, 10, 4, 3, rest - name - 1};
    static const char *const titles[] = {N_("Code"), N_("Full name"), N_("Born"), N_("Age"),
                                         N_("Sex"), N_("Village")};
    for (size_t i = 0; i < 6; i++)
        st->cols[i] = (struct lb_col){titles[i], widths[i]};
}

static const struct lb_col *c_columns(struct screen *s, size_t *n)
{
    *n = 6;
    return ((struct children_state *)s->state)->cols;
}

/* One line saying which filters are on; the empty text. */
static void c_text(struct screen *s, enum lb_text which, struct strbuf *f)
{
    struct children_state *st = s->state;
    if (which == LB_EMPTY) {
        strbuf_puts(f, listbase_search(s)[0] ? _("No child matches. F3 adds a new one.")
                                             : _("The register is empty. F3 adds a child."));
        return;
    }
    if (which != LB_HINT)
        return;
    strbuf_puts(f, st->f.q.scope == CHILD_SCOPE_OVER16 ? _("Aged 16 and over (kept apart)")
                   : st->f.q.scope == CHILD_SCOPE_ALL  ? _("Everyone in the register")
                                                       : _("Children under 16"));
    if (st->f.q.village_id)
        strbuf_printf(f, " · %s", _("one village"));
    if (st->f.q.sex >= 0)
        strbuf_printf(f, " · %s", enum_label(&enum_child_sex, st->f.q.sex));
    if (st->f.q.age_from >= 0 || st->f.q.age_to >= 0)
        strbuf_printf(f, _(" · age %d–%d"), st->f.q.age_from < 0 ? 0 : st->f.q.age_from,
                      st->f.q.age_to < 0 ? 15 : st->f.q.age_to);
    if (st->f.q.group)
        strbuf_printf(f, _(" · group %s"), st->f.q.group);
    strbuf_printf(f, "   (%s)", _("F5 filter"));
}

static void open_form(struct screen *s, long long id)
{
    struct children_state *st = s->state;
    st->open_id = id;
    ui_push(s->ui, &scr_child_form_ops, &st->open_id);
}

static enum lb_after new_child(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    open_form(s, 0);
    return LB_STAY;
}

static enum lb_after open_child(struct screen *s, size_t sel, int digit)
{
    const struct child_row *r = row_at(s->state, s->ui->db, sel);
    (void)digit;
    if (r)
        open_form(s, r->id);
    return LB_STAY;
}

static enum lb_after open_filter(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    ui_push(s->ui, &scr_child_filter_ops, &((struct children_state *)s->state)->f);
    return LB_STAY;
}

static enum lb_after delete_child(struct screen *s, size_t sel, int digit)
{
    const struct child_row *r = row_at(s->state, s->ui->db, sel);
    (void)digit;
    if (!r)
        return LB_STAY;
    char q[768];
    long long id = r->id, facts = 0, cases = 0;
    if (children_dependents(s->ui->db, id, &facts, &cases) != ST_OK)
        status_clear();
    snprintf(q, sizeof q, _("Delete %s (%s) from the register, with %lld records of groups, "
                            "measurements, checks and help (%lld cases naming the child stay, "
                            "unlinked)? Children who turn 16 are kept; delete only a mistake or a "
                            "true duplicate. The audit log keeps the whole record."),
             r->full_name, r->code, facts, cases);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    return listbase_changed(s, children_delete(s->ui->db, id), "%s", _("Deleted."));
}

static const struct lb_key c_keys[] = {
    {ACT_NEW, new_child, true},
    {ACT_EDIT, open_child, false},
    {ACT_DELETE, delete_child, false},
    {ACT_FILTER, open_filter, true},
};
static const struct listbase_def c_def = {
    .search = true,
    .text = c_text,
    .columns = c_columns,
    .layout = lay_out,
    .moved = uncap_if_needed,
    .load = c_load, .row = c_row,
    .keys = c_keys, .nkeys = sizeof c_keys / sizeof *c_keys,
    .open_as = ACT_EDIT,
};

static void children_enter(struct screen *s)
{
    child_query_init(&((struct children_state *)s->state)->f.q);
    listbase_enter(s, &c_def);
}

static const enum action children_actions[] = {ACT_NEW, ACT_EDIT, ACT_FILTER, ACT_DELETE, ACT_OPEN};

const struct screen_ops scr_children_ops = {
    .title = N_("Children"),
    LISTBASE_OPS(struct children_state, children_enter, children_actions),
};
