# tests/cli/lib_cli.sh — checks several CLI tests share, built on tests/lib.sh.
# Source it after lib.sh:  . "$(dirname "$0")/lib_cli.sh"

# expect_report_numbers CSV — the report file CSV has 50 rows or more, and
# one number per cell: every cell after the code and the label is a whole
# number or empty. One check.
expect_report_numbers() {
    expect_rc 0 python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
bad = [r for r in rows[1:] for c in r[2:] if c and not c.isdigit()]
sys.exit(1 if bad or len(rows) < 50 else 0)' "$1"
}
