/* dbfiles — a database file with its side files (dbfiles.h). */
#include <config.h>
#include "dbfiles.h"

#include <stdio.h>
#include <unistd.h>

void test_remove_db(const char *path)
{
    static const char *const sfx[] = {"", "-wal", "-shm"};
    char buf[4200];
    for (int i = 0; i < 3; i++) {
        snprintf(buf, sizeof buf, "%s%s", path, sfx[i]);
        unlink(buf);
    }
}
