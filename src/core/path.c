/* path — "~" and full paths for the interface. */
#include <config.h>
#include "treem/core/path.h"
#include "treem/core/platform.h"

#include <limits.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *path_expand(const char *path)
{
    const char *home = platform_home();
    if (!path)
        return NULL;
    if (path[0] != '~' || (path[1] != '\0' && path[1] != '/') || !home || !*home)
        return strdup(path);
    return path[1] ? path_join(home, path + 2) : strdup(home);
}

char *path_join(const char *dir, const char *name)
{
    size_t dn = strlen(dir);
    const char *sep = dn && dir[dn - 1] == '/' ? "" : "/";
    size_t n = dn + strlen(sep) + strlen(name) + 1;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s%s", dir, sep, name);
    return out;
}

/* The current folder, malloc'd (whatever its length); NULL on failure. */
static char *current_dir(void)
{
    for (size_t n = 256; n <= ((size_t)1 << 20); n *= 2) {
        char *buf = malloc(n);
        if (!buf)
            return NULL;
        if (getcwd(buf, n))
            return buf;
        free(buf);
        if (errno != ERANGE)
            return NULL;
    }
    return NULL;
}

char *path_absolute(const char *path)
{
    if (!path)
        return NULL;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *folder = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!folder)
        return NULL;
    char *real = realpath(folder, NULL); /* allocated: no length limit */
    free(folder);
    if (!real) {
        if (path[0] == '/' || !(real = current_dir()))
            return strdup(path);
        base = path;
    }
    char *out = path_join(real, base);
    free(real);
    return out;
}
