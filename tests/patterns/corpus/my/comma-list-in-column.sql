-- comma-list-in-column: several values kept in one string column.

-- expect: comma-list-in-column, where-function-on-column
SELECT a.id, a.title
FROM articles a
WHERE FIND_IN_SET('42', a.tag_ids) > 0;

-- expect: comma-list-in-column
CREATE TABLE IF NOT EXISTS posts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  title VARCHAR(200) NOT NULL,
  category_ids VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: comma-list-in-column, leading-wildcard-like, where-function-on-column
SELECT p.id FROM posts p WHERE CONCAT(',', p.category_ids, ',') LIKE CONCAT('%,', ?, ',%');

-- FIND_IN_SET over a constant list is a lookup, not a stored list
-- expect: where-function-on-column
-- near-miss: comma-list-in-column
SELECT s.id FROM sizes s WHERE FIND_IN_SET(s.code, 'S,M,L') > 0;

-- near-miss: comma-list-in-column
CREATE TABLE IF NOT EXISTS post_categories (
  post_id BIGINT UNSIGNED NOT NULL,
  category_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (post_id, category_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
