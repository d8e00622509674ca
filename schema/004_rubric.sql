-- 004_rubric: the child-friendly commune standard as versioned data (rule
-- sets, criteria, indicators, bands, recognition thresholds) and the yearly
-- self-assessment with its values and evidence. Only part of the official
-- points table of QĐ 06/QĐ-TTg is known (DOMAIN.md §4): an indicator whose
-- band set is incomplete has bands_known = 0 and then no verdict is given.

CREATE TABLE rule_set (             -- a rubric: QĐ 06/QĐ-TTg or its successor
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,  -- "QĐ 06/QĐ-TTg (2019)"
    source       TEXT NOT NULL DEFAULT '',  -- the legal text and where it was read
    active       INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),  -- used for new assessments
    no_zero_rule INTEGER NOT NULL DEFAULT 1 CHECK (no_zero_rule IN (0, 1))  -- 1: no criterion may score 0
) STRICT;
CREATE UNIQUE INDEX rule_set_one_active ON rule_set(active) WHERE active = 1;

CREATE TABLE criterion (            -- tiêu chí of a rule set
    id          INTEGER PRIMARY KEY,
    rule_set_id INTEGER NOT NULL REFERENCES rule_set(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number >= 1),  -- 1–13 in QĐ 06; a successor may differ
    name        TEXT NOT NULL,
    max_points  REAL CHECK (max_points IS NULL OR max_points >= 0),  -- cap on its total; NULL = unknown
    source      TEXT NOT NULL DEFAULT '',  -- where name and maximum come from
    UNIQUE (rule_set_id, number)
) STRICT;

CREATE TABLE indicator (            -- chỉ tiêu: what is measured and how
    id           INTEGER PRIMARY KEY,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    code         TEXT NOT NULL,     -- "6.1"
    text         TEXT NOT NULL,     -- the indicator as the decision words it
    kind         TEXT NOT NULL CHECK (kind IN ('rate', 'count', 'yes_no')),  -- model/rubric.h
    unit         TEXT NOT NULL DEFAULT '',  -- "%", "‰", "vụ" … for display
    measure      TEXT,              -- computable measure code (app/score.h) or NULL: typed only
    department   TEXT,              -- code of the responsible department (department.code) or NULL
    bands_known  INTEGER NOT NULL DEFAULT 0 CHECK (bands_known IN (0, 1)),  -- 1: its bands are the whole scale
    source       TEXT NOT NULL DEFAULT '',  -- where the text and scale come from
    sort         INTEGER NOT NULL DEFAULT 0,  -- order within the criterion
    UNIQUE (criterion_id, code)
) STRICT;

CREATE TABLE band (                 -- one step of an indicator's scale: value range → points
    id              INTEGER PRIMARY KEY,
    indicator_id    INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    lower           REAL,           -- lower bound; NULL = none
    lower_inclusive INTEGER NOT NULL DEFAULT 1 CHECK (lower_inclusive IN (0, 1)),  -- 1: value ≥ lower, 0: value > lower
    upper           REAL,           -- upper bound; NULL = none
    upper_inclusive INTEGER NOT NULL DEFAULT 1 CHECK (upper_inclusive IN (0, 1)),  -- 1: value ≤ upper, 0: value < upper
    points          REAL NOT NULL CHECK (points >= 0),  -- points for a value in the range
    source          TEXT NOT NULL DEFAULT '',  -- where this band comes from (decision, guidance, officer)
    CHECK (lower IS NULL OR upper IS NULL OR lower <= upper)
) STRICT;
CREATE INDEX band_indicator ON band(indicator_id);

CREATE TABLE recognition_threshold (  -- minimum total per class of unit
    id          INTEGER PRIMARY KEY,
    rule_set_id INTEGER NOT NULL REFERENCES rule_set(id) ON DELETE CASCADE,
    class       TEXT NOT NULL,      -- "900", "850", "800"
    label       TEXT NOT NULL,      -- the kind of unit the class is for
    min_total   REAL NOT NULL CHECK (min_total >= 0),  -- least grand total to be recognised
    source      TEXT NOT NULL DEFAULT '',  -- where the rule comes from
    UNIQUE (rule_set_id, class)
) STRICT;

CREATE TABLE assessment (           -- a commune's self-assessment for one year
    id           INTEGER PRIMARY KEY,
    commune_code TEXT NOT NULL REFERENCES unit(code),  -- the commune assessed
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),  -- the year assessed
    rule_set_id  INTEGER NOT NULL REFERENCES rule_set(id),  -- the rubric it is scored by
    class        TEXT,              -- recognition_threshold.class chosen; NULL = the setting unit_class
    created      TEXT NOT NULL,     -- ISO "yyyy-mm-dd hh:mm"
    updated      TEXT NOT NULL,     -- ISO "yyyy-mm-dd hh:mm" of the last change
    UNIQUE (commune_code, year)
) STRICT;

CREATE TABLE assessment_value (     -- one indicator's value for the year
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    value         REAL,             -- rate, count, or 1/0 for có/không; NULL = not known yet
    origin        TEXT NOT NULL CHECK (origin IN ('typed', 'computed')),  -- typed by the officer or computed from the register
    evidence      TEXT NOT NULL DEFAULT '',  -- minh chứng: the document or data behind the value
    department    TEXT,             -- department code that supplied it; NULL = the indicator's
    updated       TEXT NOT NULL,    -- ISO "yyyy-mm-dd hh:mm"
    updated_by    TEXT NOT NULL,    -- who typed or refreshed it
    UNIQUE (assessment_id, indicator_id)
) STRICT;
CREATE INDEX assessment_value_indicator ON assessment_value(indicator_id);
