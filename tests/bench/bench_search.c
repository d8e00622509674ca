/* bench_search — search-as-you-type over large registers (not a test: it
 * prints figures and never fails on time). For each N given (default 10000
 * and 100000) it fills a temporary database with N made-up children
 * (demo_children_add), then, in a fresh process that only opens the file as
 * the list screen would, types "nguyen thi dao", a child code and the start
 * of an ID number one letter at a time; each keystroke runs the paged query
 * for a 22-row page and the match count capped at 1000. Prints the median,
 * 90th percentile and worst time per keystroke, and the peak resident memory
 * of the searching process (not of the full-screen interface, which adds
 * curses and the screen).
 *   bench_search [N…]          bench_search --search DB (internal) */
#include <config.h>
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/demo_children.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "bench.h"
#include "../unit/dbfiles.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 22
#define ROUNDS 5
#define COUNT_CAP 1000
/* What the officer types: a name, a child code, the start of an ID number. */
static const char *const TYPED[] = {"nguyen thi dao", "te-4242", "052320"};

double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int fill(const char *path, int n)
{
    static const char *const villages[] = {"Khu phố Lý Tây", "Khu phố Liêm Định", "Khu phố Liêm Lợi",
        "Khu phố Thanh Danh", "Khu phố An Lộc", "Khu phố Tân Hòa", "Thôn Đông", "Thôn Tây",
        "Thôn Trung", "Thôn Thượng", "Thôn Hạ", "Thôn Tân Lập"};
    struct db *db;
    double t0 = bench_now_ms();
    enum status st = session_open(path, true, &db);
    if (st != ST_OK)
        goto fail;
    st = db_begin(db);
    if (st == ST_OK)
        st = commune_setup(db, "21934");
    for (size_t i = 0; st == ST_OK && i < sizeof villages / sizeof *villages; i++)
        st = village_add(db, villages[i]);
    if (st == ST_OK)
        st = demo_children_add(db, n, 42, date_today());
    st = st == ST_OK ? db_commit(db) : (db_rollback(db), st);
    if (st == ST_OK)
        st = db_exec(db, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
    db_close(db);
    if (st != ST_OK)
        goto fail;
    printf("register of %d children written in %.1f s\n", n, (bench_now_ms() - t0) / 1e3);
    return 0;
fail:
    fprintf(stderr, "bench_search: %s\n", status_message());
    return 1;
}

/* One keystroke: the page, and the count capped at COUNT_CAP, as the list
 * screen needs them; *page_ms gets the time of the page alone. */
static double keystroke(struct db *db, const char *text, size_t *shown, long long *matches,
                        double *page_ms)
{
    static struct child_row rows[PAGE];
    struct child_query q;
    child_query_init(&q);
    q.text = text;
    double t0 = bench_now_ms();
    if (children_page(db, &q, 0, PAGE, rows, shown) != ST_OK)
        fprintf(stderr, "bench_search: %s\n", status_message());
    *page_ms = bench_now_ms() - t0;
    if (children_count_upto(db, &q, COUNT_CAP, matches) != ST_OK)
        fprintf(stderr, "bench_search: %s\n", status_message());
    return bench_now_ms() - t0;
}

long bench_peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    if (kb < 0) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        kb = ru.ru_maxrss;
    }
    return kb;
}

void bench_report(const char *what, double *t, size_t n)
{
    qsort(t, n, sizeof *t, cmp_double);
    printf("  %-28s median %.2f ms, 90th %.2f ms, worst %.2f ms\n", what, t[n / 2], t[n * 9 / 10], t[n - 1]);
}

/* Types one string a letter at a time, ROUNDS times; appends the times. */
static void type_string(struct db *db, const char *typed, double *times, double *pages, size_t *n)
{
    size_t len = strlen(typed), shown = 0;
    long long matches = 0;
    char prefix[64];
    for (int r = 0; r < ROUNDS; r++) {
        for (size_t k = 1; k <= len && k < sizeof prefix; k++) {
            memcpy(prefix, typed, k);
            prefix[k] = '\0';
            times[*n] = keystroke(db, prefix, &shown, &matches, &pages[*n]);
            (*n)++;
            if (r == 0 && (k == 1 || k == len || typed[k] == ' '))
                printf("  typed %-16s %6lld%s matches, %zu shown\n", prefix, matches,
                       matches >= COUNT_CAP ? "+" : " ", shown);
        }
    }
}

static int search(const char *path)
{
    struct db *db;
    if (session_open(path, false, &db) != ST_OK) {
        fprintf(stderr, "bench_search: %s\n", status_message());
        return 1;
    }
    double times[ROUNDS * 64 * 3], pages[ROUNDS * 64 * 3];
    size_t n = 0;
    for (size_t i = 0; i < sizeof TYPED / sizeof *TYPED; i++)
        type_string(db, TYPED[i], times, pages, &n);
    char what[64];
    snprintf(what, sizeof what, "keystroke, page of %d:", PAGE);
    bench_report(what, pages, n);
    snprintf(what, sizeof what, "+ count up to %d:", COUNT_CAP);
    bench_report(what, times, n);
    printf("  peak resident memory of the searching process: %.1f MB\n", bench_peak_rss_kb() / 1024.0);
    db_close(db);
    return 0;
}

static int run_size(const char *self, int n)
{
    char path[4096];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/treem-bench-%ld-%d.db", dir && *dir ? dir : "/tmp", (long)getpid(), n);
    test_remove_db(path);
    int rc = fill(path, n);
    if (rc == 0) {
        fflush(stdout);
        static const char *const modes[] = {"--search", "--tui"};
        for (int m = 0; m < 2 && rc == 0; m++) {
            fflush(stdout);
            pid_t pid = fork();
            if (pid == 0) { /* a fresh process: its memory is what that part uses */
                execl(self, self, modes[m], path, (char *)NULL);
                _exit(127);
            }
            int status = 1;
            if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
                rc = 1;
        }
    }
    if (!getenv("BENCH_KEEP"))
        test_remove_db(path);
    return rc;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C.UTF-8");
    i18n_set_lang("en");
    if (argc == 3 && strcmp(argv[1], "--search") == 0)
        return search(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--tui") == 0)
        return bench_tui(argv[2]);
    static const char *const defaults[] = {"10000", "100000"};
    int n = argc > 1 ? argc - 1 : 2, rc = 0;
    for (int i = 0; i < n; i++) {
        const char *arg = argc > 1 ? argv[i + 1] : defaults[i];
        int size = atoi(arg);
        if (size <= 0) {
            fprintf(stderr, "bench_search: '%s' is not a register size\n", arg);
            return 2;
        }
        rc |= run_size(argv[0], size);
    }
    return rc;
}
