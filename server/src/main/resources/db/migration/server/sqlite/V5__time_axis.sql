-- What a dataset's time axis needs to be restored exactly. Per series: every seasonal period kept
-- (ascending, comma-separated, e.g. '24,168'; '' with period > 1 is a row stored before this
-- column, whose one period is the period column) and the caller's date_format pattern (NULL: ISO
-- stamps or integers). Per dataset: the fill mode it was read with and how many values it filled;
-- rows stored before this column were read with linear interpolation.
ALTER TABLE dataset_series ADD COLUMN periods TEXT NOT NULL DEFAULT '';
ALTER TABLE dataset_series ADD COLUMN date_format TEXT;
ALTER TABLE dataset ADD COLUMN fill TEXT NOT NULL DEFAULT 'linear';
ALTER TABLE dataset ADD COLUMN filled BIGINT NOT NULL DEFAULT 0;
-- The interval levels of a stored result (percent, ascending, comma-separated): the CSV export's
-- header names the levels of every result it holds.
ALTER TABLE forecast_result ADD COLUMN levels TEXT NOT NULL DEFAULT '80,95';
