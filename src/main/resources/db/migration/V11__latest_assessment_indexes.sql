-- Watch lists, summaries and reports find the latest assessment of each household in a region. With the household,
-- the time and the id in the indexes, the database finds those assessments from the indexes alone, without reading
-- each row's profile and evaluation, and only the rows found are read whole (about 15 times faster for a county of
-- 20,000 assessments; BENCHMARKS.md). Each new index replaces the one it extends, so an insert updates as many.
CREATE INDEX assessment_region_latest ON assessment (county, township, village, household_id, assessed_at, id);
DROP INDEX assessment_region;
CREATE INDEX assessment_household_latest ON assessment (household_id, assessed_at, id);
DROP INDEX assessment_household;
