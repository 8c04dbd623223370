-- bench/advise/workload.sql - the workload of the index advisor benchmark
-- (bench/advise.sh) on the marketplace of bench/advise/schema.sql.
--
-- One statement per semicolon, each directly preceded by a comment line
-- of the form calls: N, the times it ran in the observed window (its
-- weight). Constants are literals that exist in the generated data (an
-- advisor sees them parameterised too). The comment above each statement
-- says which index should help it. None of those indexes exists in the
-- schema. Comments hold no semicolons or quotes, so that even a naive
-- splitter reads this file right.

-- Q1 OLTP login, an expression lookup. The unique index on email is
-- case-sensitive and cannot serve it. Wants customers (lower(email)).
-- calls: 20000
SELECT id, name, tier FROM customers WHERE lower(email) = 'karin.olsen4247@example.com';

-- Q2 OLTP: the latest orders of a customer (top-N), here one of the 50 hot
-- customers with some 1,300 orders. Wants orders (customer_id, created_at),
-- which stops after 10 rows. A plain (customer_id) must fetch and sort all
-- of them (for an average customer, 4 orders, it would do as well), and
-- orders (created_at) of Q16 helps too: walking the newest orders finds 10
-- of a hot customer soon.
-- calls: 30000
SELECT id, status, total, created_at FROM orders WHERE customer_id = 23
ORDER BY created_at DESC LIMIT 10;

-- Q3 OLTP: the payments of an order, by a foreign key without an index.
-- Wants payments (order_id).
-- calls: 15000
SELECT id, attempt, method, status, amount FROM payments WHERE order_id = 424208;

-- Q4 OLTP: track a parcel, with its order (join, selective on one side).
-- Wants shipments (tracking_no), orders is reached by its primary key.
-- calls: 8000
SELECT s.carrier, s.shipped_at, s.delivered_at, o.id, o.status, o.total
FROM shipments AS s JOIN orders AS o ON o.id = s.order_id
WHERE s.tracking_no = '1Z0121184F77';

-- Q5 Support queue: newest failed payments, failed is 1 % of payments.
-- Wants the partial index payments (created_at) WHERE status = failed
-- (about 1/60 of the size of a full (status, created_at)).
-- calls: 2000
SELECT id, order_id, method, amount, created_at FROM payments
WHERE status = 'failed' ORDER BY created_at DESC LIMIT 50;

-- Q6 Report: two equalities and a range. Wants orders (status, currency,
-- created_at), (status, created_at) is the width-2 second best.
-- calls: 1000
SELECT count(*), sum(total) FROM orders
WHERE status = 'cancelled' AND currency = 'GBP'
  AND created_at >= '2024-03-01 00:00:00+00' AND created_at < '2024-04-01 00:00:00+00';

-- Q7 Revenue of a best-selling product (9,600 lines spread over the whole
-- table). Wants order_lines (product_id) INCLUDE (quantity, unit_price),
-- an index-only scan. A plain (product_id) index still visits most heap
-- pages, but serves the average product (24 lines) well.
-- calls: 3000
SELECT count(*), sum(quantity * unit_price) FROM order_lines WHERE product_id = 7;

-- Q8 Seller page: reviews of the products of a seller (join, products is
-- reached through the existing products_seller_id_idx). Wants reviews
-- (product_id), reviews (product_id, created_at) of Q9 serves it too.
-- calls: 2000
SELECT p.id, p.title, r.rating, r.created_at
FROM products AS p JOIN reviews AS r ON r.product_id = p.id
WHERE p.seller_id = 42;

-- Q9 Product page: latest reviews of a best seller (600 reviews, top-N).
-- Wants reviews (product_id, created_at), plain (product_id) must sort.
-- calls: 4000
SELECT rating, body, created_at FROM reviews WHERE product_id = 12
ORDER BY created_at DESC LIMIT 5;

-- Q10 Cart: products by SKU (IN list). Wants products (sku), a small index.
-- calls: 5000
SELECT id, sku, title, price FROM products
WHERE sku IN ('SKU-0012345', 'SKU-0023456', 'SKU-0034567', 'SKU-0045678', 'SKU-0056789');

-- Q11 Marketing: orders that used a coupon, coupon_code is 96 % NULL.
-- Wants orders (coupon_code) WHERE coupon_code IS NOT NULL (partial, 1/25
-- of a full index on the column).
-- calls: 500
SELECT id, customer_id, total, created_at FROM orders WHERE coupon_code = 'BF2024';

-- Q12 The orders of a hot customer without a coupon: IS NULL on the
-- mostly-NULL column, which selects nothing away. Served by the orders
-- (customer_id, ...) of Q2, coupon_code must not become a key.
-- calls: 1000
SELECT count(*), sum(total) FROM orders WHERE customer_id = 17 AND coupon_code IS NULL;

-- Q13 Operations: parcels in transit (delivered_at IS NULL for 0.6 %).
-- Wants the partial index shipments (shipped_at) WHERE delivered_at IS NULL.
-- calls: 300
SELECT id, order_id, carrier, shipped_at FROM shipments
WHERE delivered_at IS NULL AND shipped_at < '2024-12-28 00:00:00+00';

-- Q14 Audit: two hours of events (timestamp range). Wants events
-- (occurred_at), the table takes many inserts (W1), so each index there
-- costs.
-- calls: 500
SELECT id, customer_id, entity, entity_id, action FROM events
WHERE occurred_at >= '2024-06-01 10:00:00+00' AND occurred_at < '2024-06-01 12:00:00+00';

-- Q15 Audit: the history of one order. Wants events (entity_id).
-- (entity_id, entity) is no better and larger: entity_id is selective,
-- entity is not.
-- calls: 2000
SELECT occurred_at, action, detail FROM events
WHERE entity = 'order' AND entity_id = 123428 ORDER BY occurred_at;

-- Q16 Dashboard: daily revenue of a month (GROUP BY over a timestamp
-- range, 4 % of orders). Wants orders (created_at). INCLUDE (total) makes
-- it index-only but gains little: orders is stored in created_at order.
-- calls: 100
SELECT date_trunc('day', created_at) AS day, count(*), sum(total) FROM orders
WHERE created_at >= '2024-12-01 00:00:00+00' AND created_at < '2024-12-31 00:00:00+00'
GROUP BY 1 ORDER BY 1;

-- Q17 Seller report: units sold per category (join and GROUP BY). Wants
-- order_lines (product_id), ideally INCLUDE (quantity) as for Q7.
-- calls: 200
SELECT p.category_id, count(*), sum(ol.quantity)
FROM products AS p JOIN order_lines AS ol ON ol.product_id = p.id
WHERE p.seller_id = 1234
GROUP BY p.category_id;

-- Q18 Catalogue: the products of a category in a price band, cheapest first.
-- Wants products (category_id, price) (equality, then range and order).
-- calls: 3000
SELECT id, title, price FROM products
WHERE category_id = 42 AND price BETWEEN 20 AND 40
ORDER BY price LIMIT 20;

-- Q19 Moderation: reviews below five stars that mention late delivery.
-- Nothing helps: the LIKE has a leading wildcard and rating < 5 keeps 58 %
-- of the rows (an index on rating is the trap for index every predicate
-- column, the planner prices it above the sequential scan).
-- calls: 50
SELECT * FROM reviews WHERE body LIKE '%late%' AND rating < 5;

-- Q20 Referral programme: orders of the customers a customer referred
-- (join, selective filter on customers by the mostly-NULL referred_by).
-- Wants customers (referred_by), best partial WHERE referred_by IS NOT
-- NULL, together with orders (customer_id, ...) of Q2: either index alone
-- leaves a scan of the other table, so their benefits do not add up.
-- calls: 5000
SELECT c.id, c.name, o.id, o.status, o.total, o.created_at
FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
WHERE c.referred_by = 5032
ORDER BY o.created_at DESC LIMIT 20;

-- W1 Audit trail append: the most frequent write, every index on events
-- adds to its cost.
-- calls: 20000
INSERT INTO events (occurred_at, customer_id, entity, entity_id, action, detail)
VALUES ('2024-12-31 12:00:00+00', 4247, 'order', 799990, 'view', NULL);

-- W2 Order status change: an index on status or updated_at makes this
-- update non-HOT and maintains the index.
-- calls: 5000
UPDATE orders SET status = 'shipped', updated_at = '2024-12-31 12:00:00+00'
WHERE id = 799990;

-- W3 Payment capture: every index on payments adds to its cost.
-- calls: 3000
INSERT INTO payments (order_id, attempt, method, status, amount, provider_ref, created_at)
VALUES (799990, 1, 'card', 'captured', 42.50, 'pi_bench', '2024-12-31 12:00:00+00');
