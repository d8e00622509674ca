/* child_support — checks of risk periods and help records. */
#include <config.h>
#include "treem/model/child_support.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

ENUM_DEFINE(help_kind, enum_help_kind, HELP_KIND_LIST, HELP__COUNT)

static const size_t risk_off[] = {offsetof(struct child_risk, reason)};
static const size_t help_off[] = {offsetof(struct child_help, what), offsetof(struct child_help, by_whom)};
static const struct mem_strings risk_strings = MEM_STRINGS(struct child_risk, risk_off),
    help_strings = MEM_STRINGS(struct child_help, help_off);

void child_risks_free(struct child_risk *list, size_t n)
{
    mem_strings_list_free(&risk_strings, list, n);
}

void child_helps_free(struct child_help *list, size_t n)
{
    mem_strings_list_free(&help_strings, list, n);
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
