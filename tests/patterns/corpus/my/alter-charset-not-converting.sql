-- alter-charset-not-converting: the default changes, the columns do not.

-- expect: alter-charset-not-converting
ALTER TABLE notes CHARACTER SET utf8mb4;

-- expect: alter-charset-not-converting
ALTER TABLE `shop`.`customers` DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- near-miss: alter-charset-not-converting
ALTER TABLE notes CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- near-miss: alter-charset-not-converting
ALTER DATABASE shop CHARACTER SET utf8mb4;

-- near-miss: alter-charset-not-converting
ALTER TABLE notes COMMENT = 'DEFAULT CHARSET=utf8mb4 since 2024';
