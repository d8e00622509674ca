#!/bin/sh
# run.sh — build the AFL++ harness (tests/fuzz/fuzz_import.c) against a
# libtreem compiled with afl-cc, and fuzz the CSV or the package importer on
# ONE core at the lowest priority. Not part of `make check`.
#   sh tests/fuzz/run.sh csv|package [SECONDS] [OUTDIR]
# Needs the Debian package afl++. Prints execs, crashes and hangs at the end
# (from OUTDIR/default/fuzzer_stats); crashes are kept under OUTDIR.
set -eu
MODE=${1:-csv}
SECS=${2:-600}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${3:-$SRC/_fuzz/out-$MODE}
B=$SRC/_fuzz/build
command -v afl-cc >/dev/null || { echo "install afl++ (apt-get install afl++)"; exit 2; }
if [ ! -f "$B/libtreem.a" ]; then
    mkdir -p "$B"
    (cd "$B" && CC=afl-cc nice -n 19 "$SRC/configure" -q && nice -n 19 make -s libtreem.a)
fi
# the libraries libtreem.a needs (configure.ac's list; .xlsx needs libzip, expat, libxlsxwriter)
PKGS="sqlite3 libutf8proc libsodium libzip expat xlsxwriter"
CFLAGS_ALL="-I$SRC/include -I$B $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lcsv -lm"
[ "$B/fuzz_import" -nt "$SRC/tests/fuzz/fuzz_import.c" ] ||
    afl-cc -O2 -g $CFLAGS_ALL -o "$B/fuzz_import" "$SRC/tests/fuzz/fuzz_import.c" "$B/libtreem.a" $LIBS
SEEDS=$SRC/_fuzz/seeds-$MODE
mkdir -p "$SEEDS"
if [ "$MODE" = csv ]; then
    cp "$SRC"/assets/templates/*.csv "$SEEDS/"
    printf 'full_name,birth_date,sex,village\r\n"A, Một",01/01/2015,nam,Thôn Đông\r\n' >"$SEEDS/quoted.csv"
    printf '\357\273\277Họ và tên;Ngày sinh\nB Hai;02/02/2016\n' >"$SEEDS/bom-semicolon.csv"
else
    printf '# treem hand-off manifest\nformat_version=1\ncommune_code=00004\nperiod_from=1900-01-01\n'\
'period_to=2025-01-01\ncreated_by=x\ncreated_at=2025-01-01 10:00\nanonymised=0\n'\
'file=children.csv,children,2,%064d\n' 0 >"$SEEDS/manifest.txt"
fi
mkdir -p "$OUT"
AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    nice -n 19 afl-fuzz -i "$SEEDS" -o "$OUT" -V "$SECS" -t 2000 -- "$B/fuzz_import" "$MODE" @@ >"$OUT/afl.log" 2>&1 || true
S=$OUT/default/fuzzer_stats
[ -f "$S" ] || { tail -20 "$OUT/afl.log"; exit 1; }
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$S"
