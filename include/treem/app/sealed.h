/* sealed — a hand-off package sealed in one file with a passphrase, to
 * travel on a USB stick or a chat app. The key is derived from the
 * passphrase with Argon2id (libsodium crypto_pwhash, a random salt), the
 * package (its files, manifest included, in a simple archive) is sealed with
 * XChaCha20-Poly1305 (crypto_secretstream) in 64 KiB chunks, the last one
 * tagged final; the header (magic, salt, limits) is authenticated with the
 * first chunk. A wrong passphrase, a changed byte or a cut file is refused.
 *
 *   "TREEMPK\1"  salt[16]  opslimit u64 LE  memlimit u64 LE  stream header[24]
 *   then chunks: u32 LE length, that many bytes of ciphertext
 *   archive (plaintext): per file u16 LE name length, name, u64 LE size,
 *   bytes; a name length 0 ends it. */
#ifndef TREEM_APP_SEALED_H
#define TREEM_APP_SEALED_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

#define SEALED_PASSPHRASE_MIN 8   /* characters asked when sealing */
#define SEALED_EXTENSION ".treem"

/* True when the file at path starts with the sealed package's magic, or its
 * name ends in SEALED_EXTENSION. */
bool sealed_is_sealed(const char *path);

/* Checks a new passphrase: ST_INVALID naming the rule when shorter than
 * SEALED_PASSPHRASE_MIN characters. */
enum status sealed_passphrase_check(const char *pass);

/* Seals the files names[0..n) of folder dir into a new file at path
 * (created 0600; replaced when it exists). ST_IO naming the file. */
enum status sealed_write(const char *dir, const char *const *names, size_t n, const char *path,
                         const char *pass);

/* Opens the sealed file at path into a new private folder (0700, files
 * 0600, under $TMPDIR or /tmp); *dir receives its path (free it with
 * sealed_remove_dir, which also deletes it). ST_INVALID "wrong passphrase
 * or damaged file" when the passphrase is wrong or a byte changed, or the
 * file is cut; nothing is left behind on failure. */
enum status sealed_open(const char *path, const char *pass, char **dir);

/* A new private folder (0700) under $TMPDIR or /tmp (caller removes it with
 * sealed_remove_dir), or NULL (errno says why). */
char *sealed_temp_dir(void);

/* Deletes the files of a folder made by sealed_open, the folder, and frees
 * dir (NULL: nothing). Sets no status: a caller's failure message stays. */
void sealed_remove_dir(char *dir);

/* For the unit tests only (the program never calls it): derive keys for new
 * sealed files at libsodium's minimum Argon2id limits (written in the
 * header, accepted by sealed_open), so that the tests run fast (false: back
 * to the real limits). */
void sealed_test_weak_kdf(bool on);

#endif
