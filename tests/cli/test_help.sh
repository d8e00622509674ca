#!/bin/sh
# test_help.sh — the sub-command tables (const struct cli_sub cmd_NAME_subs[]
# in src/cli/) are the one list of each command's sub-commands: every entry
# is wired into the command table, listed by `treem NAME --help` and by the
# top-level `treem --help`, described in the man page, and reached by the
# dispatcher; an unknown sub-command is named in the error. --yes is read in
# one place (cli_take_yes). Fails when a table, the help or the man page drift.
. "$(dirname "$0")/../lib.sh"
need_treem
cd "$T"
DB="$T/none.db"

# NAME SUB per line, from every table in the sources ("" is the form
# without a sub-command).
for f in "$TREEM_SRCDIR"/src/cli/*.c; do
    awk '/^const struct cli_sub cmd_[a-z_]+_subs\[\] = \{/ {
             name = $4; sub(/^cmd_/, "", name); sub(/_subs\[\]$/, "", name); on = 1; next }
         on && /^};/ { on = 0 }
         on && match($0, /^ *\{"[a-z-]*",/) {
             s = substr($0, RSTART, RLENGTH); sub(/^ *\{"/, "", s); sub(/",$/, "", s)
             print name, (s == "" ? "-" : s) }' "$f"
done >subs.txt
check "sub-command tables read from src/cli/*.c" test -s subs.txt
commands=$(cut -d' ' -f1 subs.txt | sort -u)
for c in child plan task case dept score rubric village commune holiday setting user; do
    check "$c has a sub-command table" grep -q "^$c " subs.txt
done

"$TREEM" --help >help.txt
tr '\n' ' ' <"$TREEM_SRCDIR/src/cli/cli.c" >cli-c.txt
sed -n '/^\.SH COMMANDS/,/^\.SH [^C]/p' "$TREEM_SRCDIR/doc/treem.1" |
    sed 's/\\f[BIRP]//g; s/\\-/-/g; s/\\(en/-/g; s/"//g' >man.txt

# man_entries NAME — the text of the man page's entries whose tag starts with NAME
man_entries() {
    awk -v c="$1" '/^\.TP/ { getline; on = ($0 ~ "^\\.B[IR]? +" c "( |$)") }
                   on' man.txt
}

for c in $commands; do
    check "cli.c wires cmd_${c}_subs into \"$c\"" grep -Eq "\\{\"$c\", NULL,[^}]*cmd_${c}_subs" cli-c.txt
    expect_rc 0 "$TREEM" --db "$DB" "$c" --help
    cp "$OUT" "help-$c.txt"
    man_entries "$c" >"man-$c.txt"
    check "the man page has an entry for $c" test -s "man-$c.txt"
    for s in $(grep "^$c " subs.txt | cut -d' ' -f2); do
        if [ "$s" = - ]; then
            expect_grep "^  treem $c( [^a-z]|\$)" "help-$c.txt"
            continue
        fi
        expect_grep "^  treem $c $s( |\$)" "help-$c.txt"
        expect_grep "^  $c \\[?([a-z-]+\\|)*$s(\\|[a-z-]+)*\\]? " help.txt
        check "the man page describes '$c $s'" grep -Eq "(^|[^a-z-])$s([^a-z-]|\$)" "man-$c.txt"
        expect_rc 0 "$TREEM" --db "$DB" "$c" "$s" --help
    done
    expect_rc 2 "$TREEM" --db "$DB" "$c" no-such-sub
    expect_grep "unknown subcommand 'no-such-sub'" "$ERR"
    for s in $(grep "^$c " subs.txt | cut -d' ' -f2 | grep -v '^-$'); do
        expect_grep "usage: treem $c (.*[[|])?$s([]|]| )" "$ERR"
    done
    if ! grep -q "^$c -$" subs.txt; then
        expect_rc 2 "$TREEM" --db "$DB" "$c"
        expect_grep "expected a subcommand" "$ERR"
    fi
done
check "no database was made by help and usage errors" test ! -e "$DB"

echo "# --yes is read by cli_take_yes only"
grep -En -e '"--yes"' -e '\{"yes", *[a-z]+_argument' "$TREEM_SRCDIR"/src/cli/*.c | grep -v '/cli\.c:' >yes.txt || true
check "no command reads --yes itself" test ! -s yes.txt
show yes.txt
