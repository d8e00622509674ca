-- 001_foundation: settings, the shipped catalogues, villages, audit log.
-- Text is UTF-8 NFC; *_fold columns hold utf8_fold() of the name for
-- diacritic-insensitive search; dates are ISO yyyy-mm-dd text.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,      -- e.g. commune_code, officer_name, level_above
    value TEXT NOT NULL
) STRICT;

CREATE TABLE province (
    code      TEXT PRIMARY KEY,  -- 2-digit code, QĐ 19/2025/QĐ-TTg
    name      TEXT NOT NULL,     -- "Tỉnh Gia Lai"
    name_fold TEXT NOT NULL
) STRICT;

CREATE TABLE unit (
    code          TEXT PRIMARY KEY,  -- 5-digit commune/ward/special-zone code, never reused
    province_code TEXT NOT NULL REFERENCES province(code),
    type          TEXT NOT NULL,     -- Xã / Phường / Đặc khu
    name          TEXT NOT NULL,     -- "An Nhơn Đông"
    full_name     TEXT NOT NULL,     -- "Phường An Nhơn Đông"
    name_fold     TEXT NOT NULL      -- fold of full_name
) STRICT;
CREATE INDEX unit_province ON unit(province_code);

CREATE TABLE sc_group (             -- Luật Trẻ em 2016 Điều 10: 14 groups
    letter       TEXT PRIMARY KEY,  -- a, b, c, d, đ, e, g, h, i, k, l, m, n, o
    nd56_article INTEGER NOT NULL,  -- Nghị định 56/2017 article (Điều 3–16)
    name         TEXT NOT NULL,
    sort         INTEGER NOT NULL   -- legal order of the letters
) STRICT;

CREATE TABLE sc_subgroup (          -- Nghị định 56/2017: 48 sub-groups
    code   TEXT PRIMARY KEY,        -- letter.clause, e.g. "a.1", "đ.2"
    letter TEXT NOT NULL REFERENCES sc_group(letter),
    clause INTEGER NOT NULL,        -- khoản of the article
    name   TEXT NOT NULL
) STRICT;

CREATE TABLE ethnic_group (
    code        TEXT NOT NULL,      -- code in code_list
    code_list   TEXT NOT NULL,      -- which official list the code belongs to
    name        TEXT NOT NULL,
    reliability TEXT NOT NULL,      -- source note shipped with the data
    PRIMARY KEY (code_list, code)
) STRICT;

CREATE TABLE department (           -- ban ngành of the commune, editable
    id       INTEGER PRIMARY KEY,
    code     TEXT UNIQUE,           -- short stable code for exchange
    name     TEXT NOT NULL,
    contact  TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT '',
    criteria TEXT NOT NULL DEFAULT '',  -- criteria it answers for, e.g. "3,4,5.1"
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE holiday (              -- public holidays for working-day deadlines
    date TEXT PRIMARY KEY,          -- ISO date
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''   -- e.g. "chưa xác minh"
) STRICT;

CREATE TABLE village (              -- thôn / tổ dân phố of the commune
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    name_fold TEXT NOT NULL,
    sort      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE audit_log (            -- append-only: who changed what, when
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,        -- ISO date and time "yyyy-mm-dd hh:mm"
    who       TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'change', 'delete')),
    entity    TEXT NOT NULL,        -- table or record kind, e.g. "child"
    entity_id TEXT NOT NULL,
    field     TEXT,                 -- NULL for a whole-record event
    old_value TEXT,
    new_value TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
