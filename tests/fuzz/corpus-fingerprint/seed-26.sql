show variables like 'max_%';
SET NAMES utf8mb4;
set @a = 5, @b = 'x';
SET SESSION sql_mode = 'STRICT_TRANS_TABLES';
BEGIN;
COMMIT;
