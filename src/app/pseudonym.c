/* pseudonym — keyed pseudonyms (HMAC with a per-database secret). */
#include <config.h>
#include "treem/app/pseudonym.h"
#include "treem/core/i18n.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_SETTING "pseudonym_key"

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; /* Crockford base32 */

static enum status key_make(struct db *db, struct pseudonym *p)
{
    char hex[PSEUDONYM_KEY_BYTES * 2 + 1];
    randombytes_buf(p->key, sizeof p->key);
    sodium_bin2hex(hex, sizeof hex, p->key, sizeof p->key);
    enum status rc = db_setting_set(db, KEY_SETTING, hex);
    sodium_memzero(hex, sizeof hex);
    return rc;
}

enum status pseudonym_load(struct db *db, struct pseudonym *p)
{
    memset(p, 0, sizeof *p);
    if (sodium_init() < 0)
        return status_set(ST_IO, "%s", _("cannot start the cryptography library (libsodium)"));
    char *hex = NULL, *commune = NULL;
    enum status rc = db_setting_get(db, KEY_SETTING, &hex);
    size_t n = 0;
    bool have = rc == ST_OK && hex && strlen(hex) == PSEUDONYM_KEY_BYTES * 2 &&
                sodium_hex2bin(p->key, sizeof p->key, hex, strlen(hex), NULL, &n, NULL) == 0 &&
                n == PSEUDONYM_KEY_BYTES;
    if (!have && (rc == ST_OK || rc == ST_NOTFOUND))
        rc = key_make(db, p);
    if (hex)
        sodium_memzero(hex, strlen(hex));
    free(hex);
    if (rc == ST_OK && db_setting_get(db, "commune_code", &commune) == ST_OK && commune)
        snprintf(p->commune, sizeof p->commune, "%.5s", commune);
    else
        status_clear();
    free(commune);
    if (!p->commune[0])
        snprintf(p->commune, sizeof p->commune, "00000");
    return rc;
}

void pseudonym_clear(struct pseudonym *p)
{
    sodium_memzero(p, sizeof *p);
}

/* n characters of the alphabet from HMAC(key, domain NUL uid). */
static void chars(const struct pseudonym *p, const char *domain, const char *uid, char *out, size_t n)
{
    crypto_auth_hmacsha512256_state st;
    unsigned char mac[crypto_auth_hmacsha512256_BYTES];
    crypto_auth_hmacsha512256_init(&st, p->key, sizeof p->key);
    crypto_auth_hmacsha512256_update(&st, (const unsigned char *)domain, strlen(domain) + 1);
    crypto_auth_hmacsha512256_update(&st, (const unsigned char *)uid, strlen(uid));
    crypto_auth_hmacsha512256_final(&st, mac);
    for (size_t i = 0; i < n && i < sizeof mac; i++)
        out[i] = alphabet[mac[i] & 31];
    out[n] = '\0';
}

void pseudonym_uid(const struct pseudonym *p, const char *domain, const char *uid, char *out)
{
    char tail[11];
    chars(p, domain, uid, tail, 10);
    snprintf(out, PSEUDONYM_UID_BUF, "%.5s-%s", p->commune, tail);
}

void pseudonym_code(const struct pseudonym *p, const char *domain, const char *uid, char *out)
{
    char tail[9], dom[64];
    snprintf(dom, sizeof dom, "code/%s", domain); /* not the uid's characters */
    chars(p, dom, uid, tail, 8);
    snprintf(out, PSEUDONYM_CODE_BUF, "AD-%s", tail);
}

void pseudonym_name(const struct pseudonym *p, const char *uid, char *out)
{
    char code[PSEUDONYM_CODE_BUF];
    pseudonym_code(p, "child", uid, code);
    snprintf(out, PSEUDONYM_NAME_BUF, "Ẩn danh %s", code);
}
