-- 006_search_pending: two changes that make writing children cheaper.
--
-- 1. Children written by an import but not yet in the trigram index
--    (child_fts). Building that index costs more than the rest of an import
--    together (about 30 µs a child), so a large import leaves its new rows
--    in child_fts_pending and the index catches up later in steps (`treem
--    reindex`, or the program while it waits for a key). While any row
--    waits, searches walk the list index instead of trusting child_fts:
--    slower, never wrong.
-- 2. The child table again, with its value lists checked by OR instead of
--    IN (…): SQLite builds a temporary table for each IN list every time a
--    statement runs, which made every insert or update of a child about
--    6 µs slower. Same columns, same rules. (Foreign keys are off while a
--    migration runs, and checked before it commits: src/db/migrate.c.)

CREATE TABLE child_new (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,     -- "<commune code>-<10 base32>": stable across machines
    code_num         INTEGER NOT NULL UNIQUE,  -- number behind code, for the next code
    code             TEXT NOT NULL UNIQUE,     -- "TE-0042", read out over the phone
    rev              INTEGER NOT NULL DEFAULT 1, -- bumped by every change (stale edits refused)
    full_name        TEXT NOT NULL CHECK (full_name <> ''), -- NFC
    name_fold        TEXT NOT NULL,            -- utf8_fold(full_name), for duplicates
    sort_key         TEXT NOT NULL,            -- fold of the given name, then of the full name
    birth_date       TEXT,                     -- NULL when only an age is known
    est_age          INTEGER CHECK (est_age BETWEEN 0 AND 15), -- estimated age in years
    est_age_on       TEXT,                     -- the day the age was estimated
    birth_eff        TEXT,                     -- birth_date, else est_age_on − est_age years
    sex              TEXT NOT NULL DEFAULT 'khong_ro' CHECK (sex = 'nam' OR sex = 'nu' OR sex = 'khong_ro'),
    ethnicity        TEXT NOT NULL DEFAULT '', -- the name (code lists disagree, DOMAIN.md §2)
    personal_id      TEXT NOT NULL DEFAULT '', -- số định danh cá nhân, 12 digits or ''
    village_id       INTEGER REFERENCES village(id), -- thôn / tổ dân phố
    address          TEXT NOT NULL DEFAULT '',
    father_name      TEXT NOT NULL DEFAULT '',
    father_phone     TEXT NOT NULL DEFAULT '',
    mother_name      TEXT NOT NULL DEFAULT '',
    mother_phone     TEXT NOT NULL DEFAULT '',
    carer_name       TEXT NOT NULL DEFAULT '', -- current carer / guardian
    carer_phone      TEXT NOT NULL DEFAULT '',
    carer_relation   TEXT NOT NULL DEFAULT '', -- e.g. "bà ngoại"
    birth_registered INTEGER CHECK (birth_registered = 0 OR birth_registered = 1), -- khai sinh
    birth_reg_timing TEXT NOT NULL DEFAULT '' CHECK (birth_reg_timing = '' OR birth_reg_timing = 'on_time' OR birth_reg_timing = 'late'),
    birth_reg_date   TEXT,                     -- day the birth was registered
    bhyt             INTEGER CHECK (bhyt = 0 OR bhyt = 1), -- has a health-insurance card (thẻ BHYT)
    bhyt_number      TEXT NOT NULL DEFAULT '', -- the card number
    disability       INTEGER CHECK (disability = 0 OR disability = 1), -- lives with a disability
    disability_note  TEXT NOT NULL DEFAULT '', -- what kind, support needed
    household        TEXT NOT NULL DEFAULT '' CHECK (household = '' OR household = 'none' OR household = 'poor' OR household = 'near_poor'),
    school           TEXT NOT NULL DEFAULT '' CHECK (school = '' OR school = 'not_yet' OR school = 'preschool' OR school = 'primary' OR school = 'lower_secondary' OR school = 'upper_secondary' OR school = 'vocational' OR school = 'out'),
    vaccinated_on    TEXT,                     -- day the under-1 vaccination course was complete
    notes            TEXT NOT NULL DEFAULT '',
    search           TEXT NOT NULL,            -- fold of name, code, ID, parents/carer, phones, village
    created_at       TEXT NOT NULL,            -- "yyyy-mm-dd hh:mm"
    updated_at       TEXT NOT NULL             -- "yyyy-mm-dd hh:mm"
) STRICT;
INSERT INTO child_new SELECT * FROM child;
DROP TABLE child;
ALTER TABLE child_new RENAME TO child;
CREATE INDEX child_list ON child(sort_key, search, birth_eff, village_id, sex);
CREATE INDEX child_name_fold ON child(name_fold, birth_eff); -- duplicates: same name, birth near
CREATE INDEX child_village ON child(village_id);
CREATE INDEX child_birth ON child(birth_eff);
CREATE INDEX child_personal_id ON child(personal_id) WHERE personal_id <> '';

CREATE TABLE child_fts_pending (
    id INTEGER PRIMARY KEY           -- child.id; the row is not yet in child_fts
) STRICT;

CREATE TRIGGER child_fts_insert AFTER INSERT ON child BEGIN
    INSERT INTO child_fts(rowid, search) VALUES (new.id, new.search);
END;
-- A waiting row is not in child_fts: deleting it there would corrupt the
-- index, and its new text is indexed when its turn comes.
CREATE TRIGGER child_fts_delete AFTER DELETE ON child BEGIN
    INSERT INTO child_fts(child_fts, rowid, search) SELECT 'delete', old.id, old.search
        WHERE NOT EXISTS (SELECT 1 FROM child_fts_pending WHERE id = old.id);
    DELETE FROM child_fts_pending WHERE id = old.id;
END;
CREATE TRIGGER child_fts_update AFTER UPDATE OF search ON child
WHEN NOT EXISTS (SELECT 1 FROM child_fts_pending WHERE id = old.id) BEGIN
    INSERT INTO child_fts(child_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO child_fts(rowid, search) VALUES (new.id, new.search);
END;
