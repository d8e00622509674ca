-- 008_reserved_i13: an empty step, as 007_reserved_i13. Drop it at merge.
SELECT 1;
