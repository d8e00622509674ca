/* faultvfs — a shim SQLite VFS over the default one for the unit tests: it
 * counts the writes and, once armed, fails every write from the Nth on (as
 * a disk that fills up does), with SQLITE_FULL or SQLITE_IOERR_WRITE.
 * Syncs are not passed on (see f_sync). */
#include <config.h>
#include "faultvfs.h"

#include <string.h>

static sqlite3_vfs shim, *base;
static long long writes, fail_at, reads, read_fail_at;
static int fail_code = SQLITE_FULL;

struct ffile {
    sqlite3_file file;
    sqlite3_file *real; /* the default VFS's file, right after this struct */
};

#define REAL(f) (((struct ffile *)(f))->real)

static int f_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    reads++;
    if (read_fail_at > 0 && reads >= read_fail_at)
        return SQLITE_IOERR_READ;
    return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    ++writes;
    if ((fail_at > 0 && writes >= fail_at) || (fail_at < 0 && writes == -fail_at))
        return fail_code;
    return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
/* No sync reaches the disk: the tests never cut the power, so a sync would
 * prove nothing here and only wait for the disk (thousands of times). */
static int f_sync(sqlite3_file *f, int flags)
{
    (void)f;
    (void)flags;
    return SQLITE_OK;
}
static int f_size(sqlite3_file *f, sqlite3_int64 *size) { return REAL(f)->pMethods->xFileSize(REAL(f), size); }
static int f_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int f_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int f_check(sqlite3_file *f, int *out) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out); }
static int f_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int f_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int f_chars(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int f_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}
static int f_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int f_shm_unmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }
static int f_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
    return REAL(f)->pMethods->xFetch(REAL(f), o, n, pp);
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
    return REAL(f)->pMethods->xUnfetch(REAL(f), o, p);
}

/* Version 2: no memory-mapped reads, so every page goes through f_write. */
static const sqlite3_io_methods io = {
    2, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_check, f_control,
    f_sector, f_chars, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch,
};

static int v_open(sqlite3_vfs *v, const char *name, sqlite3_file *file, int flags, int *out)
{
    (void)v;
    struct ffile *f = (struct ffile *)file;
    f->real = (sqlite3_file *)(f + 1);
    int rc = base->xOpen(base, name, f->real, flags, out);
    f->file.pMethods = f->real->pMethods ? &io : NULL;
    return rc;
}

static int v_delete(sqlite3_vfs *v, const char *n, int sync) { (void)v; return base->xDelete(base, n, sync); }
static int v_access(sqlite3_vfs *v, const char *n, int flags, int *out)
{
    (void)v;
    return base->xAccess(base, n, flags, out);
}
static int v_full(sqlite3_vfs *v, const char *n, int size, char *out)
{
    (void)v;
    return base->xFullPathname(base, n, size, out);
}
static void *v_dlopen(sqlite3_vfs *v, const char *n) { (void)v; return base->xDlOpen(base, n); }
static void v_dlerror(sqlite3_vfs *v, int n, char *m) { (void)v; base->xDlError(base, n, m); }
static void (*v_dlsym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return base->xDlSym(base, h, s); }
static void v_dlclose(sqlite3_vfs *v, void *h) { (void)v; base->xDlClose(base, h); }
static int v_random(sqlite3_vfs *v, int n, char *out) { (void)v; return base->xRandomness(base, n, out); }
static int v_sleep(sqlite3_vfs *v, int us) { (void)v; return base->xSleep(base, us); }
static int v_time(sqlite3_vfs *v, double *out) { (void)v; return base->xCurrentTime(base, out); }
static int v_error(sqlite3_vfs *v, int n, char *m) { (void)v; return base->xGetLastError(base, n, m); }
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
    (void)v;
    return base->xCurrentTimeInt64(base, out);
}

void faultvfs_install(void)
{
    if (base)
        return;
    sqlite3_initialize();
    base = sqlite3_vfs_find(NULL);
    shim = (sqlite3_vfs){
        .iVersion = 2, .szOsFile = (int)sizeof(struct ffile) + base->szOsFile,
        .mxPathname = base->mxPathname, .zName = "treem-fault",
        .xOpen = v_open, .xDelete = v_delete, .xAccess = v_access, .xFullPathname = v_full,
        .xDlOpen = v_dlopen, .xDlError = v_dlerror, .xDlSym = v_dlsym, .xDlClose = v_dlclose,
        .xRandomness = v_random, .xSleep = v_sleep, .xCurrentTime = v_time,
        .xGetLastError = v_error, .xCurrentTimeInt64 = v_time64,
    };
    sqlite3_vfs_register(&shim, 1);
}

void faultvfs_arm(long long n, int code)
{
    writes = 0;
    fail_at = n;
    fail_code = code;
}

long long faultvfs_writes(void)
{
    return writes;
}

void faultvfs_arm_reads(long long n)
{
    reads = 0;
    read_fail_at = n;
}

long long faultvfs_reads(void)
{
    return reads;
}
