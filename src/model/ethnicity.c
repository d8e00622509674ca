/* ethnicity — matching a typed ethnic group to the catalogue. */
#include <config.h>
#include "treem/model/ethnicity.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Other spellings (letters only, folded) of catalogue names (folded). */
static const struct { const char *alias, *name; } aliases[] = {
    {"khmer", "khome"}, {"mong", "hmong"}, {"hmong", "hmong"}, {"meo", "hmong"},
    {"viet", "kinh"}, {"han", "hoa"}, {"bahnar", "bana"}, {"ede", "ede"}, {"jarai", "giarai"},
    {"cotu", "cotu"}, {"katu", "cotu"}, {"stieng", "xtieng"}, {"xodang", "xodang"},
};

/* The folded letters and digits of s (at most n-1) into out. */
static void squash(const char *s, char *out, size_t n)
{
    char *f = utf8_fold(s ? s : "");
    size_t k = 0;
    for (const char *p = f ? f : ""; *p && k + 1 < n; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            out[k++] = *p;
    out[k] = '\0';
    free(f);
}

void ethnicity_stored_name(const char *catalogue_name, char out[ETHNICITY_BUF])
{
    snprintf(out, ETHNICITY_BUF, "%s", catalogue_name);
    char *br = strstr(out, " (");
    if (br)
        *br = '\0';
}

/* Whether the squashed text want names catalogue entry name. */
static bool names_entry(const char *want, const char *name)
{
    char whole[ETHNICITY_BUF * 2], head[ETHNICITY_BUF], inner[ETHNICITY_BUF] = "";
    ethnicity_stored_name(name, head);
    squash(head, whole, sizeof whole);
    if (strcmp(want, whole) == 0)
        return true;
    const char *br = strchr(name, '(');
    if (br) {
        squash(br + 1, inner, sizeof inner);
        if (*inner && strcmp(want, inner) == 0)
            return true;
    }
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(want, aliases[i].alias) == 0 && strcmp(whole, aliases[i].name) == 0)
            return true;
    return false;
}

enum status ethnicity_match(const char *typed, const char *const *names, size_t n,
                            char out[ETHNICITY_BUF])
{
    char want[ETHNICITY_BUF * 2];
    out[0] = '\0';
    if (!typed || !*typed)
        return ST_OK;
    squash(typed, want, sizeof want);
    for (size_t i = 0; *want && i < n; i++)
        if (names_entry(want, names[i])) {
            ethnicity_stored_name(names[i], out);
            return ST_OK;
        }
    return status_set(ST_INVALID, _("%s: '%s' is not in the list of ethnic groups (QĐ 121): write it "
                                    "as listed, e.g. Kinh, Tày, Thái, Hoa, Khơ-me, Mường, HMông, Gia-rai"),
                      _("ethnicity"), typed);
}
