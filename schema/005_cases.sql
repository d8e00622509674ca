-- 005_cases: case records following Nghị định 56/2017 Điều 25–32
-- (DOMAIN.md §3): the intake (Mẫu 01), the steps of the process with their
-- date and hour, the risk ratings of the detailed assessment (Mẫu 03) and
-- the services and tasks of the plan (Mẫu 04). The table is case_file
-- because CASE is an SQL keyword. Deadlines are never stored: they are
-- computed from these dates (model/case.h). Times are "yyyy-mm-dd hh:mm".

CREATE TABLE case_file (
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
                         'neglect', 'trafficking', 'injury', 'law_violation', 'drugs',
                         'illegal_labour', 'at_risk')), -- case kind (what the reports count)
    injury_cause     TEXT NOT NULL DEFAULT '' CHECK (injury_cause IN ('', 'drowning', 'traffic', 'other')),
                                               -- for kind 'injury' only (required then)
    died             INTEGER NOT NULL DEFAULT 0 CHECK (died IN (0, 1)), -- outcome: the child died (tử vong)
    level            TEXT NOT NULL CHECK (level IN ('prevention', 'support', 'intervention')),
                                               -- protection level (Luật Trẻ em Điều 47)
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
CREATE INDEX case_file_stage ON case_file(stage, received_at);
CREATE INDEX case_file_child ON case_file(child_id);

CREATE TABLE case_step (            -- one step of the process, done on a date and hour
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE, -- the case
    kind       TEXT NOT NULL CHECK (kind IN ('initial', 'detailed', 'meeting', 'plan', 'approval',
                   'service', 'follow_up', 'review', 'closure', 'reopen', 'separation')), -- which step
    at         TEXT NOT NULL,       -- when it was done (separation: when it started)
    emergency  INTEGER CHECK (emergency IN (0, 1)), -- initial assessment: emergency measures apply;
                                    -- NULL for other kinds
    end_at     TEXT,                -- separation only: when the child went home; NULL while it lasts
    who        TEXT NOT NULL DEFAULT '', -- who did it (officer, chairman, department)
    notes      TEXT NOT NULL DEFAULT '', -- what was done or decided
    created_by TEXT NOT NULL,       -- the user who recorded it
    CHECK (kind = 'initial' OR emergency IS NULL),
    CHECK (kind = 'separation' OR end_at IS NULL),
    CHECK (end_at IS NULL OR end_at >= at)
) STRICT;
CREATE INDEX case_step_case ON case_step(case_id, at);

CREATE TABLE case_risk (            -- Mẫu 03: a risk factor of a detailed assessment and its rating
    id      INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES case_step(id) ON DELETE CASCADE, -- the detailed assessment
    factor  TEXT NOT NULL CHECK (factor <> ''), -- the factor, e.g. "an toàn về thể chất"
    rating  TEXT NOT NULL CHECK (rating IN ('high', 'medium', 'low')) -- Cao / Trung bình / Thấp
) STRICT;
CREATE INDEX case_risk_step ON case_risk(step_id);

CREATE TABLE case_service (         -- Mẫu 04: a service or task of a plan
    id            INTEGER PRIMARY KEY,
    step_id       INTEGER NOT NULL REFERENCES case_step(id) ON DELETE CASCADE, -- the plan step
    task          TEXT NOT NULL CHECK (task <> ''), -- the service or task
    department_id INTEGER REFERENCES department(id), -- who is responsible; NULL = the officer
    start_on      TEXT,             -- planned start (ISO date)
    end_on        TEXT,             -- planned end (ISO date)
    cost          INTEGER CHECK (cost IS NULL OR cost >= 0), -- estimated cost in đồng, NULL unknown
    CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX case_service_step ON case_service(step_id);
