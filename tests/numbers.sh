#!/bin/sh
# numbers.sh — one number parser (issue 12): nothing in src/ reads a number
# typed by a person with atoi/atol/atoll/strtod/strtol/strtoll/sscanf; they
# go through core/number.c (number_parse, number_parse_int). The few left
# read what the program itself wrote or ships, named below with the reason.
set -eu
src=${TREEM_SRCDIR:-$(dirname "$0")/..}/src
allowed='
src/core/number.c
src/app/who_tables.c: the shipped WHO 2006 tables (embedded)
src/app/rubric_load.c: splits an indicator code "6.1" at its dot
src/model/case.c: an ISO time read back from the database
src/db/row.c: an ISO date read back from the database
src/csv/xlsx_read.c: style ids in the XML of a workbook
src/csv/xlsx_sheet.c: cell values and references as a spreadsheet writes them in its XML
src/csv/xlsx_write.c: a number the program formatted itself
'
fail=0
for hit in $(grep -rlE '\b(atoi|atol|atoll|strtod|strtof|strtol|strtoll|strtoul|sscanf)\(' "$src" --include=*.c); do
    rel=src/${hit#"$src"/}
    if ! printf '%s\n' "$allowed" | grep -q "^$rel\(:\|$\)"; then
        echo "FAIL: $rel reads a number without core/number.c:"
        grep -nE '\b(atoi|atol|atoll|strtod|strtof|strtol|strtoll|strtoul|sscanf)\(' "$hit" | sed 's/^/  /'
        fail=1
    fi
done
[ "$fail" -eq 0 ] && echo "numbers: every typed number goes through core/number.c"
exit "$fail"
