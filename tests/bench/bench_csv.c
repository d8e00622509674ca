/* bench_csv — writes and re-reads synthetic child-register rows through the
 * csv layer and prints rows/s and peak memory. A benchmark, not a test: it
 * never fails on time. Built and run by `make bench`.
 *   tests/bench/bench_csv [ROWS...]     (default 100000 1000000)
 * The file goes to $TMPDIR (or /tmp) and is removed afterwards. */
#include <config.h>
#include "treem/core/i18n.h"
#include "treem/csv/csv_map.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/csv_write.h"

#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { B_ID, B_NAME, B_SEX, B_DOB, B_VILLAGE, B_GUARDIAN, B_PHONE, B_ETHNIC, B_GROUP,
       B_BIRTH_REG, B_INSURANCE, B_NOTES, B_COUNT };

/* Shaped like the register files of gen_children.py (only for timing). */
static const struct csv_column bench_cols[B_COUNT] = {
    {"child_id", "Mã trẻ", NULL, true, NULL},
    {"full_name", "Họ và tên", "ho ten", true, NULL},
    {"sex", "Giới tính", NULL, true, NULL},
    {"date_of_birth", "Ngày sinh", NULL, true, NULL},
    {"village", "Thôn", NULL, false, NULL},
    {"guardian_name", "Người giám hộ", NULL, false, NULL},
    {"phone", "Điện thoại", NULL, false, NULL},
    {"ethnicity", "Dân tộc", NULL, false, NULL},
    {"special_circumstance_group", "Nhóm hoàn cảnh đặc biệt", NULL, false, NULL},
    {"birth_registered", "Đã đăng ký khai sinh", NULL, false, NULL},
    {"health_insurance", "Có bảo hiểm y tế", NULL, false, NULL},
    {"notes", "Ghi chú", NULL, false, NULL},
};
static const struct csv_kind bench_kind = {"bench", "bench", bench_cols, B_COUNT};

static const char *const family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi",
                                     "Đỗ", "Hồ", "Ngô", "Giàng", "Lò"};
static const char *const middle[] = {"Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "A"};
static const char *const given[] = {"An", "Bình", "Cường", "Dũng", "Đào", "Hằng", "Hương",
                                    "Khôi", "Lan", "Mỷ", "Páo", "Quỳnh", "Thắng", "Uyên"};
static const char *const villages[] = {"Thôn 1", "Thôn Đông", "Bản Nà Khương", "Khóm 2",
                                       "Ấp Tân Hòa", "Tổ dân phố 5"};
static const char *const notes[] = {
    "", "", "", "Mồ côi cha, sống với bà ngoại",
    "Mẹ nói \"sẽ quay lại đón cháu\" nhưng chưa về",
    "Thăm nhà ngày 3/4.\nTình trạng: ổn định.\nHẹn thăm lại sau 1 tháng", "", "",
};

#define PICK(a, k) (a[(k) % (sizeof a / sizeof *a)])

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void row_cells(size_t i, char bufs[4][96], const char *cells[B_COUNT])
{
    size_t k = i * 2654435761u;
    snprintf(bufs[0], 96, "TE%07zu", i);
    snprintf(bufs[1], 96, "%s %s %s", PICK(family, k), PICK(middle, k >> 4), PICK(given, k >> 8));
    snprintf(bufs[2], 96, "%02zu/%02zu/%04zu", 1 + k % 28, 1 + (k >> 5) % 12, 2008 + (k >> 9) % 17);
    snprintf(bufs[3], 96, "09%08zu", k % 100000000);
    cells[B_ID] = bufs[0];
    cells[B_NAME] = bufs[1];
    cells[B_SEX] = (k >> 3) & 1 ? "Nam" : "Nữ";
    cells[B_DOB] = bufs[2];
    cells[B_VILLAGE] = PICK(villages, k >> 12);
    cells[B_GUARDIAN] = bufs[1];
    cells[B_PHONE] = bufs[3];
    cells[B_ETHNIC] = (k >> 14) % 9 ? "Kinh" : "H'Mông";
    cells[B_GROUP] = (k >> 16) % 5 ? "" : "đ";
    cells[B_BIRTH_REG] = (k >> 18) % 20 ? "yes" : "no";
    cells[B_INSURANCE] = (k >> 19) % 10 ? "yes" : "no";
    cells[B_NOTES] = PICK(notes, k >> 20);
}

static int write_file(const char *path, size_t rows)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    struct csv_writer *w = malloc(sizeof *w);
    csv_writer_init_file(w, f, ',', CSV_WRITE_DEFAULT);
    csv_map_write_header(&bench_kind, w);
    char bufs[4][96];
    const char *cells[B_COUNT];
    for (size_t i = 1; i <= rows; i++) {
        row_cells(i, bufs, cells);
        csv_write_row(w, cells, B_COUNT);
    }
    enum status st = csv_writer_flush(w);
    free(w);
    return fclose(f) == 0 && st == ST_OK ? 0 : -1;
}

struct reading {
    struct csv_map map;
    bool mapped;
    size_t rows, bytes;
};

static enum status on_row(const struct csv_row *row, void *ctx)
{
    struct reading *r = ctx;
    if (!r->mapped) {
        struct csv_errors errs = {0};
        enum status st = csv_map_build(&r->map, &bench_kind, row, 0, &errs);
        csv_errors_free(&errs);
        r->mapped = true;
        return st;
    }
    for (size_t c = 0; c < B_COUNT; c++)
        r->bytes += strlen(csv_map_get(&r->map, row, c));
    r->rows++;
    return ST_OK;
}

/* Rewrites the UTF-8 file at from as Windows-1258 at to (what Vietnamese
 * Excel saves as "CSV"), streaming through iconv. */
static int to_cp1258(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    iconv_t cd = iconv_open("CP1258", "UTF-8");
    int rc = in && out && cd != (iconv_t)-1 ? 0 : -1;
    static char ib[65536 + 8], ob[65536 * 2];
    size_t keep = 0, got;
    if (in)
        fseek(in, 3, SEEK_SET); /* no BOM in a Windows-1258 file */
    while (rc == 0 && (got = fread(ib + keep, 1, 65536, in)) > 0) {
        char *ip = ib, *op = ob;
        size_t il = keep + got, ol = sizeof ob;
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != EINVAL)
            rc = -1;
        fwrite(ob, 1, (size_t)(op - ob), out);
        memmove(ib, ip, il); /* an incomplete sequence waits for more */
        keep = il;
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        rc = -1;
    return rc;
}

static void read_file(const char *path, size_t rows, bool nfc, double file_mb)
{
    struct reading r = {0};
    struct csv_read_opts opts = {.nfc = nfc};
    struct csv_read_info info;
    double t0 = now_s();
    enum status st = csv_read_file(path, &opts, on_row, &r, &info);
    double dt = now_s() - t0;
    if (r.mapped)
        csv_map_free(&r.map);
    if (st != ST_OK || r.rows != rows) {
        printf("  read failed: %s (%zu rows)\n", status_message(), r.rows);
        return;
    }
    printf("  read  %-12s %9.0f rows/s %7.1f MB/s  %.2f s  peak RSS %ld KB\n",
           info.encoding == CSV_ENC_CP1258 ? "(CP1258)" : nfc ? "(NFC on)" : "(NFC off)",
           (double)rows / dt, file_mb / dt, dt, peak_rss_kb());
}

static void bench(size_t rows)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/treem-bench-csv-%ld.csv", dir && *dir ? dir : "/tmp",
             (long)getpid());
    double t0 = now_s();
    if (write_file(path, rows) != 0) {
        printf("%zu rows: cannot write %s\n", rows, path);
        unlink(path);
        return;
    }
    double dt = now_s() - t0;
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    double mb = (double)ftell(f) / 1e6;
    fclose(f);
    printf("%zu rows, %.1f MB (UTF-8, BOM, CRLF)\n", rows, mb);
    printf("  write              %9.0f rows/s %7.1f MB/s  %.2f s  peak RSS %ld KB\n",
           (double)rows / dt, mb / dt, dt, peak_rss_kb());
    read_file(path, rows, true, mb);
    read_file(path, rows, false, mb);
    char cp[4200];
    snprintf(cp, sizeof cp, "%s.cp1258", path);
    if (to_cp1258(path, cp) == 0)
        read_file(cp, rows, true, mb);
    else
        printf("  (no Windows-1258 conversion on this system)\n");
    unlink(cp);
    unlink(path);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C.UTF-8");
    i18n_set_lang("en");
    printf("bench_csv: csv layer write + streaming read (figures, not a test)\n");
    if (argc < 2) {
        bench(100000);
        bench(1000000);
    }
    for (int i = 1; i < argc; i++)
        bench((size_t)strtoul(argv[i], NULL, 10));
    return 0;
}
