#!/bin/sh
# layering.sh — the include rules of DESIGN.md §1, checked on the sources:
#   * only src/tui/ and src/main.c include curses (with the tui layer's own
#     headers include/treem/tui/ and its headless tests tests/tui/, which no
#     other layer may include);
#   * layers include only their own and lower layers' headers
#     (core → model → db / csv → app → cli / tui; db and csv never each other);
#   * nothing below the front ends prints (stdout/stderr belong to cli/tui);
#   * only src/db talks to SQLite: src/app, src/cli and src/tui (and their
#     headers) hold no sqlite3_ call or type and no SQL text in a string.
# Prints what it checked and the offending lines.
. "$(dirname "$0")/lib.sh"
cd "$TREEM_SRCDIR"

# The C files of the tree (sources, headers and tests), one per line.
c_files() {
    find src include tests -name '*.[ch]' ! -path 'src/gen/*' 2>/dev/null | sort
}

# rule NAME FILES_REGEX FORBIDDEN_REGEX [EXCEPT_REGEX] — no line matching
# FORBIDDEN in the files whose path matches FILES_REGEX and not EXCEPT_REGEX
# (EREs on the path).
rule() {
    name=$1 files=$2 forbidden=$3 except=${4:-^$}
    list=$(c_files | grep -E -e "$files" | grep -Ev -e "$except" || true)
    if [ -z "$list" ]; then
        pass "$name (no files yet)"
        return
    fi
    # shellcheck disable=SC2086
    hits=$(grep -nE -e "$forbidden" $list /dev/null || true)
    n=$(echo "$list" | wc -l | tr -d ' ')
    if [ -z "$hits" ]; then
        pass "$name ($n files)"
    else
        fail "$name"
        echo "$hits" | sed 's/^/    /'
    fi
}

inc='^[[:space:]]*#[[:space:]]*include[[:space:]]*'
treem_inc() { # the include of a header of one of the layers given: a|b|c
    echo "$inc\"treem/($1)/"
}

rule "only src/tui/ and src/main.c include curses" '.' \
    "$inc[<\"](n?curses|ncursesw/|term\\.h|panel\\.h|form\\.h|menu\\.h)" \
    '^(src/tui/|src/main\.c$|include/treem/tui/|tests/tui/)'
rule "no layer below the front ends includes a tui header" \
    '^(src|include/treem)/(core|model|db|csv|app|cli)/' "$(treem_inc 'tui')"
rule "src/core and include/treem/core include only core headers" \
    '^(src/core|include/treem/core)/' "$(treem_inc 'model|db|csv|app|cli|tui')"
rule "model includes only core and model" \
    '^(src/model|include/treem/model)/' "$(treem_inc 'db|csv|app|cli|tui')"
rule "db never includes csv (nor app, cli, tui)" \
    '^(src/db|include/treem/db)/' "$(treem_inc 'csv|app|cli|tui')"
rule "csv never includes db (nor app, cli, tui)" \
    '^(src/csv|include/treem/csv)/' "$(treem_inc 'db|app|cli|tui')"
rule "app includes no front end" \
    '^(src/app|include/treem/app)/' "$(treem_inc 'cli|tui')"
rule "the unit tests include no tui header" \
    '^tests/unit/' "$(treem_inc 'tui')"
# Writing to a FILE the caller opened (a CSV, a manifest) is data, not output
# to the user: only the terminal's streams and the stdout-only calls count.
rule "nothing below cli/tui prints to the terminal" \
    '^src/(core|model|db|csv|app)/' \
    '(^|[^_[:alnum:]])(printf|vprintf|puts|putchar|perror)[[:space:]]*\(|(stdout|stderr)'

# Only src/db talks to SQLite: the layers above call its repositories.
above_db='^(src|include/treem)/(app|cli|tui)/'
rule "no sqlite3_ call or type above src/db" "$above_db" \
    '(^|[^_[:alnum:]])sqlite3(_|\.h)'
# SQL text in a string literal: a statement's opening words (SELECT, INSERT
# INTO, UPDATE t, DELETE FROM, CREATE TABLE, PRAGMA p, WITH … AS, BEGIN,
# COMMIT …) or a clause's keyword before an identifier, a parameter or a
# parenthesis ("FROM child", "WHERE id = ?1", "VALUES (…"). The keywords are
# upper case, as the repositories write them; the words of a message ("merge
# FROM INTO", "WITH NAMES") do not match.
sql_kw='(^|[^_[:alnum:]])(SELECT[[:space:]]|(INSERT|REPLACE)[[:space:]]+(OR|INTO)[[:space:]]'
sql_kw="$sql_kw"'|DELETE[[:space:]]+FROM[[:space:]]|UPDATE[[:space:]]+[a-z_]'
sql_kw="$sql_kw"'|(CREATE|DROP|ALTER)[[:space:]]+(TEMP[[:space:]]+|UNIQUE[[:space:]]+)?(TABLE|INDEX|VIEW|TRIGGER)'
sql_kw="$sql_kw"'|PRAGMA[[:space:]]+[a-z_]|WITH[[:space:]]+(RECURSIVE[[:space:]]|[a-z_]+[[:space:]]+AS[[:space:]])'
sql_kw="$sql_kw"'|(FROM|JOIN|WHERE|ORDER[[:space:]]+BY|GROUP[[:space:]]+BY|VALUES|SET|LIMIT|HAVING)[[:space:]]+[a-z_(?])'
sql_tx='"[[:space:]]*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|VACUUM|ATTACH|DETACH)([[:space:];]|")'
rule "no SQL text in a string above src/db" "$above_db" "\"[^\"]*$sql_kw|$sql_tx"

# The audit actor is the connection's (db_set_actor when a person signs in,
# db_actor in the repositories' callers): no app module asks the session who
# is acting, so app/session.h is for auth and the modules that open a
# database (session, backups, demo, province), and session_user stays gone.
# Those look-ups made eleven app modules one include cycle.
actor_rules() {
    rule "who acts comes from the connection (no session_user)" '.' \
        '(^|[^_[:alnum:]])session_user[[:space:]]*\('
    rule "in src/app only auth and the database openers include app/session.h" \
        '^(src/app|include/treem/app)/' "$(treem_inc 'app')session\\.h\"" \
        '^src/app/(session|auth|auth_[a-z_]+|backups|demo|province)\.c$'
}

# The module of an app file's name: x.c, x.h and x_internal.h are module x;
# transfer_kind.h is the record kinds' side of transfer (its plug-in
# interface: transfer.c lists the kinds, the kinds use transfer's types).
app_module() {
    m=${1%_internal}
    case $m in
    transfer_kind) m=transfer ;;
    esac
    echo "$m"
}

# "A B" per include of module B's header by a file of module A in src/app.
app_edges() {
    find src/app include/treem/app -name '*.[ch]' 2>/dev/null | sort | while read -r f; do
        m=$(basename "$f")
        m=$(app_module "${m%.[ch]}")
        sed -nE 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*"(treem/app/)?([a-z0-9_]+)\.h".*|\2|p' "$f" |
            while read -r d; do
                d=$(app_module "$d")
                [ "$d" = "$m" ] || echo "$m $d"
            done
    done
}

app_acyclic() {
    name="the modules of src/app include each other without a cycle"
    edges=$(app_edges)
    if loop=$(echo "$edges" | tsort 2>&1 >/dev/null) && [ -z "$loop" ]; then
        pass "$name ($(echo "$edges" | grep -c .) includes)"
    else
        fail "$name"
        echo "$loop" | sed 's/^/    /'
    fi
}

actor_rules
app_acyclic

# The rules above fail on planted violations (in a tree of their own).
plant=$T/planted
mkdir -p "$plant/src/app" "$plant/include/treem/app"
printf '#include "treem/app/session.h"\nconst char *w(void) { return session_user(db); }\n' \
    >"$plant/src/app/villages.c"
printf '#include "treem/app/b.h"\n' >"$plant/src/app/a.c"
printf '#include "treem/app/a.h"\n' >"$plant/include/treem/app/b.h"
printf '#include "treem/app/session.h"\n' >"$plant/src/app/province.c"
planted=$(cd "$plant" && actor_rules && app_acyclic || true)
if [ "$(echo "$planted" | grep -c '^FAIL:')" -eq 3 ] && ! echo "$planted" | grep -q 'province\.c'; then
    pass "the actor and cycle rules fail on planted violations"
else
    fail "the actor and cycle rules fail on planted violations"
    echo "$planted" | sed 's/^/    /'
fi
