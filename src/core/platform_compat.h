/* platform_compat — included in front of every file of the Windows build
 * only (Makefile.am, TREEM_WINDOWS; see core/platform.h). The rest of
 * treem calls POSIX functions with UTF-8 paths; msvcrt's take the ANSI code
 * page, lack a few, and differ on others (rename does not replace, stat has
 * no inode). Here those names are mapped to src/core/platform_win.c, which
 * converts the paths with MultiByteToWideChar and calls the wide API. */
#ifndef TREEM_CORE_PLATFORM_COMPAT_H
#define TREEM_CORE_PLATFORM_COMPAT_H
#ifdef _WIN32
/* C99 formatting (%zu, %lld) rather than msvcrt's */
#define __USE_MINGW_ANSI_STDIO 1
/* every system header whose names are replaced below, first */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <direct.h>
#include <process.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK 0
#endif
#ifndef O_DIRECTORY
#define O_DIRECTORY 0
#endif
#ifndef EDQUOT
#define EDQUOT 122
#endif
#define F_GETFL 3
#define F_SETFL 4
static inline int tw_fcntl(int fd, int cmd, ...)
{
    (void)fd;
    (void)cmd;
    return 0; /* no O_NONBLOCK to clear on Windows */
}
static inline int tw_fchmod(int fd, int mode)
{
    (void)fd;
    (void)mode;
    return 0; /* the profile folder's rights apply (platform_chmod_private) */
}
#ifndef S_ISLNK
#define S_ISLNK(m) 0
#endif

int tw_open(const char *path, int flags, ...);
FILE *tw_fopen(const char *path, const char *mode);
int tw_mkdir(const char *dir);
int tw_stat(const char *path, struct stat *st);
int tw_rename(const char *from, const char *to);
int tw_unlink(const char *path);
int tw_rmdir(const char *path);
int tw_access(const char *path, int mode);
int tw_chmod(const char *path, int mode);
char *tw_realpath(const char *path, char *resolved);
char *tw_mkdtemp(char *tmpl);
int tw_mkstemp(char *tmpl);
char *tw_strndup(const char *s, size_t n);
ptrdiff_t tw_getline(char **line, size_t *cap, FILE *f);
struct tm *tw_localtime_r(const time_t *t, struct tm *out);
char *tw_getenv(const char *name);

/* folders read with UTF-8 names */
struct tw_dirent {
    char *d_name;
};
typedef struct tw_dir tw_DIR;
tw_DIR *tw_opendir(const char *path);
struct tw_dirent *tw_readdir(tw_DIR *d);
int tw_closedir(tw_DIR *d);

/* free space (db/backup.c) */
struct tw_statvfs {
    unsigned long long f_bavail, f_frsize;
};
int tw_statvfs(const char *path, struct tw_statvfs *out);

/* typing a password without echo (cli/cli_secret.c): the console mode */
typedef unsigned tcflag_t;
struct termios {
    tcflag_t c_lflag;
};
#define ECHO 1u
#define TCSAFLUSH 2
#define TCSANOW 0
int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);

#define open(...) tw_open(__VA_ARGS__)
#define fopen(p, m) tw_fopen(p, m)
#define mkdir(d, m) tw_mkdir(d)
#define stat(p, s) tw_stat(p, s)
#define rename(a, b) tw_rename(a, b)
#define unlink(p) tw_unlink(p)
/* remove(path) is the file; remove(db, id) a function pointer of the cli */
#define TW_PICK(a, b, name, ...) name
#define remove(...) TW_PICK(__VA_ARGS__, remove, tw_unlink, -)(__VA_ARGS__)
#define rmdir(p) tw_rmdir(p)
#define access(p, m) tw_access(p, m)
#define chmod(p, m) tw_chmod(p, m)
#define fchmod(fd, m) tw_fchmod(fd, m)
#define fcntl(...) tw_fcntl(__VA_ARGS__)
#define fsync(fd) _commit(fd)
#define realpath(p, r) tw_realpath(p, r)
#define mkdtemp(t) tw_mkdtemp(t)
#define mkstemp(t) tw_mkstemp(t)
#define strndup(s, n) tw_strndup(s, n)
#define getline(l, c, f) tw_getline(l, c, f)
#define localtime_r(t, o) tw_localtime_r(t, o)
#define getenv(n) tw_getenv(n)
#define DIR tw_DIR
#define dirent tw_dirent
#define opendir(p) tw_opendir(p)
#define readdir(d) tw_readdir(d)
#define closedir(d) tw_closedir(d)
#define statvfs tw_statvfs
#endif
#endif
