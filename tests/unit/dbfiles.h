/* dbfiles — a database file with its side files, for the unit tests and
 * the benchmarks (no Check in here: bench_search links it too). */
#ifndef TREEM_TEST_DBFILES_H
#define TREEM_TEST_DBFILES_H

/* Removes path and its -wal and -shm files, those that are there. */
void test_remove_db(const char *path);

#endif
