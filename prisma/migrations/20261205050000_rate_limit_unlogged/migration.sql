-- Rate-limit counters need no durability (issue 12: the origin cost of a page). Every search and
-- every checkout post upserts its address's counter; on a logged table that is a WAL record and a
-- WAL flush at commit for each of them, the only write a search makes. An unlogged table skips the
-- WAL: after a crash of the database server its counters start again from zero, which only
-- forgives the last minute's visitors their count. Several servers still share the one table.
ALTER TABLE "RateLimitCounter" SET UNLOGGED;
