/* manifest — hand-off manifest: key=value text, SHA-256 with libsodium. */
#include <config.h>
#include "treem/csv/manifest.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/outfile.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_read.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool all_digits(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static bool one_line(const char *s)
{
    return *s && !strpbrk(s, "\r\n") && utf8_valid(s, strlen(s));
}

/* Replaces *slot with a copy of value (NFC). */
static enum status store(char **slot, const char *value)
{
    if (!utf8_valid(value, strlen(value)))
        return status_set(ST_INVALID, "%s", _("the text is not UTF-8"));
    char *copy = utf8_nfc(value);
    if (!copy)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(*slot);
    *slot = copy;
    return ST_OK;
}

static enum status set_date(char **slot, const char *key, const char *value)
{
    struct date d;
    char iso[DATE_BUF];
    if (date_parse(value, &d) != ST_OK)
        return status_set(ST_INVALID, _("%s: \"%s\" is not a date"), key, value);
    date_iso(d, iso);
    return store(slot, iso);
}

static enum status set_created_at(struct manifest *m, const char *value)
{
    struct date d;
    int h, min;
    char day[DATE_BUF];
    size_t n = strlen(value);
    if (n == 16 && value[10] == ' ') {
        memcpy(day, value, 10);
        day[10] = '\0';
        if (date_parse(day, &d) == ST_OK && date_parse_time(value + 11, &h, &min) == ST_OK)
            return store(&m->created_at, value);
    }
    return status_set(ST_INVALID, _("%s: \"%s\" is not a yyyy-mm-dd hh:mm time"), "created_at",
                      value);
}

enum status manifest_set(struct manifest *m, const char *key, const char *value)
{
    if (strcmp(key, "format_version") == 0) {
        long long version = 0;
        if (!all_digits(value, 1, 4) || number_parse_int(value, NUM_INT, &version) != ST_OK ||
            version < 1)
            return status_set(ST_INVALID, _("%s: \"%s\" is not a version number"), key, value);
        if (version > MANIFEST_FORMAT_VERSION)
            return status_set(ST_INVALID,
                              _("%s: the package was made by a newer treem (format %s, this treem reads up to %d)"),
                              key, value, MANIFEST_FORMAT_VERSION);
        m->format_version = (int)version;
        return ST_OK;
    }
    if (strcmp(key, "commune_code") == 0) {
        if (!all_digits(value, 5, 5))
            return status_set(ST_INVALID, _("%s: \"%s\" is not a 5-digit commune code"), key, value);
        return store(&m->commune_code, value);
    }
    if (strcmp(key, "period_from") == 0)
        return set_date(&m->period_from, key, value);
    if (strcmp(key, "period_to") == 0)
        return set_date(&m->period_to, key, value);
    if (strcmp(key, "created_by") == 0) {
        if (!one_line(value))
            return status_set(ST_INVALID, _("%s: the name must be one line of text"), key);
        return store(&m->created_by, value);
    }
    if (strcmp(key, "created_at") == 0)
        return set_created_at(m, value);
    if (strcmp(key, "anonymised") == 0) {
        if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
            return status_set(ST_INVALID, _("%s: \"%s\" must be 0 or 1"), key, value);
        m->anonymised = value[0] == '1';
        return ST_OK;
    }
    return ST_NOTFOUND;
}

enum status manifest_sha256_file(const char *path, char hex[MANIFEST_SHA256_HEX])
{
    if (sodium_init() < 0)
        return status_set(ST_IO, "%s", _("cannot start the cryptography library (libsodium)"));
    FILE *f = NULL;
    enum status st = csv_open_regular(path, true, &f);
    if (st != ST_OK)
        return st;
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    unsigned char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        crypto_hash_sha256_update(&state, buf, got);
    bool err = ferror(f);
    fclose(f);
    if (err)
        return status_set(ST_IO, _("cannot read %s"), path);
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, out);
    sodium_bin2hex(hex, MANIFEST_SHA256_HEX, out, sizeof out);
    return ST_OK;
}

static bool plain_name(const char *s)
{
    return one_line(s) && !strpbrk(s, "/\\,") && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

static bool kind_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

const struct manifest_file *manifest_find(const struct manifest *m, const char *name)
{
    for (size_t i = 0; i < m->nfiles; i++)
        if (strcmp(m->files[i].name, name) == 0)
            return &m->files[i];
    return NULL;
}

/* Appends an entry with checked fields; sha256 is 64 lower-case hex. */
static enum status push_file(struct manifest *m, const char *name, const char *kind,
                             size_t rows, const char *sha256)
{
    if (!plain_name(name))
        return status_set(ST_INVALID, _("file \"%s\": the name must be a plain file name"), name);
    if (!kind_name(kind))
        return status_set(ST_INVALID, _("file %s: \"%s\" is not a record kind"), name, kind);
    if (m->nfiles >= MANIFEST_MAX_FILES)
        return status_set(ST_INVALID, _("more than %d files are listed (the most a package may hold)"),
                          MANIFEST_MAX_FILES);
    if (manifest_find(m, name))
        return status_set(ST_EXISTS, _("file %s is listed twice"), name);
    if (!mem_reserve(&m->files, &m->cap, m->nfiles + 1, sizeof *m->files, 8))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    struct manifest_file *f = &m->files[m->nfiles];
    f->name = strdup(name);
    f->kind = strdup(kind);
    if (!f->name || !f->kind) {
        free(f->name);
        free(f->kind);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    f->rows = rows;
    memcpy(f->sha256, sha256, MANIFEST_SHA256_HEX);
    m->nfiles++;
    return ST_OK;
}

static char *join_path(const char *dir, const char *name)
{
    size_t ld = strlen(dir), ln = strlen(name);
    char *p = malloc(ld + ln + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, ld);
    p[ld] = '/';
    memcpy(p + ld + 1, name, ln + 1);
    return p;
}

enum status manifest_add_file(struct manifest *m, const char *dir, const char *name,
                              const char *kind, size_t rows)
{
    if (!plain_name(name))
        return status_set(ST_INVALID, _("file \"%s\": the name must be a plain file name"), name);
    char *path = join_path(dir, name);
    if (!path)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    char hex[MANIFEST_SHA256_HEX];
    enum status st = manifest_sha256_file(path, hex);
    free(path);
    return st == ST_OK ? push_file(m, name, kind, rows, hex) : st;
}

/* The first header key that is not set, or NULL. */
static const char *missing_key(const struct manifest *m)
{
    if (m->format_version < 1)
        return "format_version";
    if (!m->commune_code)
        return "commune_code";
    if (!m->period_from)
        return "period_from";
    if (!m->period_to)
        return "period_to";
    if (!m->created_by)
        return "created_by";
    if (!m->created_at)
        return "created_at";
    return NULL;
}

static enum status check_complete(const struct manifest *m)
{
    const char *key = missing_key(m);
    if (key)
        return status_set(ST_INVALID, _("the manifest lacks %s"), key);
    if (strcmp(m->period_from, m->period_to) > 0)
        return status_set(ST_INVALID, _("period_from %s is after period_to %s"), m->period_from,
                          m->period_to);
    return ST_OK;
}

enum status manifest_write(const struct manifest *m, const char *path)
{
    enum status st = check_complete(m);
    if (st != ST_OK)
        return st;
    struct outfile o;
    enum status ost = outfile_open(&o, path);
    if (ost != ST_OK)
        return ost;
    FILE *f = o.f;
    fprintf(f, "# treem hand-off manifest\nformat_version=%d\ncommune_code=%s\n"
               "period_from=%s\nperiod_to=%s\ncreated_by=%s\ncreated_at=%s\nanonymised=%d\n",
            m->format_version, m->commune_code, m->period_from, m->period_to, m->created_by,
            m->created_at, m->anonymised ? 1 : 0);
    if (!m->anonymised)
        fputs("# WITH NAMES: children whose identity the law protects are named in this package\n", f);
    for (size_t i = 0; i < m->nfiles; i++)
        fprintf(f, "file=%s,%s,%zu,%s\n", m->files[i].name, m->files[i].kind, m->files[i].rows,
                m->files[i].sha256);
    return outfile_close(&o, ST_OK);
}

static bool is_hex64(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == 64;
}

/* "name,kind,rows,sha256" of a file= line (modified in place). */
static enum status parse_file(struct manifest *m, char *v)
{
    char *part[4];
    for (int i = 0; i < 4; i++) {
        part[i] = v;
        v = i < 3 ? strchr(v, ',') : NULL;
        if (i < 3 && !v)
            return status_set(ST_INVALID, "%s", _("file: expected name,kind,rows,sha256"));
        if (v)
            *v++ = '\0';
    }
    if (!all_digits(part[2], 1, 18))
        return status_set(ST_INVALID, _("file %s: \"%s\" is not a row count"), part[0], part[2]);
    if (!is_hex64(part[3]))
        return status_set(ST_INVALID, _("file %s: \"%s\" is not a SHA-256"), part[0], part[3]);
    return push_file(m, part[0], part[1], (size_t)strtoull(part[2], NULL, 10), part[3]);
}

static enum status parse_line(struct manifest *m, char *line)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    if (n == 0 || line[0] == '#')
        return ST_OK;
    char *eq = strchr(line, '=');
    if (!eq)
        return status_set(ST_INVALID, _("\"%s\" is not key=value"), line);
    *eq = '\0';
    if (strcmp(line, "file") == 0)
        return parse_file(m, eq + 1);
    enum status st = manifest_set(m, line, eq + 1);
    return st == ST_NOTFOUND ? ST_OK : st; /* unknown keys: a later minor addition */
}

/* Prefixes the current status message with the manifest's name and line. */
static enum status at_line(enum status st, const char *path, size_t line)
{
    char msg[700];
    snprintf(msg, sizeof msg, "%s", status_message());
    const char *slash = strrchr(path, '/');
    return status_set(st, _("%s line %zu: %s"), slash ? slash + 1 : path, line, msg);
}

enum status manifest_read(const char *path, struct manifest *m)
{
    FILE *f = NULL;
    enum status st = csv_open_regular(path, true, &f);
    if (st != ST_OK)
        return st;
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || sb.st_size > MANIFEST_MAX_BYTES) {
        fclose(f);
        return status_set(ST_INVALID, _("%s is larger than %d bytes (the most a manifest may hold): refused"),
                          path, MANIFEST_MAX_BYTES);
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0, total = 0;
    ssize_t got;
    while (st == ST_OK && (got = getline(&line, &cap, f)) >= 0) {
        if ((total += (size_t)got) > MANIFEST_MAX_BYTES) { /* it grew while read */
            st = status_set(ST_INVALID, _("%s is larger than %d bytes (the most a manifest may hold): refused"),
                            path, MANIFEST_MAX_BYTES);
            break;
        }
        char *text = line;
        if (++lineno == 1 && strncmp(text, "\xEF\xBB\xBF", 3) == 0)
            text += 3;
        if (!utf8_valid(text, strlen(text)))
            st = status_set(ST_INVALID, "%s", _("the text is not UTF-8"));
        else
            st = parse_line(m, text);
        if (st != ST_OK)
            st = at_line(st, path, lineno);
    }
    if (st == ST_OK && ferror(f))
        st = status_set(ST_IO, _("cannot read %s"), path);
    free(line);
    fclose(f);
    return st == ST_OK ? check_complete(m) : st;
}

enum status manifest_verify(const struct manifest *m, const char *dir,
                            struct csv_errors *problems)
{
    size_t before = problems->errors;
    for (size_t i = 0; i < m->nfiles; i++) {
        const struct manifest_file *mf = &m->files[i];
        char *path = join_path(dir, mf->name);
        if (!path)
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        char hex[MANIFEST_SHA256_HEX];
        enum status st = manifest_sha256_file(path, hex);
        free(path);
        if (st == ST_INVALID) /* a link, a pipe, a device: named with its reason */
            st = csv_errors_add(problems, 0, mf->name, "", CSV_RULE_DAMAGED_FILE, "%s", status_message());
        else if (st != ST_OK)
            st = csv_errors_add(problems, 0, mf->name, "", CSV_RULE_MISSING_FILE,
                                _("file %s is missing or cannot be read"), mf->name);
        else if (strcmp(hex, mf->sha256) != 0)
            st = csv_errors_add(problems, 0, mf->name, hex, CSV_RULE_DAMAGED_FILE,
                                _("file %s is damaged: its SHA-256 differs from the manifest"),
                                mf->name);
        if (st != ST_OK)
            return st;
    }
    return problems->errors > before ? csv_errors_status(problems) : ST_OK;
}

void manifest_free(struct manifest *m)
{
    for (size_t i = 0; i < m->nfiles; i++) {
        free(m->files[i].name);
        free(m->files[i].kind);
    }
    free(m->files);
    free(m->commune_code);
    free(m->period_from);
    free(m->period_to);
    free(m->created_by);
    free(m->created_at);
    memset(m, 0, sizeof *m);
}
