#!/bin/sh
# Vụ việc in a year the holiday table does not cover (it ships 2024–2027):
# the deadlines counted in working days carry "*" in the cases list and the
# due list, and the filter line says to check the date (issue 15).
. "$(dirname "$0")/lib.sh"
export TREEM_TODAY="2028-03-16 09:00"
"$TREEM_BIN" --db "$E2E_DB" init --commune 21934 --village "Thôn 1" >/dev/null
"$TREEM_BIN" --db "$E2E_DB" case add --source phone --kind violence --date 15/03/2028 --time 08:00 \
    --place "Thôn 1" >/dev/null || fail "case add"

start
on_screen "Home"
keys 3
on_screen "Cases"
screen | grep -qE "VV-0001 .*[0-9]{2}/[0-9]{2}/2028 \*" || fail "the plan's deadline in 2028 is not marked"
wait_for "* bảng ngày lễ chưa có năm đó: hãy kiểm tra lại ngày"
ok "the cases list marks a deadline in a year without holidays"
keys F5
on_screen "Case filter"
keys Right F2
on_screen "Cases"
wait_for "Việc đến hạn: quá hạn trước"
screen | grep -qE "[0-9]{2}/[0-9]{2}/2028 \* .*VV-0001" || fail "the due list does not mark the deadline"
wait_for "* bảng ngày lễ chưa có năm đó"
ok "the due list marks it too"
keys F10
wait_for "[treem exited] 0"
done_testing
