-- 002_children: the register of children (DOMAIN.md §2), their periods in
-- special circumstances, and the health facts the criteria count.
-- Columns named like the fields of struct child (model/child.h). Dates are
-- ISO yyyy-mm-dd text; yes/no facts are 1 / 0 / NULL (not known).

CREATE TABLE child (
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
    sex              TEXT NOT NULL DEFAULT 'khong_ro' CHECK (sex IN ('nam', 'nu', 'khong_ro')),
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
    birth_registered INTEGER CHECK (birth_registered IN (0, 1)), -- khai sinh
    birth_reg_timing TEXT NOT NULL DEFAULT '' CHECK (birth_reg_timing IN ('', 'on_time', 'late')),
    birth_reg_date   TEXT,                     -- day the birth was registered
    bhyt             INTEGER CHECK (bhyt IN (0, 1)), -- has a health-insurance card (thẻ BHYT)
    bhyt_number      TEXT NOT NULL DEFAULT '', -- the card number
    disability       INTEGER CHECK (disability IN (0, 1)), -- lives with a disability
    disability_note  TEXT NOT NULL DEFAULT '', -- what kind, support needed
    household        TEXT NOT NULL DEFAULT '' CHECK (household IN ('', 'none', 'poor', 'near_poor')),
    school           TEXT NOT NULL DEFAULT '' CHECK (school IN ('', 'not_yet', 'preschool', 'primary',
                         'lower_secondary', 'upper_secondary', 'vocational', 'out')),
    vaccinated_on    TEXT,                     -- day the under-1 vaccination course was complete
    notes            TEXT NOT NULL DEFAULT '',
    search           TEXT NOT NULL,            -- fold of name, code, ID, parents/carer, phones, village
    created_at       TEXT NOT NULL,            -- "yyyy-mm-dd hh:mm"
    updated_at       TEXT NOT NULL             -- "yyyy-mm-dd hh:mm"
) STRICT;
-- The list walks sort_key in order and stops once the page is full; the
-- search text and the filtered columns ride in the index, so testing a row
-- never reads the (wide) table row.
CREATE INDEX child_list ON child(sort_key, search, birth_eff, village_id, sex);
CREATE INDEX child_name_fold ON child(name_fold);
CREATE INDEX child_village ON child(village_id);
CREATE INDEX child_birth ON child(birth_eff);
CREATE INDEX child_personal_id ON child(personal_id) WHERE personal_id <> '';

-- Trigram index over child.search for rare words (an ID number, a code, a
-- full name): the list takes its candidates from here when they are few,
-- instead of walking the whole register. Kept in step by the triggers.
-- (A virtual table cannot be STRICT; its one column is child.search.)
CREATE VIRTUAL TABLE child_fts USING fts5(search, content='child', content_rowid='id',
                                          tokenize='trigram');
CREATE TRIGGER child_fts_insert AFTER INSERT ON child BEGIN
    INSERT INTO child_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER child_fts_delete AFTER DELETE ON child BEGIN
    INSERT INTO child_fts(child_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER child_fts_update AFTER UPDATE OF search ON child BEGIN
    INSERT INTO child_fts(child_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO child_fts(rowid, search) VALUES (new.id, new.search);
END;

CREATE TABLE child_sc_period (      -- membership of a special-circumstance sub-group
    id            INTEGER PRIMARY KEY,
    child_id      INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    subgroup_code TEXT NOT NULL REFERENCES sc_subgroup(code), -- "a.1" … (Nghị định 56/2017)
    from_date     TEXT NOT NULL,        -- first day in the sub-group
    to_date       TEXT,                 -- last day; NULL while it lasts
    note          TEXT NOT NULL DEFAULT '',
    CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX child_sc_period_child ON child_sc_period(child_id);
CREATE INDEX child_sc_period_code ON child_sc_period(subgroup_code);

CREATE TABLE child_measure (        -- weight and height on a day (under-5 nutrition)
    id        INTEGER PRIMARY KEY,
    child_id  INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    date      TEXT NOT NULL,        -- day measured
    weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg > 0), -- kilograms
    height_cm REAL CHECK (height_cm IS NULL OR height_cm > 0), -- length (< 2 years) or height, cm
    CHECK (weight_kg IS NOT NULL OR height_cm IS NOT NULL)
) STRICT;
CREATE INDEX child_measure_child ON child_measure(child_id, date);

CREATE TABLE child_health_check (   -- periodic health check (khám sức khỏe định kỳ)
    id       INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    date     TEXT NOT NULL,         -- day of the check
    UNIQUE (child_id, date)
) STRICT;
