--
-- examples/shop/workload.sql - what the shop's application does all day,
-- compressed into about a second.
--
-- Run after schema.sql and invalid_index.sql, outside a transaction block:
--     psql -X -v ON_ERROR_STOP=1 -d shop -f workload.sql
--
-- Afterwards every index the application relies on has idx_scan > 0, and
-- customers_phone_idx has never been scanned. Statement statistics start
-- from zero here, so pg_stat_statements holds this workload and not the
-- load. (Table and index counters are not reset: pg_stat_reset() would
-- also zero n_live_tup, and the tools would see empty tables.)
-- The statements run inside PL/pgSQL, so they reach pg_stat_statements
-- (track = all) with parameters, as an application's prepared statements
-- would.

SET client_min_messages = warning;

SELECT pg_stat_statements_reset();
DO $reset$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_qualstats') THEN
		PERFORM pg_qualstats_reset();
	END IF;
END
$reset$;

-- Storefront: log in, look at a profile, browse, read product pages.
DO $storefront$
DECLARE
	i        integer;
	cust     bigint;
	prod     bigint;
	cat      text;
	n        bigint;
	cats     text[] := ARRAY['books', 'games', 'garden', 'kitchen',
	                         'music', 'outdoor', 'toys', 'tools'];
BEGIN
	FOR i IN 1..400 LOOP
		cust := 1 + (i * 37) % 2000;
		prod := 1 + (i * 53) % 480;
		cat := cats[1 + i % 8];

		-- login (customers_email_key)
		PERFORM id FROM customers
		WHERE email = format('customer%s@example.com', cust);

		-- account page (customers_pkey)
		PERFORM full_name, country, created_at FROM customers WHERE id = cust;

		-- category page, cheapest first (products_category_price_idx)
		PERFORM id, name, price_cents FROM products
		WHERE category = cat AND active
		ORDER BY price_cents
		LIMIT 24;

		-- product page (products_pkey)
		PERFORM name, price_cents, category FROM products WHERE id = prod;

		-- product page: latest reviews (reviews_product_id_created_at_idx)
		PERFORM rating, body FROM reviews
		WHERE product_id = prod
		ORDER BY created_at DESC
		LIMIT 5;

		-- search box with an exact SKU (products_sku_key)
		IF i % 4 = 0 THEN
			PERFORM id FROM products
			WHERE sku = format('SKU-%s', lpad(prod::text, 5, '0'));
		END IF;

		-- "my reviews" (reviews_customer_id_idx)
		IF i % 5 = 0 THEN
			SELECT count(*) INTO n FROM reviews WHERE customer_id = cust;
		END IF;

		-- review permalink (reviews_pkey)
		IF i % 8 = 0 THEN
			PERFORM rating, body FROM reviews WHERE id = 1 + (i * 7) % 3000;
		END IF;
	END LOOP;
END
$storefront$;

-- Account area: order history, order details, payments, parcel tracking.
DO $account$
DECLARE
	i      integer;
	cust   bigint;
	ord    bigint;
	n      bigint;
	since  timestamptz := timestamptz '2025-04-01 00:00:00+00' - interval '60 days';
BEGIN
	FOR i IN 1..300 LOOP
		cust := 1 + (i * 101) % 2000;
		ord := 1 + (i * 211) % 8000;

		-- "my recent orders", newest first
		-- (orders_customer_id_created_at_idx)
		PERFORM id, status, total_cents, created_at FROM orders
		WHERE customer_id = cust AND created_at >= since
		ORDER BY created_at DESC
		LIMIT 10;

		-- the order-count badge (orders_customer_id_idx: the planner
		-- prefers the smaller index, though the composite would do)
		SELECT count(*) INTO n FROM orders WHERE customer_id = cust;

		-- order page (orders_pkey, order_items_pkey)
		PERFORM id, status, total_cents FROM orders WHERE id = ord;
		PERFORM oi.line_no, p.name, oi.quantity, oi.unit_price_cents
		FROM order_items AS oi
		JOIN products AS p ON p.id = oi.product_id
		WHERE oi.order_id = ord
		ORDER BY oi.line_no;

		-- order page: payments (payments_order_id_idx or its duplicate)
		PERFORM provider, amount_cents, status FROM payments WHERE order_id = ord;

		-- order page: parcels (shipments_order_id_idx)
		PERFORM carrier, tracking_number, delivered_at FROM shipments
		WHERE order_id = ord;

		-- activity feed (events_customer_id_created_at_idx, every partition)
		IF i % 3 = 0 THEN
			PERFORM kind, created_at FROM events
			WHERE customer_id = cust
			ORDER BY created_at DESC
			LIMIT 20;
		END IF;

		-- support looks an event up by id (events_pkey, every partition)
		IF i % 6 = 0 THEN
			PERFORM kind, payload FROM events WHERE id = 1 + (i * 29) % 9000;
		END IF;

		-- "where is my parcel?" by tracking number: there is no valid
		-- index on it, so this scans shipments.
		IF i % 10 = 0 THEN
			PERFORM order_id, delivered_at FROM shipments
			WHERE tracking_number = format('1Z%s', lpad(i::text, 10, '0'));
		END IF;
	END LOOP;
END
$account$;

-- Back office: payment-provider webhooks, refunds, delivery updates and
-- the fulfilment job.
DO $backoffice$
DECLARE
	i      integer;
	ord    bigint;
	pay    bigint;
	r      record;
BEGIN
	FOR i IN 1..200 LOOP
		ord := 1 + (i * 389) % 8000;

		-- webhook: find the payment by the provider's reference
		-- (payments_provider_ref_key)
		SELECT id INTO pay FROM payments
		WHERE provider_ref = format('%s_%s',
		                            (ARRAY['stripe', 'paypal', 'adyen'])[1 + ord % 3],
		                            md5(ord::text));

		-- webhook: mark it settled (payments_pkey)
		IF pay IS NOT NULL THEN
			UPDATE payments SET status = 'settled' WHERE id = pay AND status = 'captured';
		END IF;

		-- carrier callback: delivered (shipments_pkey)
		IF i % 2 = 0 THEN
			UPDATE shipments SET delivered_at = shipped_at + interval '2 days'
			WHERE id = 1 + (i * 17) % 6000 AND delivered_at IS NULL;
		END IF;

		-- fulfilment job: oldest pending orders (orders_pending_created_at_idx)
		IF i % 10 = 0 THEN
			FOR r IN
				SELECT id FROM orders
				WHERE status = 'pending'
				  AND created_at < timestamptz '2025-04-01 00:00:00+00'
				ORDER BY created_at
				LIMIT 20
			LOOP
				PERFORM 1 FROM order_items WHERE order_id = r.id;
			END LOOP;
		END IF;
	END LOOP;

	-- Nightly clean-up: delete discontinued products nobody ever bought.
	-- Each DELETE has to prove that no order_items row references the
	-- product, and without an index on order_items.product_id that proof
	-- is a sequential scan of order_items.
	FOR r IN SELECT id FROM products WHERE NOT active ORDER BY id LOOP
		DELETE FROM products WHERE id = r.id;
	END LOOP;
END
$backoffice$;

-- Reports a manager runs now and then: sequential scans and hash joins,
-- the part of a workload no index should be built for.
SELECT date_trunc('week', o.created_at) AS week,
       count(*) AS orders,
       sum(o.total_cents) / 100.0 AS revenue
FROM orders AS o
WHERE o.status <> 'cancelled'
GROUP BY 1
ORDER BY 1;

SELECT p.category, sum(oi.quantity * oi.unit_price_cents) / 100.0 AS revenue
FROM order_items AS oi
JOIN products AS p ON p.id = oi.product_id
GROUP BY p.category
ORDER BY revenue DESC;

SELECT p.id, p.name, round(avg(r.rating), 2) AS rating, count(*) AS reviews
FROM reviews AS r
JOIN products AS p ON p.id = r.product_id
GROUP BY p.id, p.name
HAVING count(*) >= 5
ORDER BY rating DESC, reviews DESC
LIMIT 10;

SELECT c.country, count(DISTINCT o.customer_id) AS buyers
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
GROUP BY c.country
ORDER BY buyers DESC;
