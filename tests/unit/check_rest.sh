#!/bin/sh
# check_rest — every unit test but those tagged "slow" (check_slow.sh).
exec env CK_EXCLUDE_TAGS=slow "${TREEM_BIN%/*}/tests/unit/check_treem"
