/* path — "~" and full paths for the interface. */
#include <config.h>
#include "treem/core/path.h"
#include "treem/core/platform.h"

#include <limits.h>
#include <stdio.h>
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
    size_t n = strlen(home) + strlen(path);
    char *out = malloc(n + 1);
    if (out)
        snprintf(out, n + 1, "%s%s", home, path + 1);
    return out;
}

char *path_absolute(const char *path)
{
    if (!path)
        return NULL;
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    const char *base = slash ? slash + 1 : path;
    char *folder = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!folder)
        return NULL;
    char *real = realpath(folder, dir) ? dir : NULL;
    free(folder);
    if (!real) {
        if (path[0] == '/' || !getcwd(dir, sizeof dir))
            return strdup(path);
        real = dir;
        base = path;
    }
    size_t n = strlen(real) + strlen(base) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
    return out;
}
