/* csv_file — writing a whole CSV file the program makes (a template, a
 * score sheet, a rule set, a summed report): through core/outfile, so the
 * file is 0600 and appears at its path only when every row was written. */
#ifndef TREEM_APP_CSV_FILE_H
#define TREEM_APP_CSV_FILE_H
#include "treem/csv/csv_write.h"

/* Writes the rows of arg to w; returns ST_OK or the failure, its message
 * set (w->st when a write failed). */
typedef enum status (*csv_file_fill)(struct csv_writer *w, const void *arg);

/* Writes the CSV file at path: a writer of ','-separated cells with flags
 * (csv_write_flag bits; 0: CSV_WRITE_DEFAULT) is filled by fill(w, arg)
 * and flushed. On any failure nothing is left at path and the status
 * (ST_NOMEM, ST_IO, or fill's) comes back with its message. */
enum status csv_file_write(const char *path, unsigned flags, csv_file_fill fill, const void *arg);

#endif
