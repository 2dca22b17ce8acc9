-- Keep H2's page cache at 1 MB instead of its default 16 MB. Under a steady stream of stored assessments the cache
-- turns over all the time: each commit writes the pages it changed anew and caches them, so at every young garbage
-- collection the pages cached since the last one are still alive and must be copied. The larger the cache, the more
-- of them and the longer the pause, and a pause holds every request in flight. With 1 MB the pauses at 500 stored
-- assessments a second were about 8 ms instead of 10-25 ms, and the p99 14-19 ms instead of 22-39 ms, for about 15 %
-- more allocation from reading back pages the cache no longer holds; lists and scans took as long (BENCHMARKS.md c).
-- The setting is kept in the database; a CACHE_SIZE in the database URL overrides it (and is kept in turn).
SET CACHE_SIZE 1024;
