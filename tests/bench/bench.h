/* bench — what the benchmark programs share (defined in bench_search.c;
 * bench_tui.c links with it). */
#ifndef TREEM_BENCH_H
#define TREEM_BENCH_H
#include <stddef.h>

/* A monotonic clock, in milliseconds. */
double bench_now_ms(void);
/* The peak resident memory of this process image, in kB (VmHWM: getrusage's
 * ru_maxrss survives exec and would count the filling parent). */
long bench_peak_rss_kb(void);
/* Sorts the n times t and prints what, their median, 90th percentile and worst. */
void bench_report(const char *what, double *t, size_t n);
/* The Trẻ em screen on the register at path (bench_tui.c). */
int bench_tui(const char *path);

#endif
