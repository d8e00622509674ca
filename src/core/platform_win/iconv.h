/* platform_win/iconv.h — Windows build: the conversions treem asks iconv
 * for (csv/csv_encoding.c: Windows-1258, UTF-16LE, UTF-16BE into UTF-8),
 * made in src/core/platform_win.c with MultiByteToWideChar (code page 1258)
 * and by hand for UTF-16, with iconv's errno contract (E2BIG, EILSEQ, EINVAL). */
#ifndef TREEM_PLATFORM_WIN_ICONV_H
#define TREEM_PLATFORM_WIN_ICONV_H
#include <stddef.h>

typedef struct tw_iconv *iconv_t;
iconv_t iconv_open(const char *to, const char *from);
size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft);
int iconv_close(iconv_t cd);

#endif
