#!/usr/bin/env python3
"""privacy_check DB DIR_OR_FILE... — fails (exit 1, naming file and text)
when any file given (a package directory: every file in it) holds the name,
personal ID, phone, address, parent, note, uid or code of a child whose
identity the law protects in DB, or any free text of a case or a step.
The rule is the program's (doc/csv-columns.md): a case of any kind but
injury, or a period in group b, đ, e, g, i, k, l, m, n or o of Điều 10.
Texts that also belong to a child who is not protected, a village or the
officer are left out (a demo name may be shared), and so are texts shorter
than 4 characters. A file holds a text when a cell (CSV; a line of other
files) is that text, or contains it and no public text contains it."""
import csv
import io
import os
import sqlite3
import sys

PROTECTED = "('b','đ','e','g','i','k','l','m','n','o')"
CHILD_TEXT = ["full_name", "personal_id", "address", "father_name", "father_phone", "mother_name",
              "mother_phone", "carer_name", "carer_phone", "notes", "uid", "code", "bhyt_number",
              "disability_note"]
CASE_TEXT = ["child_note", "place", "current_state", "consequence", "parents", "carer", "actions_taken",
             "uid", "code", "reporter_name", "reporter_phone", "reporter_address"]


def main():
    db = sqlite3.connect(sys.argv[1])
    sens = "(id IN (SELECT child_id FROM case_file WHERE kind <> 'injury' AND child_id IS NOT NULL) OR id IN " \
           "(SELECT p.child_id FROM child_sc_period p JOIN sc_subgroup s ON s.code = p.subgroup_code " \
           "WHERE s.letter IN " + PROTECTED + "))"
    cols = ", ".join(CHILD_TEXT)
    secret = set()
    for row in db.execute("SELECT %s FROM child WHERE %s" % (cols, sens)):
        secret.update(str(v) for v in row if v)
    public = set()
    for row in db.execute("SELECT %s FROM child WHERE NOT %s" % (cols, sens)):
        public.update(str(v) for v in row if v)
    public.update(r[0] for r in db.execute("SELECT name FROM village"))
    public.update(r[0] for r in db.execute("SELECT value FROM setting WHERE key = 'officer_name'"))
    ccols = [c for c in CASE_TEXT if c in [r[1] for r in db.execute("PRAGMA table_info(case_file)")]]
    for row in db.execute("SELECT %s FROM case_file" % ", ".join(ccols)):
        secret.update(str(v) for v in row if v)
    for row in db.execute("SELECT who, notes FROM case_step"):
        secret.update(str(v) for v in row if v)
    for row in db.execute("SELECT note FROM child_sc_period"):
        secret.update(str(v) for v in row if v)
    secret = {s for s in secret if len(s) >= 4 and s not in public}
    files = []
    for arg in sys.argv[2:]:
        if os.path.isdir(arg):
            files += [os.path.join(arg, f) for f in sorted(os.listdir(arg))]
        else:
            files.append(arg)
    bad = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read().decode("utf-8", "replace")
        cells = set()
        for row in csv.reader(io.StringIO(data)):
            cells.update(row)
        for s in sorted(secret):
            hit = s in cells or any(s in c for c in cells) and not any(s in p for p in public)
            if hit:
                print("%s: holds %r" % (path, s))
                bad += 1
    print("checked %d files for %d protected texts: %d found" % (len(files), len(secret), bad))
    return 1 if bad or not secret or not files else 0


if __name__ == "__main__":
    sys.exit(main())
