-- Snapshots are stored without TOAST compression. pglz took about two thirds of a snapshot
-- write (100 KB: 9-10 ms of 12-15 ms on PGlite, where the write holds the event loop); the
-- price is about 1.7x the bytes for a snapshot, one row per workbook. Existing rows keep
-- their form until their next compaction rewrites them.
ALTER TABLE "document_snapshot" ALTER COLUMN "state" SET STORAGE EXTERNAL;
