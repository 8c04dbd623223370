-- concat-nullable (MySQL, extended): CONCAT() returns NULL when an
-- argument is NULL.

CREATE TABLE IF NOT EXISTS people (
	id BIGINT NOT NULL PRIMARY KEY,
	first_name VARCHAR(100) NOT NULL,
	middle_name VARCHAR(100) NULL,
	last_name VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: concat-nullable
SELECT CONCAT(first_name, ' ', middle_name, ' ', last_name) AS full_name
FROM people
WHERE id = 1;

-- near-miss: concat-nullable
SELECT CONCAT(first_name, ' ', IFNULL(middle_name, ''), ' ', last_name) AS full_name
FROM people
WHERE id = 1;

-- CONCAT_WS skips NULLs
-- near-miss: concat-nullable
SELECT CONCAT_WS(' ', first_name, middle_name, last_name) AS full_name
FROM people
WHERE id = 1;
