#!/bin/sh
# check_slow — the unit tests tagged "slow" (the faults suite), a test of
# its own so that `make -j2 check` runs it beside check_rest.sh.
exec env CK_INCLUDE_TAGS=slow "${TREEM_BIN%/*}/tests/unit/check_treem"
