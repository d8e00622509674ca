/* cli_out — the commands' stdout and stderr pass every byte through
 * core/safe_text.h, so a name or a note holding an escape sequence prints
 * as text and never drives the terminal (cursor, title, clipboard). */
#ifndef TREEM_CLI_CLI_OUT_H
#define TREEM_CLI_CLI_OUT_H

/* Replaces stdout and stderr by filtering streams over the same file
 * descriptors (line breaks and tabs kept; '\r' kept on stderr for progress
 * lines). Call once, before a command prints; never before the interface
 * (curses writes to the descriptor itself). Without fopencookie (non-glibc
 * systems) nothing changes. */
void cli_out_filter(void);

#endif
