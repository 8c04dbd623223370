-- where-arithmetic-on-column: arithmetic on the column side of a predicate.

-- expect: where-arithmetic-on-column
SELECT id FROM products WHERE price * 1.2 > 100;

-- expect: where-arithmetic-on-column
SELECT id FROM subscriptions WHERE started_at + INTERVAL 30 DAY < NOW();

-- expect: where-arithmetic-on-column
SELECT id FROM stock WHERE qty_on_hand - qty_reserved <= 0;

-- near-miss: where-arithmetic-on-column
SELECT id FROM subscriptions WHERE started_at < NOW() - INTERVAL 30 DAY;

-- near-miss: where-arithmetic-on-column
SELECT id FROM products WHERE price > 100 / 1.2;
