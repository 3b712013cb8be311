-- 0003 report signatures (SQLite): MinHash signatures of each report's cleaned body and their LSH
-- band keys, so near-duplicates are found by an indexed lookup instead of a scan of every report.

CREATE TABLE report_signatures (
  report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  signature BLOB NOT NULL
);

-- One row per (band, key) a report falls into; a candidate shares at least one row.
CREATE TABLE report_bands (
  band INTEGER NOT NULL,
  band_key INTEGER NOT NULL,
  report_id INTEGER NOT NULL REFERENCES report_signatures (report_id) ON DELETE CASCADE,
  PRIMARY KEY (band, band_key, report_id)
) WITHOUT ROWID;
CREATE INDEX report_bands_report ON report_bands (report_id);
