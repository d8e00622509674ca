-- 007: left empty on branch i15. Another branch adds the real migration 007;
-- when both are merged, this file goes and 008 follows the real 007.
SELECT 1;
