/* child_support — checks of risk periods and help records. */
#include <config.h>
#include "treem/model/child_support.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

#define ENUM_X_ITEM(id, code, label, aliases) {code, label, aliases},
static const struct enum_item help_items[] = {HELP_KIND_LIST(ENUM_X_ITEM)};
const struct enum_def enum_help_kind = {help_items, HELP__COUNT};

void child_risks_free(struct child_risk *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        free(list[i].reason);
    free(list);
}

void child_helps_free(struct child_help *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++) {
        free(list[i].what);
        free(list[i].by_whom);
    }
    free(list);
}

/* Required text within the limit. */
static enum status check_text(const char *field, const char *s)
{
    if (!s || !*s)
        return status_set(ST_INVALID, _("%s: required"), field);
    if (!utf8_valid(s, strlen(s)))
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), field);
    if (utf8_char_count(s) > CHILD_SUPPORT_TEXT_MAX)
        return status_set(ST_INVALID, _("%s: at most %d characters"), field, CHILD_SUPPORT_TEXT_MAX);
    return ST_OK;
}

/* A given date, not in the future, not before birth. */
static enum status check_day(const char *field, struct date d, struct date birth, struct date today)
{
    char buf[DATE_BUF];
    if (!d.y || !date_valid(d))
        return status_set(ST_INVALID, _("%s: give the date (dd/mm/yyyy)"), field);
    date_format(d, buf);
    if (date_cmp(d, today) > 0)
        return status_set(ST_INVALID, _("%s: %s is in the future"), field, buf);
    if (birth.y && date_cmp(d, birth) < 0)
        return status_set(ST_INVALID, _("%s: %s is before the child was born"), field, buf);
    return ST_OK;
}

enum status child_risk_validate(const struct child_risk *r, struct date birth, struct date today)
{
    enum status st = check_day(_("risk from"), r->from, birth, today);
    if (st != ST_OK)
        return st;
    if (r->to.y && (!date_valid(r->to) || date_cmp(r->to, r->from) < 0))
        return status_set(ST_INVALID, "%s", _("risk to: the end is before the start"));
    return check_text(_("risk reason"), r->reason);
}

enum status child_help_validate(const struct child_help *h, struct date birth, struct date today)
{
    enum status st = check_day(_("help date"), h->date, birth, today);
    if (st != ST_OK)
        return st;
    if (h->kind < 0 || h->kind >= HELP__COUNT)
        return status_set(ST_INVALID, "%s", _("help kind: choose home_visit, material, health, "
                                              "education, legal, care or other"));
    st = check_text(_("help given"), h->what);
    if (st == ST_OK)
        st = check_text(_("help given by"), h->by_whom);
    return st;
}
