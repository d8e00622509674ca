-- 007_register_help: what the register and the cases were missing for the
-- criteria (issue 15).
--
-- 1. The case kind 'abandonment' (bỏ rơi), narrower than 'neglect' (bỏ mặc):
--    criterion 6.2 counts sexual abuse, abandonment and trafficking, never all
--    neglect; and level_reason, why a case of abuse is below the "can thiệp"
--    level (Luật Trẻ em Điều 50). case_file is rebuilt with the wider list
--    (the other columns and rules unchanged; foreign keys are off while a
--    migration runs: src/db/migrate.c).
-- 2. child_risk_period: children at risk of falling into special
--    circumstances (có nguy cơ rơi vào hoàn cảnh đặc biệt), from/to dates.
-- 3. child_help: the help a child received (trợ giúp): what, when, by whom.
--    Criterion 6.1 and the report's "HCĐB được trợ giúp" count it.
-- 4. Holidays the shipped table lacked (the seeded table is only filled once,
--    so an existing database gets them here) and criterion 12's department
--    under the name the commune uses: Văn hóa – Xã hội.

CREATE TABLE case_file_new (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,     -- "<commune code>-<10 base32>": stable across machines
    code_num         INTEGER NOT NULL UNIQUE,  -- number behind code, for the next code (never reused)
    code             TEXT NOT NULL UNIQUE,     -- "VV-0007", read out over the phone
    rev              INTEGER NOT NULL DEFAULT 1, -- bumped by every change
    source           TEXT NOT NULL CHECK (source IN ('phone', 'in_person', 'via_person',
                         'hotline_111', 'school', 'police')), -- how the report came (Mẫu 01)
    received_at      TEXT NOT NULL,            -- date and hour the report was received
    child_id         INTEGER REFERENCES child(id) ON DELETE SET NULL, -- the child in the register, or NULL
    child_note       TEXT NOT NULL DEFAULT '', -- an unidentified child: what is known (name, looks)
    est_age          INTEGER CHECK (est_age BETWEEN 0 AND 17), -- unidentified child: estimated age
    sex              TEXT NOT NULL DEFAULT 'khong_ro' CHECK (sex IN ('nam', 'nu', 'khong_ro')), -- unidentified child
    place            TEXT NOT NULL DEFAULT '', -- where it happened
    current_state    TEXT NOT NULL DEFAULT '', -- the child's current state
    consequence      TEXT NOT NULL DEFAULT '', -- likely consequence without help
    parents          TEXT NOT NULL DEFAULT '', -- father / mother: name, age, job; family situation
    carer            TEXT NOT NULL DEFAULT '', -- the current carer
    actions_taken    TEXT NOT NULL DEFAULT '', -- actions already taken
    kind             TEXT NOT NULL CHECK (kind IN ('sexual_abuse', 'violence', 'exploitation',
                         'neglect', 'abandonment', 'trafficking', 'injury', 'law_violation',
                         'drugs', 'illegal_labour', 'at_risk')), -- case kind (what the reports count)
    injury_cause     TEXT NOT NULL DEFAULT '' CHECK (injury_cause IN ('', 'drowning', 'traffic', 'other')),
                                               -- for kind 'injury' only (required then)
    died             INTEGER NOT NULL DEFAULT 0 CHECK (died IN (0, 1)), -- outcome: the child died (tử vong)
    level            TEXT NOT NULL CHECK (level IN ('prevention', 'support', 'intervention')),
                                               -- protection level (Luật Trẻ em Điều 47)
    level_reason     TEXT NOT NULL DEFAULT '', -- why a lower level than the kind's (abuse: can thiệp)
    reporter_consent INTEGER NOT NULL DEFAULT 0 CHECK (reporter_consent IN (0, 1)),
                                               -- the reporter agreed to leave their identity
    reporter_name    TEXT,                     -- NULL unless reporter_consent (Điều 24: confidential)
    reporter_phone   TEXT,                     -- NULL unless reporter_consent
    reporter_address TEXT,                     -- NULL unless reporter_consent
    stage            TEXT NOT NULL DEFAULT 'intake' CHECK (stage IN ('intake', 'assessment',
                         'planning', 'approval', 'carrying_out', 'closed')),
                                               -- derived by case_stage() from the steps, never typed
    search           TEXT NOT NULL DEFAULT '', -- fold of code, place and kind (no names: lists filter on it)
    created_at       TEXT NOT NULL,            -- "yyyy-mm-dd hh:mm"
    updated_at       TEXT NOT NULL,            -- "yyyy-mm-dd hh:mm"
    CHECK (reporter_consent = 1 OR (reporter_name IS NULL AND reporter_phone IS NULL
                                    AND reporter_address IS NULL)),
    CHECK ((kind = 'injury') = (injury_cause <> ''))
) STRICT;
INSERT INTO case_file_new(id, uid, code_num, code, rev, source, received_at, child_id, child_note, est_age, sex, place, current_state, consequence, parents, carer, actions_taken, kind, injury_cause, died, level, reporter_consent, reporter_name, reporter_phone, reporter_address, stage, search, created_at, updated_at)
    SELECT id, uid, code_num, code, rev, source, received_at, child_id, child_note, est_age, sex, place, current_state, consequence, parents, carer, actions_taken, kind, injury_cause, died, level, reporter_consent, reporter_name, reporter_phone, reporter_address, stage, search, created_at, updated_at FROM case_file;
DROP TABLE case_file;
ALTER TABLE case_file_new RENAME TO case_file;
CREATE INDEX case_file_stage ON case_file(stage, received_at);
CREATE INDEX case_file_child ON case_file(child_id);

CREATE TABLE child_risk_period (    -- at risk of falling into special circumstances
    id        INTEGER PRIMARY KEY,
    child_id  INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    from_date TEXT NOT NULL,        -- first day the risk was seen
    to_date   TEXT,                 -- last day; NULL while it lasts
    reason    TEXT NOT NULL CHECK (reason <> ''), -- what puts the child at risk
    CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX child_risk_period_child ON child_risk_period(child_id);

CREATE TABLE child_help (           -- help received (trợ giúp)
    id       INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    date     TEXT NOT NULL,         -- when it was given
    kind     TEXT NOT NULL CHECK (kind = 'home_visit' OR kind = 'material' OR kind = 'health'
                 OR kind = 'education' OR kind = 'legal' OR kind = 'care' OR kind = 'other'),
                                    -- vãng gia / tiền, hiện vật / y tế / học tập / pháp lý /
                                    -- chăm sóc thay thế / khác
    what     TEXT NOT NULL CHECK (what <> ''), -- what was given or done
    by_whom  TEXT NOT NULL CHECK (by_whom <> ''), -- who gave it (department, body, person)
    created_by TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX child_help_child ON child_help(child_id, date);
CREATE INDEX child_help_date ON child_help(date);

INSERT OR IGNORE INTO holiday(date, name, note) VALUES
    ('2026-01-02', 'Tết Dương lịch (nghỉ hoán đổi)', ''),
    ('2026-08-31', 'Quốc khánh (nghỉ hoán đổi)', 'chưa xác minh'),
    ('2027-02-04', 'Tết Nguyên đán', 'chưa xác minh'),
    ('2027-05-03', 'Nghỉ bù 01/5 (thứ Bảy)', '');

UPDATE department SET name = 'Văn hóa – Xã hội'
 WHERE code = 'vanhoa' AND name = 'Văn hóa – Thông tin';
