-- duplicate-column-alias (MySQL: names compare without case)

-- expect: duplicate-column-alias
SELECT o.id, o.created_at AS Day, o.shipped_at AS `day` FROM orders o WHERE o.id = 1;

-- near-miss: duplicate-column-alias
SELECT o.id, o.created_at AS created_day, o.shipped_at AS shipped_day FROM orders o WHERE o.id = 1;
