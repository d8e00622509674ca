/* faultvfs — a fault-injecting SQLite VFS for the unit tests (see faultvfs.c). */
#ifndef TREEM_TESTS_FAULTVFS_H
#define TREEM_TESTS_FAULTVFS_H
#include <sqlite3.h>

/* Makes the shim the default VFS of this process (once). */
void faultvfs_install(void);
/* Restarts the count; with n > 0 every write from the nth on fails with code
 * (SQLITE_FULL, SQLITE_IOERR_WRITE, …); with n < 0 only write -n fails (a
 * passing fault: later writes succeed, as after a full disk freed again);
 * n == 0 only counts. */
void faultvfs_arm(long long n, int code);
/* Writes counted since faultvfs_arm(). */
long long faultvfs_writes(void);
/* The same for reads: from the nth on they fail with SQLITE_IOERR_READ. */
void faultvfs_arm_reads(long long n);
long long faultvfs_reads(void);

#endif
