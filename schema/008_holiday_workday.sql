-- 008_holiday_workday: the holiday table also holds make-up working days
-- ("làm bù": a Saturday or Sunday worked in exchange for a bridge day off),
-- which count as working days for the deadlines of Nghị định 56/2017.
ALTER TABLE holiday ADD COLUMN workday INTEGER NOT NULL DEFAULT 0
    CHECK (workday IN (0, 1));     -- 1 = a make-up working day, 0 = a day off
