-- 003_plans: the commune's yearly plans (kế hoạch) with their targets
-- (chỉ tiêu), the tasks each department carries out, progress notes on
-- tasks and the calendar of the year's events. Departments themselves live
-- in 001's department table. Dates are ISO yyyy-mm-dd text; NULL = not set.

CREATE TABLE plan (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL DEFAULT '',  -- "90/KH-UBND"; '' until the officer numbers it
    issued_on    TEXT,                      -- date of the plan (ngày ban hành)
    issuer       TEXT NOT NULL DEFAULT '',  -- issuing body, e.g. "UBND phường An Nhơn Đông"
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),  -- year the plan covers
    title        TEXT NOT NULL CHECK (title <> ''),  -- "Kế hoạch duy trì và nâng chất …"
    title_fold   TEXT NOT NULL,             -- utf8_fold(title), for search
    upstream     TEXT NOT NULL DEFAULT '',  -- plans it implements ("Căn cứ Kế hoạch số 1472/KH-UBND …")
    purpose      TEXT NOT NULL DEFAULT '',  -- mục đích
    requirements TEXT NOT NULL DEFAULT '',  -- yêu cầu
    budget       TEXT NOT NULL DEFAULT '',  -- budget sources (kinh phí thực hiện)
    report_half  TEXT,                      -- deadline of the 6-month report (e.g. 15/5)
    report_year  TEXT,                      -- deadline of the annual report (e.g. 15/11)
    copied_from  INTEGER REFERENCES plan(id) ON DELETE SET NULL  -- plan of the year before it was copied from
) STRICT;
CREATE INDEX plan_year ON plan(year);
-- A numbered plan is unique in its year; unnumbered copies are not.
CREATE UNIQUE INDEX plan_number ON plan(year, number) WHERE number <> '';

CREATE TABLE plan_target (            -- chỉ tiêu: "100 % trẻ em sinh ra được khai sinh đúng hạn"
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    sort         INTEGER NOT NULL DEFAULT 0,  -- order in the plan
    text         TEXT NOT NULL CHECK (text <> ''),  -- the target as the plan words it
    value        REAL NOT NULL,         -- the number aimed at (100, 9, 2 …)
    unit         TEXT NOT NULL CHECK (unit IN ('percent', 'count')),
    direction    TEXT NOT NULL CHECK (direction IN ('at_least', 'at_most')),  -- met when measured ≥ / ≤ value
    measure      TEXT,                  -- code of a value the register computes (app/plan.h), NULL if none
    typed_value  REAL,                  -- value typed by the officer when not computed
    typed_source TEXT,                  -- where the typed value comes from (report, book …)
    typed_on     TEXT,                  -- date the typed value refers to
    CHECK ((typed_value IS NULL) = (typed_source IS NULL))
) STRICT;
CREATE INDEX plan_target_plan ON plan_target(plan_id, sort);

CREATE TABLE task (                   -- nhiệm vụ of one department under a plan
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department(id),  -- who carries it out
    text          TEXT NOT NULL CHECK (text <> ''),  -- what to do
    text_fold     TEXT NOT NULL,        -- utf8_fold(text), for search
    criteria      TEXT NOT NULL DEFAULT '',  -- criteria of QĐ 06 it serves, normalised "3,4,5.1"
    start_on      TEXT,                 -- planned start; NULL = from when it is written
    due_on        TEXT NOT NULL,        -- due date (hạn)
    done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_on       TEXT,                 -- date it was finished
    evidence      TEXT NOT NULL DEFAULT '',  -- minh chứng: reference of the proof (report no., file …)
    CHECK ((done = 1) = (done_on IS NOT NULL))
) STRICT;
CREATE INDEX task_plan ON task(plan_id);
CREATE INDEX task_department ON task(department_id);
CREATE INDEX task_due ON task(done, due_on);

CREATE TABLE task_note (              -- progress notes on a task, with their date
    id       INTEGER PRIMARY KEY,
    task_id  INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    noted_on TEXT NOT NULL,           -- date the note is about
    text     TEXT NOT NULL CHECK (text <> ''),
    who      TEXT NOT NULL            -- who wrote it
) STRICT;
CREATE INDEX task_note_task ON task_note(task_id, noted_on);

CREATE TABLE plan_event (             -- the year's events: Tháng hành động, 01/6, Trung thu …
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    name     TEXT NOT NULL CHECK (name <> ''),
    start_on TEXT NOT NULL,           -- the day, or the first day of a period
    end_on   TEXT,                    -- last day of a period (June for the month of action), or NULL
    kind     TEXT NOT NULL CHECK (kind IN ('event', 'campaign', 'deadline')),
    lunar    INTEGER NOT NULL DEFAULT 0 CHECK (lunar IN (0, 1)),    -- follows the lunar calendar (Trung thu)
    to_check INTEGER NOT NULL DEFAULT 0 CHECK (to_check IN (0, 1)), -- 1: a copy moved a lunar date by a
                                      -- solar year; the officer must confirm the day
    CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX plan_event_plan ON plan_event(plan_id, start_on);
