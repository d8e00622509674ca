/* platform_win/sys/statvfs.h — Windows build: what treem uses of it is declared in
 * src/core/platform_compat.h and made in src/core/platform_win.c. */
