/* platform — the Windows side (mingw-w64); POSIX: platform.c. Paths are
 * UTF-8 inside treem and UTF-16 for Windows: converted here with
 * MultiByteToWideChar / WideCharToMultiByte. */
#include <config.h>
#include "treem/core/platform.h"
#include "treem/core/path.h"

#include <windows.h>
#include <shellapi.h>
#include <stdarg.h>
#include <stdint.h>
#include <wchar.h>

/* ---------------------------------------------------------- UTF-8/16 --- */
static wchar_t *wide(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    wchar_t *w = n > 0 ? malloc((size_t)n * sizeof *w) : NULL;
    if (w && MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n) <= 0) {
        free(w);
        w = NULL;
    }
    if (!w)
        errno = n > 0 ? ENOMEM : EINVAL;
    return w;
}

static char *narrow(const wchar_t *w)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = n > 0 ? malloc((size_t)n) : NULL;
    if (s && WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL) <= 0) {
        free(s);
        s = NULL;
    }
    return s;
}

static void forward_slashes(char *s)
{
    for (; s && *s; s++)
        if (*s == '\\')
            *s = '/';
}

/* An environment variable read as UTF-16, in UTF-8 (NULL: unset or empty). */
static char *env_utf8(const wchar_t *name)
{
    const wchar_t *v = _wgetenv(name);
    return v && *v ? narrow(v) : NULL;
}

/* ------------------------------------------------------------ places --- */
char *platform_data_dir(void)
{
    char *app = env_utf8(L"APPDATA");
    if (!app)
        return NULL;
    char *out = path_join(app, "treem");
    free(app);
    forward_slashes(out);
    return out;
}

static char *cached(char **slot, const wchar_t *a, const wchar_t *b)
{
    free(*slot);
    *slot = env_utf8(a);
    if (!*slot && b)
        *slot = env_utf8(b);
    forward_slashes(*slot);
    return *slot;
}

const char *platform_home(void)
{
    static char *home;
    return cached(&home, L"HOME", L"USERPROFILE");
}

const char *platform_user(void)
{
    static char *user;
    return cached(&user, L"USER", L"USERNAME");
}

const char *platform_last_sep(const char *path)
{
    const char *a = strrchr(path, '/'), *b = strrchr(path, '\\');
    const char *s = a > b ? a : b;
    if (!s && path[0] && path[1] == ':')
        s = path + 1;
    return s;
}

/* ------------------------------------------------------------- files --- */
int platform_mkdir_private(const char *dir)
{
    return tw_mkdir(dir);
}

int platform_open_private(const char *path, int flags)
{
    return tw_open(path, flags | O_CREAT, _S_IREAD | _S_IWRITE);
}

int platform_chmod_private(int fd)
{
    (void)fd; /* the profile folder's rights: only the user (and admins) */
    return 0;
}

int platform_fsync(int fd)
{
    return _commit(fd);
}

void platform_sync_dir(const char *dir)
{
    (void)dir;
}

bool platform_same_stat(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_rdev == b->st_rdev;
}

int tw_open(const char *path, int flags, ...)
{
    int mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
    }
    wchar_t *w = wide(path);
    int fd = w ? _wopen(w, flags | O_BINARY | O_NOINHERIT, mode ? _S_IREAD | _S_IWRITE : 0) : -1;
    free(w);
    return fd;
}

FILE *tw_fopen(const char *path, const char *mode)
{
    if (strcmp(path, "/dev/tty") == 0) /* typing a password: the console */
        return _wfopen(L"CONIN$", L"r+");
    wchar_t wm[8];
    size_t i = 0;
    for (; mode[i] && i < 5; i++)
        wm[i] = (wchar_t)(unsigned char)mode[i];
    if (!strchr(mode, 'b'))
        wm[i++] = L'b'; /* bytes as they are: no CRLF translation */
    wm[i] = 0;
    wchar_t *w = wide(path);
    FILE *f = w ? _wfopen(w, wm) : NULL;
    free(w);
    return f;
}

/* one wide call on one path */
#define WIDE_CALL(path, call)                                                                      \
    do {                                                                                           \
        wchar_t *w = wide(path);                                                                   \
        int rc = w ? (call) : -1;                                                                  \
        free(w);                                                                                   \
        return rc;                                                                                 \
    } while (0)

int tw_mkdir(const char *dir) { WIDE_CALL(dir, _wmkdir(w)); }
int tw_unlink(const char *path) { WIDE_CALL(path, _wremove(w)); }
int tw_rmdir(const char *path) { WIDE_CALL(path, _wrmdir(w)); }
int tw_access(const char *path, int mode) { WIDE_CALL(path, _waccess(w, mode & ~1)); }
int tw_chmod(const char *path, int mode)
{
    WIDE_CALL(path, _wchmod(w, (mode & 0200) ? _S_IREAD | _S_IWRITE : _S_IREAD));
}

/* stat with the file's identity: volume serial in st_dev, the 64-bit file
 * index folded into st_ino (16 bits) and st_rdev (32 bits). */
static void identity(const wchar_t *w, struct stat *st)
{
    HANDLE h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    BY_HANDLE_FILE_INFORMATION info;
    if (h != INVALID_HANDLE_VALUE && GetFileInformationByHandle(h, &info)) {
        st->st_dev = (_dev_t)info.dwVolumeSerialNumber;
        st->st_ino = (_ino_t)(info.nFileIndexLow ^ (info.nFileIndexHigh << 16));
        st->st_rdev = (_dev_t)(info.nFileIndexLow ^ info.nFileIndexHigh);
    }
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

int tw_stat(const char *path, struct stat *st)
{
    wchar_t *w = wide(path);
    struct _stat64 s;
    int rc = w ? _wstat64(w, &s) : -1;
    if (rc == 0) {
        memset(st, 0, sizeof *st);
        st->st_mode = s.st_mode;
        st->st_nlink = s.st_nlink;
        st->st_size = (_off_t)s.st_size;
        st->st_atime = (time_t)s.st_atime;
        st->st_mtime = (time_t)s.st_mtime;
        st->st_ctime = (time_t)s.st_ctime;
        identity(w, st);
    }
    free(w);
    return rc;
}

/* rename that replaces the destination, as POSIX's does */
int tw_rename(const char *from, const char *to)
{
    wchar_t *a = wide(from), *b = wide(to);
    int rc = a && b && MoveFileExW(a, b, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) ? 0 : -1;
    if (rc != 0 && a && b)
        errno = GetLastError() == ERROR_ACCESS_DENIED ? EACCES : EIO;
    free(a);
    free(b);
    return rc;
}

char *tw_realpath(const char *path, char *resolved)
{
    wchar_t *w = wide(path);
    wchar_t *full = w ? _wfullpath(NULL, w, 0) : NULL;
    DWORD attr = full ? GetFileAttributesW(full) : INVALID_FILE_ATTRIBUTES;
    char *out = attr != INVALID_FILE_ATTRIBUTES ? narrow(full) : NULL;
    if (!out && w)
        errno = ENOENT;
    free(w);
    free(full);
    forward_slashes(out);
    if (out && resolved) { /* callers pass PATH_MAX bytes */
        snprintf(resolved, 260, "%s", out);
        free(out);
        return resolved;
    }
    return out;
}

/* the XXXXXX of tmpl replaced by letters not in use; make makes it */
static bool fill_unique(char *tmpl, bool (*make)(const char *, void *), void *arg)
{
    size_t n = strlen(tmpl);
    if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) {
        errno = EINVAL;
        return false;
    }
    static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int tries = 0; tries < 100; tries++) {
        unsigned long long r = GetTickCount64() ^ ((unsigned long long)GetCurrentProcessId() << 20) ^
                               (unsigned long long)tries * 2654435761u;
        for (size_t i = n - 6; i < n; i++, r /= 36)
            tmpl[i] = set[r % 36];
        if (make(tmpl, arg))
            return true;
        if (errno != EEXIST)
            return false;
    }
    return false;
}

static bool make_dir(const char *p, void *arg)
{
    (void)arg;
    return tw_mkdir(p) == 0;
}

static bool make_file(const char *p, void *arg)
{
    *(int *)arg = tw_open(p, O_RDWR | O_CREAT | O_EXCL, 0600);
    return *(int *)arg >= 0;
}

char *tw_mkdtemp(char *tmpl)
{
    return fill_unique(tmpl, make_dir, NULL) ? tmpl : NULL;
}

int tw_mkstemp(char *tmpl)
{
    int fd = -1;
    return fill_unique(tmpl, make_file, &fd) ? fd : -1;
}

char *tw_strndup(const char *s, size_t n)
{
    size_t len = 0;
    while (len < n && s[len])
        len++;
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

/* One line typed on the console, read as UTF-16 (ReadConsoleA gives no
 * Vietnamese letters under the UTF-8 code page before Windows 10). */
static ptrdiff_t console_line(char **line, size_t *cap, FILE *f)
{
    wchar_t buf[1024];
    DWORD got = 0;
    if (!ReadConsoleW((HANDLE)_get_osfhandle(_fileno(f)), buf, 1023, &got, NULL) || got == 0)
        return -1;
    buf[got] = 0;
    char *s = narrow(buf);
    if (!s)
        return -1;
    size_t n = strlen(s);
    if (n + 1 > *cap) {
        char *p = realloc(*line, n + 1);
        if (!p) {
            free(s);
            return -1;
        }
        *line = p;
        *cap = n + 1;
    }
    memcpy(*line, s, n + 1);
    SecureZeroMemory(s, n);
    free(s);
    SecureZeroMemory(buf, sizeof buf);
    return (ptrdiff_t)n;
}

ptrdiff_t tw_getline(char **line, size_t *cap, FILE *f)
{
    DWORD mode;
    if (GetConsoleMode((HANDLE)_get_osfhandle(_fileno(f)), &mode))
        return console_line(line, cap, f);
    size_t len = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (len + 2 > *cap) {
            size_t want = *cap ? *cap * 2 : 128;
            char *p = realloc(*line, want);
            if (!p)
                return -1;
            *line = p;
            *cap = want;
        }
        (*line)[len++] = (char)c;
        if (c == '\n')
            break;
    }
    if (len == 0)
        return -1;
    (*line)[len] = '\0';
    return (ptrdiff_t)len;
}

struct tm *tw_localtime_r(const time_t *t, struct tm *out)
{
    return platform_localtime(*t, out) ? out : NULL;
}

/* The environment in UTF-8 (msvcrt's getenv gives the ANSI code page, which
 * loses Vietnamese letters of a passphrase or a path). Each name's text is
 * kept until the next call for that name. */
struct env_slot {
    struct env_slot *next;
    char *name, *value;
};

char *tw_getenv(const char *name)
{
    static struct env_slot *slots;
    struct env_slot *e = slots;
    while (e && strcmp(e->name, name) != 0)
        e = e->next;
    if (!e && (e = calloc(1, sizeof *e)) != NULL) {
        if (!(e->name = _strdup(name))) {
            free(e);
            return NULL;
        }
        e->next = slots;
        slots = e;
    }
    if (!e)
        return NULL;
    wchar_t *w = wide(name);
    const wchar_t *v = w ? _wgetenv(w) : NULL;
    free(w);
    free(e->value);
    e->value = v ? narrow(v) : NULL;
    return e->value;
}

/* ----------------------------------------------------------- folders --- */
struct tw_dir {
    _WDIR *d;
    struct tw_dirent e;
};

tw_DIR *tw_opendir(const char *path)
{
    wchar_t *w = wide(path);
    _WDIR *d = w ? _wopendir(w) : NULL;
    free(w);
    tw_DIR *out = d ? calloc(1, sizeof *out) : NULL;
    if (out)
        out->d = d;
    else if (d)
        _wclosedir(d);
    return out;
}

struct tw_dirent *tw_readdir(tw_DIR *d)
{
    struct _wdirent *e = _wreaddir(d->d);
    free(d->e.d_name);
    d->e.d_name = e ? narrow(e->d_name) : NULL;
    return d->e.d_name ? &d->e : NULL;
}

int tw_closedir(tw_DIR *d)
{
    int rc = _wclosedir(d->d);
    free(d->e.d_name);
    free(d);
    return rc;
}

int tw_statvfs(const char *path, struct tw_statvfs *out)
{
    wchar_t *w = wide(path);
    ULARGE_INTEGER avail;
    BOOL ok = w && GetDiskFreeSpaceExW(w, &avail, NULL, NULL);
    free(w);
    if (!ok)
        return -1;
    out->f_bavail = avail.QuadPart;
    out->f_frsize = 1;
    return 0;
}

/* ----------------------------------------------------------- console --- */
int tcgetattr(int fd, struct termios *t)
{
    DWORD mode;
    if (!GetConsoleMode((HANDLE)_get_osfhandle(fd), &mode))
        return -1;
    t->c_lflag = (mode & ENABLE_ECHO_INPUT) ? ECHO : 0;
    return 0;
}

int tcsetattr(int fd, int when, const struct termios *t)
{
    (void)when;
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    DWORD mode;
    if (!GetConsoleMode(h, &mode))
        return -1;
    mode = (t->c_lflag & ECHO) ? mode | ENABLE_ECHO_INPUT : mode & ~(DWORD)ENABLE_ECHO_INPUT;
    return SetConsoleMode(h, mode) ? 0 : -1;
}

/* Viet Nam: UTC+7 all year (no daylight saving) unless TZ says otherwise */
bool platform_localtime(time_t t, struct tm *out)
{
    const char *tz = getenv("TZ");
    if (tz && *tz)
        return localtime_s(out, &t) == 0;
    time_t vn = t + 7 * 3600;
    return gmtime_s(out, &vn) == 0;
}

/* A console of at least 80x24 (a double-click opens one of the size the
 * user last chose; an old Windows 7 default is 80x25). */
static void console_size(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (!GetConsoleScreenBufferInfo(out, &info))
        return;
    SHORT w = info.srWindow.Right - info.srWindow.Left + 1;
    SHORT h = info.srWindow.Bottom - info.srWindow.Top + 1;
    if (w >= 80 && h >= 24)
        return;
    COORD buf = {info.dwSize.X < 80 ? 80 : info.dwSize.X, info.dwSize.Y < 24 ? 24 : info.dwSize.Y};
    SetConsoleScreenBufferSize(out, buf);
    SMALL_RECT r = {0, 0, (SHORT)(w < 80 ? 79 : w - 1), (SHORT)(h < 24 ? 23 : h - 1)};
    SetConsoleWindowInfo(out, TRUE, &r);
}

void platform_console_inert(void)
{
    static const DWORD std[] = {STD_OUTPUT_HANDLE, STD_ERROR_HANDLE};
    for (int i = 0; i < 2; i++) {
        HANDLE h = GetStdHandle(std[i]);
        DWORD mode;
        if (h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode))
            SetConsoleMode(h, mode & ~(DWORD)ENABLE_VIRTUAL_TERMINAL_PROCESSING);
    }
}

void platform_console_setup(void)
{
    SetConsoleCP(CP_UTF8);
    SetConsoleOutputCP(CP_UTF8);
    for (int fd = 0; fd <= 2; fd++) /* the standard streams: bytes as they are, no CRLF */
        _setmode(fd, _O_BINARY);
    console_size();
    /* curses draws with the console driver (win32con), which it takes only
     * when TERM is unset (a TERM from MSYS or Wine would send it looking
     * for a terminfo database that the program does not carry) */
    _putenv("TERM=");
    /* temporary files (hand-off packages, workbooks): TMPDIR as on Linux */
    if (!getenv("TMPDIR")) {
        char *tmp = env_utf8(L"TEMP");
        forward_slashes(tmp);
        if (tmp) {
            size_t n = strlen(tmp) + sizeof "TMPDIR=";
            char *kv = malloc(n);
            if (kv) {
                snprintf(kv, n, "TMPDIR=%s", tmp);
                _putenv(kv); /* kept: the environment owns it */
            }
        }
        free(tmp);
    }
}

bool platform_args_utf8(int *argc, char ***argv)
{
    int n = 0;
    wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!w)
        return true; /* keep the ANSI arguments */
    char **out = calloc((size_t)n + 1, sizeof *out);
    for (int i = 0; out && i < n; i++)
        if (!(out[i] = narrow(w[i])))
            out = NULL; /* out of memory: a few bytes lost on the way out */
    LocalFree(w);
    if (!out)
        return false;
    *argc = n;
    *argv = out;
    return true;
}

/* ------------------------------------------------------------- iconv --- */
#include <iconv.h>

enum tw_from { FROM_CP1258, FROM_UTF16LE, FROM_UTF16BE };
struct tw_iconv {
    enum tw_from from;
};

iconv_t iconv_open(const char *to, const char *from)
{
    struct tw_iconv *cd = NULL;
    if (strcmp(to, "UTF-8") == 0 && (cd = calloc(1, sizeof *cd)) != NULL) {
        if (strcmp(from, "CP1258") == 0)
            cd->from = FROM_CP1258;
        else if (strcmp(from, "UTF-16LE") == 0)
            cd->from = FROM_UTF16LE;
        else if (strcmp(from, "UTF-16BE") == 0)
            cd->from = FROM_UTF16BE;
        else {
            free(cd);
            cd = NULL;
        }
    }
    if (!cd)
        errno = EINVAL;
    return cd ? cd : (iconv_t)-1;
}

int iconv_close(iconv_t cd)
{
    free(cd);
    return 0;
}

static size_t put_utf8(unsigned long c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* One character of in: its code point and the bytes it takes; 0 bytes:
 * incomplete (EINVAL), -1: invalid (EILSEQ). */
static int next_char(const struct tw_iconv *cd, const unsigned char *p, size_t n, unsigned long *c)
{
    if (cd->from == FROM_CP1258) {
        wchar_t w;
        if (MultiByteToWideChar(1258, MB_ERR_INVALID_CHARS, (const char *)p, 1, &w, 1) != 1)
            return -1;
        *c = w;
        return 1;
    }
    bool le = cd->from == FROM_UTF16LE;
    if (n < 2)
        return 0;
    unsigned long u = le ? p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
    if (u >= 0xDC00 && u < 0xE000)
        return -1;
    if (u < 0xD800 || u >= 0xE000) {
        *c = u;
        return 2;
    }
    if (n < 4)
        return 0;
    unsigned long l = le ? p[2] | (unsigned)p[3] << 8 : (unsigned)p[2] << 8 | p[3];
    if (l < 0xDC00 || l >= 0xE000)
        return -1;
    *c = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
    return 4;
}

size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft)
{
    if (!in || !*in)
        return 0; /* no shift state to flush */
    while (*inleft > 0) {
        unsigned long c = 0;
        int used = next_char(cd, (const unsigned char *)*in, *inleft, &c);
        if (used <= 0) {
            errno = used == 0 ? EINVAL : EILSEQ;
            return (size_t)-1;
        }
        char buf[4];
        size_t k = put_utf8(c, buf);
        if (k > *outleft) {
            errno = E2BIG;
            return (size_t)-1;
        }
        memcpy(*out, buf, k);
        *out += k;
        *outleft -= k;
        *in += used;
        *inleft -= (size_t)used;
    }
    return 0;
}

/* ---------------------------------------------------- C library UTF-8 --- */
/* msvcrt has no UTF-8 locale, so its mbrtowc reads each byte of "Việt" as a
 * character of the ANSI code page; curses (lib_addch.c) builds the wide
 * characters it draws with mbrtowc. Every text in treem is UTF-8: this one
 * (linked before mingw-w64's libmingwex) decodes UTF-8, as mbrtowc does on
 * Linux under C.UTF-8. Stateless: an incomplete sequence is (size_t)-2 and
 * is given again whole with the next byte (what curses does). */
size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps)
{
    (void)ps;
    if (!s)
        return 0;
    if (n == 0)
        return (size_t)-2;
    const unsigned char *p = (const unsigned char *)s;
    unsigned long c = p[0];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || (len == 2 && c < 0xC2)) {
        errno = EILSEQ;
        return (size_t)-1;
    }
    c &= len == 1 ? 0x7F : len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
    for (size_t i = 1; i < len; i++) {
        if (i >= n)
            return (size_t)-2;
        if ((p[i] & 0xC0) != 0x80) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        c = c << 6 | (p[i] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (c >= 0xD800 && c < 0xE000) || c > 0xFFFF) {
        errno = EILSEQ; /* overlong, a surrogate, or beyond UTF-16's one unit */
        return (size_t)-1;
    }
    if (pwc)
        *pwc = (wchar_t)c;
    return c ? len : 0;
}

/* mbrtowc's companions in the same object of mingw-w64's library (one of
 * them defined alone would clash with it at link time) */
size_t mbrlen(const char *s, size_t n, mbstate_t *ps)
{
    return mbrtowc(NULL, s, n, ps);
}

size_t mbsrtowcs(wchar_t *dst, const char **src, size_t len, mbstate_t *ps)
{
    size_t done = 0;
    const char *s = *src;
    while (!dst || done < len) {
        wchar_t w;
        size_t k = mbrtowc(&w, s, 4, ps);
        if (k == (size_t)-1 || k == (size_t)-2) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        if (dst)
            dst[done] = w;
        if (k == 0) {
            if (dst)
                *src = NULL;
            return done;
        }
        s += k;
        done++;
    }
    *src = s;
    return done;
}
