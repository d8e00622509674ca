/* pseudonym — keyed pseudonyms for anonymised hand-offs. A child whose
 * identity the law protects (transfer_child_sensitive) and every case leave
 * the commune under a pseudonym: an HMAC (libsodium crypto_auth,
 * HMAC-SHA-512-256) of the real uid under a secret key kept in this
 * database (setting pseudonym_key, made on first use, never exported). The
 * same record gets the same pseudonym in every package of this database, so
 * the level above can update it, but a pseudonym cannot be joined with a
 * named package or with another database's packages. */
#ifndef TREEM_APP_PSEUDONYM_H
#define TREEM_APP_PSEUDONYM_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"

#define PSEUDONYM_KEY_BYTES 32
#define PSEUDONYM_UID_BUF 17   /* "21934-" + 10 characters + NUL */
#define PSEUDONYM_CODE_BUF 16  /* "AD-" + 8 characters + NUL */
#define PSEUDONYM_NAME_BUF 32  /* "Ẩn danh AD-XXXXXXXX" */

struct pseudonym {
    unsigned char key[PSEUDONYM_KEY_BYTES];
    char commune[8];           /* the commune code uids start with */
};

/* Loads this database's key, making and saving a random one on first use,
 * and the commune code. ST_IO when libsodium cannot start; db errors. */
enum status pseudonym_load(struct db *db, struct pseudonym *p);
/* Wipes the key from memory. */
void pseudonym_clear(struct pseudonym *p);

/* The pseudonym uid of the record whose uid is uid; domain keeps kinds apart
 * ("child", "case"): commune code, '-', 10 Crockford base-32 characters (a
 * uid transfer_uid_valid accepts). out PSEUDONYM_UID_BUF bytes. */
void pseudonym_uid(const struct pseudonym *p, const char *domain, const char *uid, char *out);
/* The pseudonym code ("AD-" + 8 characters), and the name shown instead of
 * the child's ("Ẩn danh AD-…"), of the record whose uid is uid. */
void pseudonym_code(const struct pseudonym *p, const char *domain, const char *uid, char *out);
void pseudonym_name(const struct pseudonym *p, const char *uid, char *out);

#endif
