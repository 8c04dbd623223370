-- drop-table: dropping tables that are not temporary.

-- expect: drop-table
DROP TABLE IF EXISTS order_archive;

-- expect: drop-table
DROP TABLE IF EXISTS `shop`.`sessions`, `shop`.`session_tokens`;

-- near-miss: drop-table
DROP TEMPORARY TABLE IF EXISTS tmp_totals;

CREATE TEMPORARY TABLE IF NOT EXISTS tmp_ids (id BIGINT UNSIGNED NOT NULL PRIMARY KEY);

-- near-miss: drop-table
DROP TABLE IF EXISTS tmp_ids;

-- near-miss: drop-table
DROP VIEW IF EXISTS order_summary;
