/* platform — the POSIX side (Linux); Windows: platform_win.c. */
#include <config.h>
#include "treem/core/platform.h"
#include "treem/core/path.h"

#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *platform_data_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        return path_join(xdg, "treem");
    if (home && *home)
        return path_join(home, ".local/share/treem");
    return NULL;
}

const char *platform_home(void)
{
    return getenv("HOME");
}

const char *platform_user(void)
{
    return getenv("USER");
}

const char *platform_last_sep(const char *path)
{
    return strrchr(path, '/');
}

int platform_mkdir_private(const char *dir)
{
    return mkdir(dir, 0700);
}

int platform_open_private(const char *path, int flags)
{
    return open(path, flags | O_CREAT, 0600);
}

int platform_chmod_private(int fd)
{
    return fchmod(fd, 0600);
}

int platform_fsync(int fd)
{
    return fsync(fd);
}

void platform_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

bool platform_same_stat(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

bool platform_localtime(time_t t, struct tm *out)
{
    return localtime_r(&t, out) != NULL;
}

/* Curses needs a UTF-8 locale to draw Vietnamese and line characters; an
 * old PC often runs with LANG unset (POSIX), so fall back to C.UTF-8. */
void platform_console_inert(void)
{
}

void platform_console_setup(void)
{
    const char *set = setlocale(LC_ALL, "");
    if (!set || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
        if (!setlocale(LC_ALL, "C.UTF-8"))
            setlocale(LC_ALL, "C.utf8");
    }
}

bool platform_args_utf8(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return true;
}
