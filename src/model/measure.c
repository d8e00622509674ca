/* measure — the table of measures and the lookup of codes and aliases. */
#include <config.h>
#include "treem/model/measure.h"

#include <string.h>

static const struct measure_info measures[] = {
#define MEASURE_ROW(id, code, unit, criterion, from, label, aliases) \
    {MEASURE_##id, code, unit, criterion, from, label, aliases},
    MEASURE_LIST(MEASURE_ROW)
#undef MEASURE_ROW
};

const struct measure_info *measure_info(enum measure m)
{
    if (m <= MEASURE_NONE || m >= MEASURE__COUNT)
        return NULL;
    return &measures[m - 1];
}

/* Whether code is one of the space-separated words of list. */
static bool in_list(const char *list, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && strncmp(p, code, n) == 0)
            return true;
        p += len;
        p += strspn(p, " ");
    }
    return false;
}

enum measure measure_from_code(const char *code)
{
    if (!code || !*code)
        return MEASURE_NONE;
    for (size_t i = 0; i < sizeof measures / sizeof *measures; i++)
        if (strcmp(measures[i].code, code) == 0)
            return measures[i].id;
    for (size_t i = 0; i < sizeof measures / sizeof *measures; i++)
        if (in_list(measures[i].aliases, code))
            return measures[i].id;
    return MEASURE_NONE;
}

const char *measure_canonical(const char *code)
{
    const struct measure_info *info = measure_info(measure_from_code(code));
    return info ? info->code : code;
}

struct date measure_day(int year, struct date today)
{
    struct date end = {year, 12, 31};
    return date_cmp(today, end) < 0 ? today : end;
}

const char *measure_unit_code(enum measure_unit u)
{
    switch (u) {
    case MEASURE_UNIT_PERCENT: return "percent";
    case MEASURE_UNIT_COUNT: return "count";
    case MEASURE_UNIT_PER_THOUSAND: return "per_thousand";
    default: return "?";
    }
}
