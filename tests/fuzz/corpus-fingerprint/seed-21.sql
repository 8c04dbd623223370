SELECT /*!40001 SQL_NO_CACHE */ * FROM t;
SELECT /*!40001 SQL_NO_CACHE */ * FROM  `t`;
Select /*!40001 SQL_NO_CACHE */ * FROM `t`;
x SELECT /*!40001 SQL_NO_CACHE */ * FROM `t`;
REPLACE INTO `percona`.`checksums` (db, tbl, chunk, chunk_index, lower_boundary, upper_boundary, this_cnt, this_crc) SELECT 'shop', 'orders', '1', NULL, NULL, NULL, COUNT(*) AS cnt, COALESCE(LOWER(CONV(BIT_XOR(CAST(CRC32(CONCAT_WS('#', `id`, `total`)) AS UNSIGNED)), 10, 16)), 0) AS crc FROM `shop`.`orders` /*checksum table*/;
SELECT /*shop.orders:1/5*/ 0 AS chunk_num, COUNT(*) AS cnt FROM `shop`.`orders`;
