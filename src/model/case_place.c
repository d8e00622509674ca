/* case_place — the place of a case from its free text. */
#include <config.h>
#include "treem/model/case_place.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Folded words, matched at a word start. Earlier lists win. */
static const char *const online_words[] = {"mang xa hoi", "internet", "online", "truc tuyen",
                                           "facebook", "zalo", "tiktok", "youtube", "tren mang",
                                           "qua mang", "game", NULL};
static const char *const school_words[] = {"truong", "lop hoc", "hoc duong", "nha tre",
                                           "mau giao", "mam non", "ky tuc xa", NULL};
static const char *const public_words[] = {"nha van hoa", "cong dong", "noi cong cong", NULL};
static const char *const family_words[] = {"gia dinh", "nha", "can ho", "phong tro", NULL};
static const char *const community_words[] = {"thon", "xom", "ap", "ban", "khom", "to dan pho",
                                              "khu pho", "duong", "cho", "song", "suoi", "ao",
                                              "ho", "ruong", "nuong", "bien", "cau", "cong vien",
                                              "quan", "xa", "phuong", "ngoai", NULL};

static bool word_at(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w)) {
        bool start = p == s || p[-1] == ' ' || p[-1] == ',' || p[-1] == '(';
        char after = p[n];
        bool end = after == '\0' || after == ' ' || after == ',' || after == '.' || after == ')';
        if (start && end)
            return true;
    }
    return false;
}

static bool any(const char *s, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (word_at(s, words[i]))
            return true;
    return false;
}

enum case_place case_place_of(const char *text)
{
    if (!text || !text[0])
        return CASE_PLACE_UNKNOWN;
    char *f = utf8_fold(text);
    if (!f)
        return CASE_PLACE_OTHER;
    enum case_place p = CASE_PLACE_OTHER;
    if (!f[strspn(f, " \t")])
        p = CASE_PLACE_UNKNOWN;
    else if (any(f, online_words))
        p = CASE_PLACE_ONLINE;
    else if (any(f, school_words))
        p = CASE_PLACE_SCHOOL;
    else if (any(f, public_words))
        p = CASE_PLACE_COMMUNITY;
    else if (any(f, family_words))
        p = CASE_PLACE_FAMILY;
    else if (any(f, community_words))
        p = CASE_PLACE_COMMUNITY;
    free(f);
    return p;
}

const char *case_place_label(enum case_place p)
{
    static const char *const labels[CASE_PLACE__COUNT] = {
        N_("In the family"), N_("At school"), N_("In the community"), N_("Online"),
        N_("Elsewhere"), N_("Place not recorded"),
    };
    return (unsigned)p < CASE_PLACE__COUNT ? labels[p] : "?";
}
