/* number — the one place numbers typed by people are read, and numbers
 * shown to them are written.
 *
 * Reading follows Vietnamese habits and accepts the unambiguous rest:
 *   1.500.000   1 500 000   1500000   1.500.000 đ   (grouping: dots or spaces)
 *   20,5   1.500,25   97,5 %                         (decimals: a comma)
 *   20.5   1500.25                                   (a dot that cannot be grouping)
 * Anything else is refused with a message (status_message()) that quotes the
 * text and says how to write it: "500,000" in a whole-number field, "1.500" in
 * a decimal field (1500 or 1,5?), "1 triệu", "abc", "1e5", "0x10", "".
 * No locale is consulted (strtod would read "20,5" under vi_VN and not under C).
 *
 * Writing follows the interface language: Vietnamese "1.500.000" and "20,5",
 * English "1,500,000" and "20.5". */
#ifndef TREEM_CORE_NUMBER_H
#define TREEM_CORE_NUMBER_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

enum number_flags {
    NUM_INT = 0,          /* a whole number */
    NUM_DECIMAL = 1 << 0, /* decimals allowed */
    NUM_PERCENT = 1 << 1, /* a trailing "%" allowed (the value is not divided) */
    NUM_MONEY = 1 << 2,   /* a trailing "đ", "đồng", "VND" or "VNĐ" allowed */
    NUM_SIGNED = 1 << 3,  /* a leading "-" allowed */
    NUM_DOT_DECIMAL = 1 << 4, /* one dot is a decimal point ("1.125" = 1,125): files
                               * written by programs, where grouping is not used */
};

/* Reads text as a number; on failure returns ST_INVALID with a message. */
enum status number_parse(const char *text, unsigned flags, double *out);
/* Reads a whole number (NUM_DECIMAL is ignored). */
enum status number_parse_int(const char *text, unsigned flags, long long *out);

/* Room for any number written below. */
#define NUMBER_BUF 48

/* 1500000 → "1.500.000" (vi) or "1,500,000" (en). */
char *number_format_int(long long v, char out[NUMBER_BUF]);
/* v rounded to at most `decimals` decimals, trailing zeros dropped:
 * 20.5 → "20,5" (vi) or "20.5" (en); 1500 → "1.500" / "1,500". */
char *number_format_decimal(double v, int decimals, char out[NUMBER_BUF]);
/* As number_format_decimal without grouping, for a value put in a field to
 * be edited: "1500,25" (vi), "1500.25" (en) read back the same. */
char *number_format_plain(double v, int decimals, char out[NUMBER_BUF]);
/* As number_format_decimal with exactly `decimals` decimals kept. */
char *number_format_fixed(double v, int decimals, char out[NUMBER_BUF]);
/* A percentage: "83,33 %" (vi) or "83.33 %" (en), exactly `decimals` decimals. */
char *number_format_percent(double v, int decimals, char out[NUMBER_BUF]);

#endif
