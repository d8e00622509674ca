/* dbfiles — a database file with its side files (dbfiles.h). */
#include <config.h>
#include "dbfiles.h"

#include "treem/db/db_files.h"

void test_remove_db(const char *path)
{
    db_remove_files(path);
}
