/* scr_children — Trẻ em: the register as a list that filters with every
 * keystroke. Only the rows on screen are read from the database (a small
 * page cache), and the count is capped while typing so a register of
 * 100,000 children stays instant. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/child_form.h"
#include "treem/tui/listscreen.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <string.h>

#define PAGE 64            /* rows fetched at once */
#define COUNT_CAP 1000     /* count shown as "1000+" beyond this while typing */

struct children_state {
    struct listscreen ls;
    struct child_filter f;     /* f.q.text points into ls.search */
    struct child_row rows[PAGE];
    size_t first, nrows;       /* the cached page */
    bool cached, capped;
    long long open_id;         /* what the form was opened for */
    int widths[6];             /* columns for this width of screen (lay_out) */
};

static void reload(struct screen *s)
{
    struct children_state *st = s->state;
    st->f.q.text = field_text(&st->ls.search);
    st->cached = false;
    long long n = 0;
    if (children_count_upto(s->ui->db, &st->f.q, COUNT_CAP, &n) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        n = 0;
    }
    st->capped = n >= COUNT_CAP;
    list_set_count(&st->ls.lv, (size_t)n);
}

/* Near the end of a capped list, count exactly so the user can go on. */
static void uncap_if_needed(struct screen *s)
{
    struct children_state *st = s->state;
    if (!st->capped || st->ls.lv.selected + (size_t)st->ls.lv.page + 1 < st->ls.lv.count)
        return;
    long long n = 0;
    if (children_count(s->ui->db, &st->f.q, &n) == ST_OK) {
        st->capped = false;
        list_set_count(&st->ls.lv, (size_t)n);
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

static struct db *row_db; /* the list callback's database (one list draws at a time) */

static void child_row_text(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct children_state *st = ctx;
    const struct child_row *r = row_at(st, row_db, i);
    if (!r) {
        buf[0] = '\0';
        return;
    }
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
    const char *cells[] = {r->code, r->full_name, birth, age, sex, r->why[0] ? why : r->village};
    ui_columns(buf, bufsz, st->widths, cells, 6);
}

/* Columns for cols screen columns: the code as wide as the widest code on
 * screen (never cut), the name and the village share what a wider screen
 * gives. */
static void lay_out(struct children_state *st, struct db *db, int cols, int rows)
{
    int code = 7;
    for (size_t i = st->ls.lv.top; i < st->ls.lv.count && i < st->ls.lv.top + (size_t)rows; i++) {
        const struct child_row *r = row_at(st, db, i);
        if (r && utf8_width(r->code) > code)
            code = utf8_width(r->code);
    }
    int rest = cols - 2 - (code + 1) - 11 - 5 - 4; /* born, age, sex and their gaps */
    int name = rest * 52 / 100 > 36 ? 36 : rest * 52 / 100; /* names are rarely longer */
    st->widths[0] = code;
    st->widths[1] = name;
    st->widths[2] = 10;
    st->widths[3] = 4;
    st->widths[4] = 3;
    st->widths[5] = rest - name - 1;
    const char *cells[] = {_("Code"), _("Full name"), _("Born"), _("Age"), _("Sex"), _("Village")};
    listscreen_set_header(&st->ls, st->widths, cells, 6);
}

/* One line saying which filters are on. */
static void describe_filter(struct screen *s)
{
    struct children_state *st = s->state;
    struct strbuf *f = &st->ls.filter;
    strbuf_reset(f);
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

static void children_enter(struct screen *s)
{
    struct children_state *st = s->state;
    listscreen_init(&st->ls);
    child_query_init(&st->f.q);
    describe_filter(s);
    reload(s);
}

static void children_leave(struct screen *s)
{
    struct children_state *st = s->state;
    listscreen_free(&st->ls);
}

static void children_resume(struct screen *s)
{
    struct children_state *st = s->state;
    describe_filter(s);
    size_t keep = st->ls.lv.selected;
    reload(s);
    st->ls.lv.selected = keep;
    list_set_count(&st->ls.lv, st->ls.lv.count);
}

static void children_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct children_state *st = s->state;
    row_db = s->ui->db;
    lay_out(st, s->ui->db, cols, rows - 3);
    st->ls.capped = st->capped;
    listscreen_draw(w, rows, cols, &st->ls, child_row_text, st);
    if (!st->ls.lv.count) {
        ui_attr(w, UC_DIM, true);
        ui_print(w, 4, 2, cols - 4, field_text(&st->ls.search)[0]
                     ? _("No child matches. F3 adds a new one.")
                     : _("The register is empty. F3 adds a child."));
        ui_attr(w, UC_DIM, false);
    }
}

static void open_form(struct screen *s, long long id)
{
    struct children_state *st = s->state;
    st->open_id = id;
    ui_push(s->ui, &scr_child_form_ops, &st->open_id);
}

static enum screen_result delete_selected(struct screen *s)
{
    struct children_state *st = s->state;
    const struct child_row *r = row_at(st, s->ui->db, st->ls.lv.selected);
    if (!r)
        return SR_HANDLED;
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
        return SR_HANDLED;
    if (children_delete(s->ui->db, id) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    else
        ui_status(s->ui, false, "%s", _("Deleted."));
    reload(s);
    return SR_HANDLED;
}

static enum screen_result children_action(struct screen *s, enum action a, int digit)
{
    struct children_state *st = s->state;
    (void)digit;
    switch (a) {
    case ACT_NEW:
        open_form(s, 0);
        return SR_HANDLED;
    case ACT_OPEN:
    case ACT_EDIT: {
        const struct child_row *r = row_at(st, s->ui->db, st->ls.lv.selected);
        if (r)
            open_form(s, r->id);
        return SR_HANDLED;
    }
    case ACT_DELETE:
        return delete_selected(s);
    case ACT_FILTER:
        ui_push(s->ui, &scr_child_filter_ops, &st->f);
        return SR_HANDLED;
    default:
        break;
    }
    switch (listscreen_action(&st->ls, a)) {
    case LS_SEARCH_CHANGED: reload(s); return SR_HANDLED;
    case LS_MOVED: uncap_if_needed(s); return SR_HANDLED;
    default: return SR_UNHANDLED;
    }
}

static enum screen_result children_text(struct screen *s, const char *utf8)
{
    struct children_state *st = s->state;
    switch (listscreen_text(&st->ls, utf8)) {
    case LS_SEARCH_CHANGED: reload(s); return SR_HANDLED;
    case LS_UNHANDLED: return SR_UNHANDLED;
    default: return SR_HANDLED;
    }
}

static bool children_text_mode(struct screen *s) { (void)s; return true; }

static const enum action children_actions[] = {ACT_NEW, ACT_EDIT, ACT_FILTER, ACT_DELETE, ACT_OPEN};

const struct screen_ops scr_children_ops = {
    .title = N_("Children"),
    .actions = children_actions,
    .nactions = sizeof children_actions / sizeof *children_actions,
    .state_size = sizeof(struct children_state),
    .enter = children_enter,
    .leave = children_leave,
    .draw = children_draw,
    .on_action = children_action,
    .on_text = children_text,
    .text_mode = children_text_mode,
    .resume = children_resume,
};
