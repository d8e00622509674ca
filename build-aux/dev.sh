#!/bin/sh
# build-aux/dev.sh — the README's two commands.
#   sh build-aux/dev.sh run    install what is missing, build, start treem on a demo database
#   sh build-aux/dev.sh test   install what is missing, build, run every test (also under
#                              ASan+UBSan, and make distcheck); ends with "N passed, N failed"
#   sh build-aux/dev.sh windows  install the mingw-w64 cross tools and Wine, build treem.exe
#                              for Windows (x86-64, i686) and dist/treem-VERSION-win64.zip,
#                              -win32.zip (build-aux/windows.sh), run tests/windows/ under Wine
# Works on a fresh Debian 12 as root (or with sudo); only Debian's packages are fetched.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)

PACKAGES="build-essential autoconf automake pkg-config gettext libncurses-dev \
libsqlite3-dev libcsv-dev libutf8proc-dev libsodium-dev check tmux sqlite3 python3 \
libzip-dev libexpat1-dev libxlsxwriter-dev unzip"
# the real-client tests (tests/cli/test_libreoffice.sh) need LibreOffice: for `test` only
TEST_PACKAGES="libreoffice-calc-nogui"

install_missing() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "== installing:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# build DIR [CONFIGURE FLAGS...] — an out-of-tree build in DIR.
build() {
    dir=$1
    shift
    [ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
    mkdir -p "$dir"
    if [ ! -f "$dir/Makefile" ] || [ "$top/configure" -nt "$dir/Makefile" ]; then
        (cd "$dir" && "$top/configure" -q "$@")
    fi
    make -C "$dir" -s -j"$(nproc)"
}

case "${1:-}" in
run)
    install_missing
    build "$top/_build"
    data="${XDG_DATA_HOME:-$HOME/.local/share}/treem"
    mkdir -p "$data"
    "$top/_build/treem" --db "$data/demo.db" demo --force
    exec "$top/_build/treem" --db "$data/demo.db"
    ;;
test)
    PACKAGES="$PACKAGES $TEST_PACKAGES"
    install_missing
    status=0
    echo "== build and test (warnings are errors)"
    build "$top/_build" --enable-werror
    make -C "$top/_build" -s -j"$(nproc)" check || status=1
    echo "== build and test under AddressSanitizer + UndefinedBehaviorSanitizer"
    build "$top/_build-asan" --enable-werror --enable-sanitizers
    # sanitizers make the code several times slower: give Check's timeouts room
    CK_TIMEOUT_MULTIPLIER=4 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        make -C "$top/_build-asan" -s -j"$(nproc)" check || status=1
    echo "== make distcheck"
    make -C "$top/_build" -s distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror >"$top/_build/distcheck.out" 2>&1 \
        || { tail -n 40 "$top/_build/distcheck.out"; status=1; }
    grep -E "archives ready" "$top/_build/distcheck.out" || true
    sh "$top/tests/summary.sh" "$top/_build" "$top/_build-asan" || status=1
    exit $status
    ;;
windows)
    # apt-get source needs the deb-src lines of the same mirror
    if ! apt-cache showsrc zlib 2>/dev/null | grep -q '^Package:'; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "== enabling Debian's source lists (deb-src) of the same mirror"
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
            | $sudo tee /etc/apt/sources.list.d/treem-deb-src.sources >/dev/null
        $sudo apt-get update -qq
    fi
    # the 32-bit treem.exe runs under wine32, an i386 package
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "== adding the i386 architecture (for wine32, which runs the 32-bit treem.exe)"
        $sudo dpkg --add-architecture i386
    fi
    PACKAGES="$PACKAGES gcc-mingw-w64-x86-64-posix gcc-mingw-w64-i686-posix cmake tcl libtool zip wine64 wine32:i386"
    install_missing
    build "$top/_build" # the Linux build: the Wine tests compare their output with it
    sh "$top/build-aux/windows.sh" all
    status=0
    for a in win64 win32; do
        echo "== treem.exe ($a) under Wine"
        loader=wine64
        [ "$a" = win64 ] || loader=wine # Debian's wine picks wine32 for a 32-bit program
        TREEM_WINE=$(command -v $loader || echo /usr/lib/wine/$loader) \
        TREEM_EXE="$top/_build-$a/treem.exe" TREEM_BIN="$top/_build/treem" TREEM_SRCDIR="$top" \
            sh "$top/tests/windows/test_wine.sh" || { rc=$?; [ $rc -eq 77 ] || status=1; }
    done
    exit $status
    ;;
*)
    echo "usage: sh build-aux/dev.sh run|test|windows" >&2
    exit 2
    ;;
esac
