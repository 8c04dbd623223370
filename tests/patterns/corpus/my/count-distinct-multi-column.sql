-- count-distinct-multi-column (extended): COUNT(DISTINCT a, b) skips rows
-- where any of a, b is NULL.

-- expect: count-distinct-multi-column
SELECT COUNT(DISTINCT city, zip) FROM customers WHERE region = 'EU';

-- expect: count-distinct-multi-column
SELECT region, COUNT(DISTINCT c.city, c.zip, c.street) AS places
FROM customers c
WHERE c.active = 1
GROUP BY region;

-- near-miss: count-distinct-multi-column
SELECT COUNT(DISTINCT city) FROM customers WHERE region = 'EU';

-- near-miss: count-distinct-multi-column
SELECT COUNT(city), COUNT(zip) FROM customers WHERE region = 'EU';

-- near-miss: count-distinct-multi-column
SELECT COUNT(*) FROM (SELECT DISTINCT city, zip FROM customers WHERE region = 'EU') AS d;
