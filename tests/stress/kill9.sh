#!/bin/sh
# kill9 — N trials (default 100) of `kill -9` at a random moment of an
# import, a run of edits, a reindex or a hand-off import, each on a fresh
# copy of a prepared database. After each kill: PRAGMA integrity_check and
# foreign_key_check, the search index's own check, every backup left with a
# name sound, and all-or-nothing: an import left 0 or all of its children
# (with as many audit lines), an edit of two fields left both or neither.
# Not part of `make check` (it takes minutes). Usage, from the build folder:
#   sh ../tests/stress/kill9.sh [TRIALS]        (TREEM_BIN=path/to/treem)
set -eu
TRIALS=${1:-100}
TREEM=${TREEM_BIN:-$(pwd)/treem}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$TREEM" ] || { echo "no treem at $TREEM (set TREEM_BIN)"; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3"; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/treem-kill9.XXXXXX")
trap 'rm -rf "$W"' EXIT
export TREEM_TODAY=2025-01-01 TREEM_LANG=en
ROWS=25000

q() { sqlite3 -cmd '.timeout 5000' "$1" "$2"; }
fresh() { rm -rf "$W/t.db" "$W/t.db-wal" "$W/t.db-shm" "$W/backups"; cp "$W/$1" "$W/t.db"; }

# --- the prepared databases
python3 "$SRC/tests/bench/gen_children.py" $ROWS --seed 11 -o "$W/big.csv" >/dev/null
"$TREEM" --db "$W/base.db" init --commune 00004 >/dev/null
cp "$W/base.db" "$W/pending.db"
"$TREEM" --db "$W/pending.db" import children "$W/big.csv" >/dev/null   # leaves the index waiting
cp "$W/pending.db" "$W/src.db"
"$TREEM" --db "$W/src.db" handoff --out "$W/pkg" >/dev/null
head -101 "$W/big.csv" >"$W/small.csv"
cp "$W/base.db" "$W/edit.db"
"$TREEM" --db "$W/edit.db" import children "$W/small.csv" >/dev/null
rm -rf "$W/backups"

# a random delay in seconds, 0 to $1 ms
delay() { awk -v m="$1" -v s="$(od -An -N4 -tu4 /dev/urandom)" 'BEGIN { srand(s); printf "%.3f", rand() * m / 1000 }'; }

run_killed() { # MAX_MS COMMAND... — start the command in its own group, kill -9 it
    max=$1
    shift
    setsid "$@" >/dev/null 2>&1 &
    pid=$!
    sleep "$(delay "$max")"
    kill -KILL "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # every process of the group (the edits' treem too) is gone before the checks
    while kill -0 "-$pid" 2>/dev/null; do sleep 0.01; done
}

# a run of edits of TE-0001, each two fields in one transaction
cat >"$W/edits.sh" <<EDITS
i=1
while [ \$i -le 200 ]; do
    "$TREEM" --db "$W/t.db" child edit TE-0001 --full-name "Tên Thử \$i" --address "Địa chỉ \$i" || exit 1
    i=\$((i + 1))
done
EDITS

failures=0
bad() { failures=$((failures + 1)); echo "FAIL trial $1 ($2): $3"; }
committed=0
undone=0
# per operation: saved (finished before the kill) and undone (killed first)
for o in import edit reindex handoff; do eval "saved_$o=0 undone_$o=0"; done
tally() { # op saved|undone
    eval "$2_$1=\$(($2_$1 + 1))"
}
check_common() { # trial op
    [ "$(q "$W/t.db" 'PRAGMA integrity_check')" = ok ] || bad "$1" "$2" "integrity_check"
    [ -z "$(q "$W/t.db" 'PRAGMA foreign_key_check')" ] || bad "$1" "$2" "foreign_key_check"
    q "$W/t.db" "INSERT INTO child_fts(child_fts) VALUES ('integrity-check')" 2>/dev/null ||
        bad "$1" "$2" "search index integrity-check"
    for b in "$W"/backups/*.db; do
        [ -e "$b" ] || continue
        [ "$(q "$b" 'PRAGMA quick_check')" = ok ] || bad "$1" "$2" "backup $(basename "$b") unsound"
    done
}
check_all_or_nothing() { # trial op rows-before
    n=$(q "$W/t.db" 'SELECT count(*) FROM child')
    a=$(q "$W/t.db" "SELECT count(*) FROM audit_log WHERE entity = 'child' AND action = 'create'")
    if [ "$n" -eq "$3" ]; then undone=$((undone + 1)); tally "$2" undone
    elif [ "$n" -eq $(($3 + ROWS)) ]; then committed=$((committed + 1)); tally "$2" saved
    else bad "$1" "$2" "$n children: neither $3 nor $(($3 + ROWS))"; fi
    [ "$a" -eq "$n" ] || bad "$1" "$2" "$n children but $a audit lines"
}

start=$(date +%s)
t=1
while [ "$t" -le "$TRIALS" ]; do
    case $((t % 4)) in
    0) op=import; fresh base.db
       run_killed 1500 "$TREEM" --db "$W/t.db" import children "$W/big.csv"
       check_common $t $op; check_all_or_nothing $t $op 0 ;;
    1) op=edit; fresh edit.db
       run_killed 1500 sh "$W/edits.sh"
       check_common $t $op
       name=$(q "$W/t.db" "SELECT full_name FROM child WHERE code = 'TE-0001'")
       addr=$(q "$W/t.db" "SELECT coalesce(address, '') FROM child WHERE code = 'TE-0001'")
       case $name in
       "Tên Thử "*) j=${name#Tên Thử }; committed=$((committed + 1)); tally edit saved
                    [ "$addr" = "Địa chỉ $j" ] || bad $t $op "half an edit: '$name' / '$addr'" ;;
       *) j=0; undone=$((undone + 1)); tally edit undone
          case $addr in "Địa chỉ "*) bad $t $op "half an edit: '$name' / '$addr'" ;; esac ;;
       esac
       uid=$(q "$W/t.db" "SELECT uid FROM child WHERE code = 'TE-0001'")
       k=$(q "$W/t.db" "SELECT count(*) FROM audit_log WHERE entity_id = '$uid' AND field = 'full_name' AND new_value LIKE 'Tên Thử %'")
       [ "$k" -eq "$j" ] || bad $t $op "$j edits saved, $k audit lines" ;;
    2) op=reindex; fresh pending.db
       run_killed 400 "$TREEM" --db "$W/t.db" reindex
       check_common $t $op
       [ "$(q "$W/t.db" 'SELECT count(*) FROM child')" -eq $ROWS ] || bad $t $op "children lost"
       p=$(q "$W/t.db" 'SELECT count(*) FROM child_fts_pending')
       if [ "$p" -eq 0 ]; then committed=$((committed + 1)); tally reindex saved
       else undone=$((undone + 1)); tally reindex undone; fi ;;
    3) op=handoff; fresh base.db
       run_killed 1200 "$TREEM" --db "$W/t.db" import "$W/pkg"
       check_common $t $op; check_all_or_nothing $t $op 0 ;;
    esac
    t=$((t + 1))
done
for o in import edit reindex handoff; do
    eval "echo \"  $o: \$saved_$o finished before the kill, \$undone_$o killed before the end\""
done
echo "  (an edit run counts as finished when at least one of its edits was saved;"
echo "   a reindex killed part way keeps the steps it committed)"
echo "kill9: $TRIALS trials in $(( $(date +%s) - start )) s; finished before the kill: $committed," \
     "undone by it: $undone; failures: $failures"
[ "$failures" -eq 0 ]
