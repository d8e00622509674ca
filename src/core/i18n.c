/* i18n — a tiny gettext-compatible catalogue read from the embedded vi.po.
 * Why not libintl: gettext needs installed .mo files and a matching system
 * locale (vi_VN), which old commune PCs rarely have; the PO text compiled in
 * works from the build tree, installed, and under any locale. */
#include <config.h>
#include "treem/core/i18n.h"
#include "treem/core/embed.h"

#include <stdlib.h>
#include <errno.h>
#include <string.h>

struct entry { char *id; char *str; };

static struct entry *table;
static size_t table_cap;
static bool english;
static bool loaded;

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static void table_put(char *id, char *str)
{
    size_t i = hash(id) & (table_cap - 1);
    while (table[i].id) {
        if (strcmp(table[i].id, id) == 0) {
            free(table[i].str);
            free(id);
            table[i].str = str;
            return;
        }
        i = (i + 1) & (table_cap - 1);
    }
    table[i].id = id;
    table[i].str = str;
}

/* Appends the C-escaped quoted string at *p to buf; returns false on error. */
static bool read_quoted(const char **p, char **buf, size_t *len)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != '"')
        return false;
    s++;
    size_t n = strcspn(s, "\n"); /* the string ends on its line: room for that much */
    char *nb = realloc(*buf, *len + n + 1);
    if (!nb)
        return false;
    *buf = nb;
    while (*s && *s != '"' && *s != '\n') { /* a string never spans lines */
        char c = *s++;
        if (c == '\\') {
            c = *s++;
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case '"': case '\\': break;
            default: return false;
            }
        }
        nb[(*len)++] = c;
    }
    if (*s != '"')
        return false;
    nb[*len] = '\0';
    s++;
    while (*s && *s != '\n')
        s++;
    *p = s;
    return true;
}

static const char *next_line(const char *p)
{
    while (*p && *p != '\n')
        p++;
    return *p ? p + 1 : p;
}

static bool starts(const char *p, const char *kw)
{
    return strncmp(p, kw, strlen(kw)) == 0;
}

/* Reads a keyword's string and its continuation lines. */
static bool read_field(const char **pp, const char *kw, char **out)
{
    const char *p = *pp + strlen(kw);
    size_t len = 0;
    *out = NULL;
    if (!read_quoted(&p, out, &len))
        return false;
    p = next_line(p);
    while (*p == '"') {
        if (!read_quoted(&p, out, &len))
            return false;
        p = next_line(p);
    }
    *pp = p;
    return true;
}

static void table_reset(size_t cap)
{
    i18n_free();
    table_cap = cap;
    table = calloc(table_cap, sizeof *table);
}

int i18n_load_po(const char *text)
{
    size_t lines = 1;
    for (const char *c = text; *c; c++)
        lines += *c == '\n';
    size_t cap = 64;
    while (cap < lines)
        cap <<= 1;
    table_reset(cap);
    if (!table)
        return -1;
    int count = 0;
    const char *p = text;
    while (*p) {
        if (!starts(p, "msgid ")) {
            p = next_line(p);
            continue;
        }
        char *id = NULL, *str = NULL;
        if (!read_field(&p, "msgid ", &id)) {
            free(id);
            return -1;
        }
        if (starts(p, "msgid_plural ")) {
            /* plural forms are not used by treem: skip the whole entry */
            free(id);
            while (*p && (starts(p, "msgid_plural ") || starts(p, "msgstr[") || *p == '"'))
                p = next_line(p);
            continue;
        }
        if (!starts(p, "msgstr ") ||
            !read_field(&p, "msgstr ", &str)) {
            free(id);
            free(str);
            return -1;
        }
        if (id[0] && str[0]) {
            table_put(id, str);
            count++;
        } else {
            free(id);
            free(str);
        }
    }
    loaded = true;
    return count;
}

const char *i18n_tr(const char *msgid)
{
    return english ? msgid : i18n_tr_vi(msgid);
}

const char *i18n_tr_vi(const char *msgid)
{
    if (!msgid || !msgid[0])
        return msgid;
    if (!loaded) {
        const struct embedded_file *po = embed_find("po/vi.po");
        if (!po || i18n_load_po(po->data) < 0)
            loaded = true; /* fall back to English rather than retry */
    }
    if (!table)
        return msgid;
    size_t i = hash(msgid) & (table_cap - 1);
    while (table[i].id) {
        if (strcmp(table[i].id, msgid) == 0)
            return table[i].str;
        i = (i + 1) & (table_cap - 1);
    }
    return msgid;
}

bool i18n_set_lang(const char *lang)
{
    if (strncmp(lang, "en", 2) == 0)
        english = true;
    else if (strncmp(lang, "vi", 2) == 0)
        english = false;
    else
        return false;
    return true;
}

const char *i18n_lang(void) { return english ? "en" : "vi"; }

void i18n_free(void)
{
    if (table) {
        for (size_t i = 0; i < table_cap; i++) {
            free(table[i].id);
            free(table[i].str);
        }
        free(table);
    }
    table = NULL;
    table_cap = 0;
    loaded = false;
}

const char *i18n_strerror(int err)
{
    static const struct { int err; const char *msg; } msgs[] = {
        {ENOENT, N_("no such file or folder")},
        {EACCES, N_("permission denied")},
        {EPERM, N_("operation not permitted")},
        {ENOSPC, N_("the disk is full")},
        {EDQUOT, N_("the disk quota is used up")},
        {EEXIST, N_("it already exists")},
        {ENOTDIR, N_("a part of the path is not a folder")},
        {EISDIR, N_("it is a folder")},
        {EROFS, N_("the disk is read-only")},
        {EIO, N_("a disk error occurred")},
        {ENAMETOOLONG, N_("the name is too long")},
        {EMFILE, N_("too many open files")},
        {ENOMEM, N_("out of memory")},
        {EBUSY, N_("it is in use")},
        {ETXTBSY, N_("it is in use")},
        {EINVAL, N_("invalid argument")},
    };
    for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++)
        if (msgs[i].err == err)
            return _(msgs[i].msg);
    return strerror(err);
}
