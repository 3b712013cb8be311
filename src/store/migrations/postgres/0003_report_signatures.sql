-- 0003 report signatures (PostgreSQL): the same tables as the SQLite 0003.

CREATE TABLE report_signatures (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  signature BYTEA NOT NULL
);

CREATE TABLE report_bands (
  band INTEGER NOT NULL,
  band_key BIGINT NOT NULL,
  report_id BIGINT NOT NULL REFERENCES report_signatures (report_id) ON DELETE CASCADE,
  PRIMARY KEY (band, band_key, report_id)
);
CREATE INDEX report_bands_report ON report_bands (report_id);
