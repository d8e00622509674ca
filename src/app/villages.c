/* villages — rename, merge, delete (one transaction each). */
#include <config.h>
#include "treem/app/villages.h"
#include "treem/app/tx.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

enum status villages_list(struct db *db, struct village_row **out, size_t *n)
{
    return village_repo_list(db, out, n);
}

/* NFC, trimmed copy of text and its fold; ST_INVALID naming `field`. */
static enum status tidy_name(const char *field, const char *text, char **name, char **fold)
{
    *name = utf8_nfc(text ? text : "");
    *fold = NULL;
    if (!*name)
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), field);
    char *b = *name;
    while (*b == ' ' || *b == '\t')
        b++;
    size_t len = strlen(b);
    while (len && (b[len - 1] == ' ' || b[len - 1] == '\t'))
        len--;
    memmove(*name, b, len);
    (*name)[len] = '\0';
    *fold = utf8_fold(*name);
    if (*fold && **fold)
        return ST_OK;
    free(*name);
    free(*fold);
    *name = *fold = NULL;
    return status_set(ST_INVALID, _("%s: the name is empty"), field);
}

static enum status find(struct db *db, const char *field, const char *text, long long *id)
{
    char *name, *fold;
    enum status rc = tidy_name(field, text, &name, &fold);
    if (rc == ST_OK)
        rc = village_repo_find(db, name, fold, id);
    free(name);
    free(fold);
    return rc;
}

enum status villages_find(struct db *db, const char *name, long long *id)
{
    return find(db, _("village"), name, id);
}

enum status villages_rename(struct db *db, const char *old_name, const char *new_name)
{
    char *name, *fold;
    enum status rc = tidy_name(_("new name"), new_name, &name, &fold);
    if (rc != ST_OK)
        return rc;
    long long id = 0, other = 0;
    rc = db_begin(db);
    if (rc == ST_OK) {
        rc = find(db, _("village"), old_name, &id);
        if (rc == ST_OK)
            rc = village_repo_same_fold(db, fold, id, &other);
        if (rc == ST_OK && other)
            rc = status_set(ST_EXISTS, _("%s: a village called '%s' exists already; merge the "
                                         "two instead (treem village merge)"), _("new name"), name);
        if (rc == ST_OK)
            rc = village_repo_rename(db, id, name, fold);
        rc = tx_end(db, rc);
    }
    free(name);
    free(fold);
    return rc;
}

enum status villages_merge(struct db *db, const char *from, const char *into, long long *moved)
{
    long long a = 0, b = 0;
    enum status rc = db_begin(db);
    if (rc != ST_OK)
        return rc;
    rc = find(db, _("village to merge"), from, &a);
    if (rc == ST_OK)
        rc = find(db, _("village to keep"), into, &b);
    if (rc == ST_OK)
        rc = village_repo_merge(db, a, b, moved);
    return tx_end(db, rc);
}

enum status villages_delete(struct db *db, const char *name)
{
    long long id = 0;
    enum status rc = db_begin(db);
    if (rc != ST_OK)
        return rc;
    rc = find(db, _("village"), name, &id);
    if (rc == ST_OK)
        rc = village_repo_delete(db, id);
    return tx_end(db, rc);
}
