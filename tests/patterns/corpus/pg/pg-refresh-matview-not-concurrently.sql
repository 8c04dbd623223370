-- pg-refresh-matview-not-concurrently: refreshes that block readers.
SET lock_timeout = '5s';

-- expect: pg-refresh-matview-not-concurrently
REFRESH MATERIALIZED VIEW daily_sales;

-- expect: pg-refresh-matview-not-concurrently
REFRESH MATERIALIZED VIEW "Reporting"."Monthly Revenue" WITH DATA;

-- near-miss: pg-refresh-matview-not-concurrently
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;

-- emptying a view cannot be done concurrently
-- near-miss: pg-refresh-matview-not-concurrently
REFRESH MATERIALIZED VIEW daily_sales WITH NO DATA;

-- near-miss: pg-refresh-matview-not-concurrently
SELECT d.day, d.total FROM daily_sales d WHERE d.day = current_date - 1;
