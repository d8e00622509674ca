#!/bin/sh
# Cài đặt → Ctrl-B: the backups of the database; F3 makes one, Enter puts
# the selected one back after asking (the database as it was is backed up
# first). A read-only database shows a banner and refuses changes.
. "$(dirname "$0")/lib.sh"
make_demo_db

start
wait_for "Trẻ em dưới 16 tuổi"
keys 9
wait_for "Sửa giá trị rồi bấm F2"
keys C-b
wait_for "Chưa có bản sao lưu nào."
ok "Ctrl-B in Cài đặt lists the backups (none yet)"
keys F3
wait_for "Đã ghi bản sao lưu:"
wait_for "-manual.db"
ok "F3 writes a backup and lists it"
"$TREEM_BIN" --db "$E2E_DB" village add "Thôn Sau Sao Lưu" >/dev/null
keys Enter
wait_for "Khôi phục"
keys Right Enter     # Yes: a deliberate choice, never a letter
wait_for "Đã khôi phục"
wait_for "-before-restore.db"
ok "Enter puts the backup back after asking, keeping the database as it was"
keys Escape
keys F10
wait_for "[treem exited] 0"
"$TREEM_BIN" --db "$E2E_DB" village list | grep -q "Thôn Sau Sao Lưu" && fail "the village added after the backup is still there"
ok "the restored database is the backup's"

start --read-only
wait_for "[CHỈ ĐỌC]"
ok "a read-only database shows a banner"
keys 9
wait_for "Sửa giá trị rồi bấm F2"
keys Down Down Down Down
type_text "Khu phố Chỉ Đọc"
keys F2
wait_for "chỉ đọc"
ok "a change is refused with a clear message"
done_testing
