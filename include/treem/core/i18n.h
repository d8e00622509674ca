/* i18n — the interface language. Source strings are English msgids; the
 * Vietnamese catalogue po/vi.po (standard gettext PO format, so xgettext and
 * msgfmt --check work on it) is compiled into the binary and parsed once.
 * Vietnamese is the default; English is chosen with i18n_set_lang("en"). */
#ifndef TREEM_CORE_I18N_H
#define TREEM_CORE_I18N_H
#include <stdbool.h>

#define _(s) i18n_tr(s)
#define N_(s) (s)

/* Translation of msgid in the current language; msgid itself when English is
 * chosen or no translation exists. The result lives for the whole run. */
const char *i18n_tr(const char *msgid);
/* The Vietnamese translation of msgid whatever the current language (for
 * files for people, which speak Vietnamese, and for reading them). */
const char *i18n_tr_vi(const char *msgid);

/* What the C library's errno err means, in the interface's language (the
 * common ones; others as strerror says them). */
const char *i18n_strerror(int err);

/* "vi" or "en" (also "vi_VN.UTF-8" style names); false for others. */
bool i18n_set_lang(const char *lang);
const char *i18n_lang(void);

/* Parses a PO text into the catalogue (replacing any previous one).
 * Returns the number of translated entries, or -1 on a syntax error. */
int i18n_load_po(const char *text);

/* Frees the catalogue (for leak checkers). */
void i18n_free(void);

#endif
