/* status — result codes shared by every layer below the interface.
 * A function returns an enum status; when it fails it also leaves a human
 * message (already translated) with status_set(), which the caller reads with
 * status_message() and shows. Nothing here prints. */
#ifndef TREEM_CORE_STATUS_H
#define TREEM_CORE_STATUS_H
#include "treem/core/i18n.h"

#define TREEM_STATUS_LIST(X)                                              \
    X(ST_OK, N_("success"))                                            \
    X(ST_NOMEM, N_("out of memory"))                                      \
    X(ST_INVALID, N_("invalid input"))                                      \
    X(ST_NOTFOUND, N_("not found"))                                          \
    X(ST_EXISTS, N_("already exists"))                                     \
    X(ST_IO, N_("input/output error"))                                 \
    X(ST_DB, N_("database error"))                                     \
    X(ST_BUSY, N_("the database is in use by another program"))          \
    X(ST_TOO_NEW, N_("the database was made by a newer version of treem"))  \
    X(ST_CONFLICT, N_("conflicting changes"))                                \
    X(ST_CANCELLED, N_("cancelled"))                                  \
    X(ST_DENIED, N_("not allowed for your role"))

enum status {
#define X(code, text) code,
    TREEM_STATUS_LIST(X)
#undef X
    ST__COUNT
};

/* The default (untranslated English) text of a code; never NULL. */
const char *status_str(enum status st);

/* Records a printf-style message for the last failure and returns st, so that
 * callers can write `return status_set(ST_INVALID, "…", …);`. */
enum status status_set(enum status st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The message left by the last status_set(), or the translated text of the
 * code when none was set since status_clear(). Valid until the next call. */
const char *status_message(void);
enum status status_last(void);
void status_clear(void);

#endif
