/* commune — the database's commune, the unit list, villages. */
#include <config.h>
#include "treem/app/commune.h"
#include "treem/app/auth.h"
#include "treem/db/unit_repo.h"
#include "treem/db/village_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void commune_free(struct commune *c)
{
    free(c->full_name);
    free(c->province_name);
    c->full_name = c->province_name = NULL;
}

/* Copies the unit r into *out (out's names malloc'd). */
static enum status copy_unit(const struct unit_row *r, struct commune *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->code, sizeof out->code, "%s", r->code);
    snprintf(out->province_code, sizeof out->province_code, "%s", r->province_code);
    out->full_name = strdup(r->full_name);
    out->province_name = strdup(r->province_name);
    if (!out->full_name || !out->province_name) {
        commune_free(out);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    return ST_OK;
}

enum status commune_find(struct db *db, const char *code, struct commune *out)
{
    struct unit_row r;
    enum status rc = unit_repo_get(db, code, &r);
    if (rc == ST_OK)
        rc = copy_unit(&r, out);
    else if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND,
                        _("no commune or ward has the code '%s' (codes have 5 digits, e.g. 00004)"), code);
    unit_row_clear(&r);
    return rc;
}

enum status commune_current(struct db *db, struct commune *out)
{
    char *code = NULL;
    enum status rc = db_setting_get(db, "commune_code", &code);
    if (rc == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, "%s", _("this database has no commune yet"));
    if (rc != ST_OK)
        return rc;
    rc = commune_find(db, code, out);
    free(code);
    return rc;
}

enum status commune_setup(struct db *db, const char *code)
{
    struct commune c, cur;
    enum status rc = commune_find(db, code, &c);
    if (rc != ST_OK)
        return rc;
    char *prov = NULL;
    bool above = db_setting_get(db, "province_code", &prov) == ST_OK && prov && prov[0];
    free(prov);
    if (above) {   /* a level-above database (app/province.h) has no commune */
        commune_free(&c);
        return status_set(ST_CONFLICT, "%s", _("this is the level above's database, not a commune's"));
    }
    if (commune_current(db, &cur) == ST_OK) {
        bool same = strcmp(cur.code, c.code) == 0;
        if (!same)
            rc = status_set(ST_CONFLICT, _("this database belongs to %s (%s), not %s"),
                            cur.full_name, cur.code, code);
        commune_free(&cur);
        commune_free(&c);
        return rc;
    }
    status_clear();
    rc = db_setting_set(db, "commune_code", c.code);
    commune_free(&c);
    return rc;
}

enum status commune_search(struct db *db, const char *province_code, const char *query,
                           size_t max, struct commune **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    char *fold = utf8_fold(query ? query : "");
    if (!fold)
        return status_set(ST_INVALID, "%s", _("the search text is not valid UTF-8"));
    const char **words = calloc(strlen(fold) / 2 + 1, sizeof *words); /* at most one per 2 bytes */
    size_t nwords = 0, nunits = 0;
    struct unit_row *units = NULL;
    for (char *w = words ? strtok(fold, " ") : NULL; w; w = strtok(NULL, " "))
        words[nwords++] = w;
    enum status rc = words ? unit_repo_search(db, province_code, words, nwords, max, &units, &nunits)
                           : status_set(ST_NOMEM, "%s", _("out of memory"));
    struct commune *list = max ? calloc(max, sizeof *list) : NULL;
    for (size_t i = 0; rc == ST_OK && list && i < nunits; i++)
        if ((rc = copy_unit(&units[i], &list[*n])) == ST_OK)
            (*n)++;
    unit_rows_free(units, nunits);
    free(words);
    free(fold);
    *out = list;
    return rc;
}

void commune_list_free(struct commune *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        commune_free(&list[i]);
    free(list);
}

/* Trims white space at both ends in place. */
static void trim(char *s)
{
    size_t n = strlen(s), a = 0;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    while (s[a] == ' ' || s[a] == '\t')
        a++;
    memmove(s, s + a, n - a + 1);
}

enum status village_add(struct db *db, const char *name)
{
    char *nfc = utf8_nfc(name);
    if (!nfc)
        return status_set(ST_INVALID, "%s", _("village name is not valid UTF-8"));
    trim(nfc);
    char *fold = utf8_fold(nfc);
    if (!fold || !fold[0]) {
        free(nfc);
        free(fold);
        return status_set(ST_INVALID, "%s", _("village name is empty"));
    }
    enum status rc = village_repo_add(db, nfc, fold);
    free(nfc);
    free(fold);
    return rc;
}

enum status village_list(struct db *db, char ***names, size_t *n)
{
    return village_repo_names(db, names, n);
}

void string_list_free(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

enum status commune_profile_save(struct db *db, const struct commune_profile *p,
                                 enum profile_field *bad)
{
    *bad = PROFILE_NONE;
    enum status allowed = auth_require_officer(db, _("changing settings")); /* app/auth.h */
    if (allowed != ST_OK)
        return allowed;
    if (!p->officer_name || !p->officer_name[0]) {
        *bad = PROFILE_OFFICER;
        return status_set(ST_INVALID, "%s", _("Officer's name: please fill in"));
    }
    if (!p->level_above || !p->level_above[0]) {
        *bad = PROFILE_LEVEL;
        return status_set(ST_INVALID, "%s", _("Reports go to: please fill in"));
    }
    enum status rc = db_setting_set(db, "officer_name", p->officer_name);
    if (rc == ST_OK)
        rc = db_setting_set(db, "level_above", p->level_above);
    char *list = strdup(p->villages ? p->villages : "");
    if (!list)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    char *save = NULL;
    for (char *v = strtok_r(list, ";,", &save); rc == ST_OK && v; v = strtok_r(NULL, ";,", &save)) {
        while (*v == ' ')
            v++;
        if (*v && (rc = village_add(db, v)) != ST_OK)
            *bad = PROFILE_VILLAGES;
    }
    free(list);
    return rc;
}
