-- 007_reserved_i13: an empty step. Issue 13 was told to number its
-- migration 009 while other work takes 007 and 008; this file only keeps
-- the numbers contiguous on its branch. Drop it at merge (or renumber).
SELECT 1;
