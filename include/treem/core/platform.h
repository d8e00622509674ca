/* platform — what differs between Linux and Windows, in one place.
 * src/core/platform.c is the POSIX side (Linux: behaviour as before this
 * module); src/core/platform_win.c the Windows side, compiled only by
 * mingw-w64 (build-aux/windows.sh). There, src/core/platform_compat.h is
 * also included in front of every file: it maps the POSIX calls the rest
 * of treem makes (open, fopen, mkdir, stat, rename, …) to functions that
 * take UTF-8 paths and call the wide-character Windows API.
 *
 * Paths inside treem use '/' on both systems (Windows accepts it); the
 * paths this module makes (data folder, real paths) are written so. */
#ifndef TREEM_CORE_PLATFORM_H
#define TREEM_CORE_PLATFORM_H
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>

/* The folder treem keeps its data in by default, without a final '/':
 * Linux $XDG_DATA_HOME/treem, else $HOME/.local/share/treem; Windows
 * %APPDATA%\treem (as "C:/Users/…/AppData/Roaming/treem"). Caller frees;
 * NULL when the environment names none (or no memory). */
char *platform_data_dir(void);

/* The user's home folder: $HOME; on Windows %USERPROFILE% when HOME is
 * unset. NULL when unknown. The text stays valid until the next call. */
const char *platform_home(void);

/* The login name for records: $USER (Windows %USERNAME%); NULL when unknown. */
const char *platform_user(void);

/* The last folder separator of path ('/', on Windows also '\\' and the
 * ':' of "C:name"); NULL when there is none. */
const char *platform_last_sep(const char *path);

/* mkdir with mode 0700 (Windows: the folder inherits the rights of the
 * user's profile folder, which others cannot read). 0, or -1 and errno. */
int platform_mkdir_private(const char *dir);
/* open(path, flags | O_CREAT, 0600) (Windows: binary, not inherited). */
int platform_open_private(const char *path, int flags);
/* Makes the open file fd mode 0600 whatever the umask (Windows: nothing to
 * do, the profile's rights apply). 0, or -1 and errno. */
int platform_chmod_private(int fd);
/* Writes fd's data to the disk (fsync; Windows _commit). 0 or -1. */
int platform_fsync(int fd);
/* Syncs the folder dir so that a rename in it survives a power cut
 * (Windows: NTFS journals renames itself; nothing to do). */
void platform_sync_dir(const char *dir);
/* Whether two stat results are the same file (device and inode; Windows:
 * volume and file index, which platform_compat.h's stat fills in). */
bool platform_same_stat(const struct stat *a, const struct stat *b);

/* The local wall-clock time of t. Linux: the system's time zone (TZ).
 * Windows: Viet Nam's time (UTC+7, no daylight saving) unless TZ is set,
 * because a commune PC's clock is often left on the installer's zone. */
bool platform_localtime(time_t t, struct tm *out);

/* Prepares the terminal for UTF-8 before anything is printed: Linux, the
 * locale from the environment, else C.UTF-8 (curses needs a UTF-8 locale
 * to draw Vietnamese); Windows, the console's input and output code page
 * UTF-8, binary stdio, and the console window at least 80x24. */
void platform_console_setup(void);

/* For the commands (not the interface): a console shows the control
 * characters of the data as glyphs and never obeys them. Windows: the
 * console's escape-sequence processing (ENABLE_VIRTUAL_TERMINAL_PROCESSING)
 * off on standard output and error, since the filter of cli_out.c needs
 * fopencookie, which Windows lacks. Linux: nothing (cli_out.c filters). */
void platform_console_inert(void);

/* Windows: replaces *argv by the command line read as UTF-16 and turned
 * into UTF-8 (the ANSI argv loses Vietnamese letters). Linux: nothing.
 * false only when out of memory. */
bool platform_args_utf8(int *argc, char ***argv);

#endif
