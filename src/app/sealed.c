/* sealed — hand-off packages sealed with a passphrase (libsodium). */
#include <config.h>
#include "treem/app/sealed.h"
#include "treem/core/i18n.h"
#include "treem/core/path.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "TREEMPK\1"
#define MAGIC_LEN 8
#define HEADER_LEN (MAGIC_LEN + crypto_pwhash_SALTBYTES + 16 + crypto_secretstream_xchacha20poly1305_HEADERBYTES)
#define CHUNK 65536
#define NAME_MAX_LEN 64
#define MAX_MEMLIMIT (1024ULL * 1024 * 1024) /* refuse a header asking more (a forged file) */
#define MAX_OPSLIMIT 64ULL

static void put_le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

bool sealed_is_sealed(const char *path)
{
    size_t n = strlen(path), e = strlen(SEALED_EXTENSION);
    if (n > e && strcmp(path + n - e, SEALED_EXTENSION) == 0)
        return true; /* even with a damaged magic: opening it says so */
    /* only a regular file is read: opening a FIFO or a device in the folder
     * being listed would wait for ever */
    int flags = O_RDONLY;
#ifdef O_NONBLOCK
    flags |= O_NONBLOCK;
#endif
    char head[MAGIC_LEN];
    struct stat sb;
    int fd = open(path, flags);
    if (fd < 0)
        return false;
    bool yes = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && read(fd, head, MAGIC_LEN) == MAGIC_LEN &&
               memcmp(head, MAGIC, MAGIC_LEN) == 0;
    close(fd);
    return yes;
}

enum status sealed_passphrase_check(const char *pass)
{
    if (!pass || utf8_char_count(pass) < SEALED_PASSPHRASE_MIN)
        return status_set(ST_INVALID, _("passphrase: at least %d characters"), SEALED_PASSPHRASE_MIN);
    return ST_OK;
}

/* ------------------------------------------------------------ archive */

static bool name_ok(const char *name, size_t len)
{
    if (len == 0 || len > NAME_MAX_LEN || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-' || c == '.'))
            return false;
    }
    return true;
}

/* Appends file path, called name in the archive, to the archive in sb. */
static enum status pack_file(struct strbuf *sb, const char *path, const char *name)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return status_set(ST_IO, _("cannot read %s: %s"), path, strerror(errno));
    unsigned char head[2 + NAME_MAX_LEN + 8];
    size_t nl = strlen(name);
    put_le(head, nl, 2);
    memcpy(head + 2, name, nl);
    size_t at = sb->len;
    bool ok = strbuf_append(sb, (const char *)head, 2 + nl + 8);
    char buf[8192];
    size_t got, total = 0;
    while (ok && (got = fread(buf, 1, sizeof buf, f)) > 0) {
        ok = strbuf_append(sb, buf, got);
        total += got;
    }
    bool err = ferror(f) != 0;
    fclose(f);
    if (!ok)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (err)
        return status_set(ST_IO, _("cannot read %s: %s"), path, strerror(errno));
    put_le((unsigned char *)sb->buf + at + 2 + nl, total, 8);
    return ST_OK;
}

/* Appends file dir/name to the archive in sb. */
static enum status pack_one(struct strbuf *sb, const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    if (!path)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status st = pack_file(sb, path, name);
    free(path);
    return st;
}

/* ------------------------------------------------------------- sealing */

static enum status derive(unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES], const char *pass,
                          const unsigned char *salt, uint64_t ops, uint64_t mem)
{
    if (crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, pass, strlen(pass), salt, ops,
                      (size_t)mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return status_set(ST_NOMEM, "%s", _("not enough memory to derive the key from the passphrase"));
    return ST_OK;
}

/* Writes all n bytes or fails. */
static bool put(FILE *f, const void *p, size_t n) { return fwrite(p, 1, n, f) == n; }

/* The key is derived at libsodium's INTERACTIVE limits; only
 * sealed_test_weak_kdf (called by the unit tests, never by the program)
 * lowers them to the minimum, which sealed_open accepts. */
static bool weak_kdf;

void sealed_test_weak_kdf(bool on) { weak_kdf = on; }

/* Encrypts the archive a (n bytes) to f under pass. */
static enum status seal_to(FILE *f, const unsigned char *a, size_t n, const char *pass)
{
    unsigned char head[HEADER_LEN], key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    uint64_t ops = weak_kdf ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    uint64_t mem = weak_kdf ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    memcpy(head, MAGIC, MAGIC_LEN);
    randombytes_buf(head + MAGIC_LEN, crypto_pwhash_SALTBYTES);
    put_le(head + MAGIC_LEN + crypto_pwhash_SALTBYTES, ops, 8);
    put_le(head + MAGIC_LEN + crypto_pwhash_SALTBYTES + 8, mem, 8);
    enum status rc = derive(key, pass, head + MAGIC_LEN, ops, mem);
    crypto_secretstream_xchacha20poly1305_state st;
    if (rc == ST_OK)
        crypto_secretstream_xchacha20poly1305_init_push(&st, head + HEADER_LEN - 24, key);
    sodium_memzero(key, sizeof key);
    if (rc != ST_OK)
        return rc;
    bool ok = put(f, head, HEADER_LEN);
    unsigned char *c = malloc(CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
    if (!c)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    size_t at = 0;
    do {
        size_t part = n - at < CHUNK ? n - at : CHUNK;
        bool last = at + part == n;
        unsigned long long clen;
        crypto_secretstream_xchacha20poly1305_push(&st, c, &clen, a + at, part, at == 0 ? head : NULL,
            at == 0 ? HEADER_LEN : 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        unsigned char len[4];
        put_le(len, clen, 4);
        ok = ok && put(f, len, 4) && put(f, c, (size_t)clen);
        at += part;
    } while (at < n);
    free(c);
    return ok ? ST_OK : status_set(ST_IO, "%s", strerror(errno));
}

enum status sealed_write(const char *dir, const char *const *names, size_t n, const char *path,
                         const char *pass)
{
    if (sodium_init() < 0)
        return status_set(ST_IO, "%s", _("cannot start the cryptography library (libsodium)"));
    struct strbuf a = STRBUF_INIT;
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < n; i++)
        rc = pack_one(&a, dir, names[i]);
    static const char end[2] = {0, 0};
    if (rc == ST_OK && !strbuf_append(&a, end, 2))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    int fd = rc == ST_OK ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (rc == ST_OK && !f) {
        rc = status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    if (rc == ST_OK) {
        rc = seal_to(f, (const unsigned char *)a.buf, a.len, pass);
        if (fclose(f) != 0 && rc == ST_OK)
            rc = status_set(ST_IO, "%s", strerror(errno));
        if (rc != ST_OK) {
            char *msg = strdup(status_message());
            remove(path);
            rc = status_set(rc, _("cannot write %s: %s"), path, msg ? msg : "");
            free(msg);
        }
    }
    if (a.buf)
        sodium_memzero(a.buf, a.len);
    strbuf_free(&a);
    return rc;
}

/* ------------------------------------------------------------- opening */

static enum status refused(void)
{
    return status_set(ST_INVALID, "%s",
                      _("wrong passphrase or damaged file: the package cannot be opened (nothing imported)"));
}

/* Reads the whole file at path (*n bytes; caller frees). */
static enum status slurp(const char *path, unsigned char **out, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return status_set(ST_IO, _("cannot read %s: %s"), path, strerror(errno));
    struct strbuf sb = STRBUF_INIT;
    char buf[65536];
    size_t got;
    bool ok = true;
    while (ok && (got = fread(buf, 1, sizeof buf, f)) > 0)
        ok = strbuf_append(&sb, buf, got);
    bool err = ferror(f) != 0;
    fclose(f);
    if (!ok || err) {
        strbuf_free(&sb);
        return ok ? status_set(ST_IO, _("cannot read %s: %s"), path, strerror(errno))
                  : status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    *n = sb.len;
    *out = (unsigned char *)strbuf_take(&sb);
    return *out ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

/* Decrypts the n bytes of file s into the archive *a (caller frees). */
static enum status unseal(const unsigned char *s, size_t n, const char *pass, struct strbuf *a)
{
    if (n < HEADER_LEN || memcmp(s, MAGIC, MAGIC_LEN) != 0)
        return refused();
    uint64_t ops = get_le(s + MAGIC_LEN + crypto_pwhash_SALTBYTES, 8);
    uint64_t mem = get_le(s + MAGIC_LEN + crypto_pwhash_SALTBYTES + 8, 8);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > MAX_OPSLIMIT || mem < crypto_pwhash_MEMLIMIT_MIN ||
        mem > MAX_MEMLIMIT)
        return refused();
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    enum status rc = derive(key, pass, s + MAGIC_LEN, ops, mem);
    crypto_secretstream_xchacha20poly1305_state st;
    if (rc == ST_OK && crypto_secretstream_xchacha20poly1305_init_pull(&st, s + HEADER_LEN - 24, key) != 0)
        rc = refused();
    sodium_memzero(key, sizeof key);
    unsigned char *m = rc == ST_OK ? malloc(CHUNK) : NULL;
    if (rc == ST_OK && !m)
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    size_t at = HEADER_LEN;
    unsigned char tag = 0;
    while (rc == ST_OK && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        uint64_t clen = at + 4 <= n ? get_le(s + at, 4) : 0;
        if (clen < crypto_secretstream_xchacha20poly1305_ABYTES ||
            clen > CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES || clen > n - at - 4) {
            rc = refused();
            break;
        }
        unsigned long long mlen;
        bool first = at == HEADER_LEN;
        if (crypto_secretstream_xchacha20poly1305_pull(&st, m, &mlen, &tag, s + at + 4, clen,
                                                       first ? s : NULL, first ? HEADER_LEN : 0) != 0)
            rc = refused();
        else if (!strbuf_append(a, (const char *)m, (size_t)mlen))
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
        at += 4 + clen;
    }
    if (rc == ST_OK && at != n) /* bytes after the final chunk */
        rc = refused();
    if (m)
        sodium_memzero(m, CHUNK);
    free(m);
    return rc;
}

/* Writes a new file path (0600) of n bytes: refused when it is there. */
static enum status write_new(const char *path, const unsigned char *bytes, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return errno == EEXIST ? refused() : status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    bool ok = write(fd, bytes, n) == (ssize_t)n;
    if (close(fd) != 0 || !ok)
        return status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    return ST_OK;
}

/* Writes the files of archive a (n bytes) into dir. */
static enum status unpack(const unsigned char *a, size_t n, const char *dir)
{
    size_t at = 0;
    for (;;) {
        if (at + 2 > n)
            return refused();
        size_t nl = (size_t)get_le(a + at, 2);
        if (nl == 0)
            return at + 2 == n ? ST_OK : refused();
        if (at + 2 + nl + 8 > n || !name_ok((const char *)a + at + 2, nl))
            return refused();
        uint64_t size = get_le(a + at + 2 + nl, 8);
        if (size > n - (at + 2 + nl + 8))
            return refused();
        char *name = strndup((const char *)a + at + 2, nl);
        char *path = name ? path_join(dir, name) : NULL;
        at += 2 + nl + 8;
        enum status st = path ? write_new(path, a + at, (size_t)size)
                              : status_set(ST_NOMEM, "%s", _("out of memory"));
        free(path);
        free(name);
        if (st != ST_OK)
            return st;
        at += (size_t)size;
    }
}

char *sealed_temp_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    struct strbuf dir = STRBUF_INIT;
    if (!strbuf_printf(&dir, "%s/treem-pkg-XXXXXX", tmp && *tmp ? tmp : "/tmp")
        || !mkdtemp(dir.buf)) { /* mkdtemp makes it 0700 */
        strbuf_free(&dir);
        return NULL;
    }
    return dir.buf;
}

enum status sealed_open(const char *path, const char *pass, char **dir)
{
    *dir = NULL;
    if (sodium_init() < 0)
        return status_set(ST_IO, "%s", _("cannot start the cryptography library (libsodium)"));
    unsigned char *s = NULL;
    size_t n = 0;
    struct strbuf a = STRBUF_INIT;
    enum status rc = slurp(path, &s, &n);
    if (rc == ST_OK)
        rc = unseal(s, n, pass, &a);
    free(s);
    char *d = rc == ST_OK ? sealed_temp_dir() : NULL;
    if (rc == ST_OK && !d)
        rc = status_set(ST_IO, _("cannot create a temporary folder: %s"), strerror(errno));
    if (rc == ST_OK)
        rc = unpack((const unsigned char *)a.buf, a.len, d);
    if (a.buf)
        sodium_memzero(a.buf, a.len);
    strbuf_free(&a);
    if (rc != ST_OK) {
        sealed_remove_dir(d); /* sets no status: the message stays the failure's */
        return rc;
    }
    *dir = d;
    return ST_OK;
}

void sealed_remove_dir(char *dir)
{
    if (!dir)
        return;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = path_join(dir, e->d_name);
        if (path)
            unlink(path);
        free(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    free(dir);
}
