CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
--
-- examples/shop/schema.sql - a small web shop with the index mistakes that
-- real schemas collect over a few years of migrations.
--
-- Load into an empty database, outside a transaction block:
--     psql -X -v ON_ERROR_STOP=1 -d shop -f schema.sql
-- then invalid_index.sql (without ON_ERROR_STOP) and workload.sql.
--
-- Every planted flaw is marked "FLAW (rule-id)"; README.md lists them.
-- The data is generated from arithmetic on generate_series (no random()),
-- so every load produces the same rows and the same statistics.

SET client_min_messages = warning;

-- The other extensions the toolkit uses, when this server has them.
-- pg_qualstats only works when preloaded, so it is created only then.
DO $ext$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg') THEN
		CREATE EXTENSION IF NOT EXISTS hypopg;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgstattuple') THEN
		CREATE EXTENSION IF NOT EXISTS pgstattuple;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_qualstats')
	   AND current_setting('shared_preload_libraries') LIKE '%pg_qualstats%' THEN
		CREATE EXTENSION IF NOT EXISTS pg_qualstats;
	END IF;
END
$ext$;

-- ---------------------------------------------------------------- tables

CREATE TABLE customers (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email       text NOT NULL,
	full_name   text NOT NULL,
	phone       text,
	country     char(2) NOT NULL,
	created_at  timestamptz NOT NULL,
	CONSTRAINT customers_email_key UNIQUE (email)
);

CREATE TABLE products (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	sku          text NOT NULL,
	name         text NOT NULL,
	category     text NOT NULL,
	price_cents  integer NOT NULL CHECK (price_cents >= 0),
	active       boolean NOT NULL DEFAULT true,
	created_at   timestamptz NOT NULL,
	CONSTRAINT products_sku_key UNIQUE (sku)
);

CREATE TABLE orders (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	customer_id  bigint NOT NULL REFERENCES customers (id),
	status       text NOT NULL
	             CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
	total_cents  integer NOT NULL DEFAULT 0,
	created_at   timestamptz NOT NULL
);

CREATE TABLE order_items (
	order_id          bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
	line_no           smallint NOT NULL,
	-- FLAW (foreign-key-without-index): nothing indexes product_id, so
	-- every DELETE or key UPDATE on products scans all of order_items.
	product_id        bigint NOT NULL REFERENCES products (id),
	quantity          integer NOT NULL CHECK (quantity > 0),
	unit_price_cents  integer NOT NULL,
	PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payments (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	order_id      bigint NOT NULL REFERENCES orders (id),
	provider      text NOT NULL,
	provider_ref  text NOT NULL,
	amount_cents  integer NOT NULL,
	status        text NOT NULL,
	created_at    timestamptz NOT NULL,
	CONSTRAINT payments_provider_ref_key UNIQUE (provider_ref)
);

CREATE TABLE shipments (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	order_id         bigint NOT NULL REFERENCES orders (id),
	carrier          text NOT NULL,
	-- Carriers recycle tracking numbers; see invalid_index.sql.
	tracking_number  text NOT NULL,
	shipped_at       timestamptz NOT NULL,
	delivered_at     timestamptz
);

CREATE TABLE reviews (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	product_id   bigint NOT NULL REFERENCES products (id),
	customer_id  bigint NOT NULL REFERENCES customers (id),
	rating       smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
	body         text NOT NULL,
	created_at   timestamptz NOT NULL
);

-- Audit trail, one partition per month. No foreign keys: events outlive
-- the rows they describe.
CREATE TABLE events (
	id           bigint NOT NULL,
	customer_id  bigint,
	kind         text NOT NULL,
	payload      jsonb NOT NULL DEFAULT '{}',
	created_at   timestamptz NOT NULL,
	PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

CREATE TABLE events_2025_01 PARTITION OF events
	FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE events_2025_02 PARTITION OF events
	FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
CREATE TABLE events_2025_03 PARTITION OF events
	FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');

-- --------------------------------------------------------------- indexes

-- FLAW (unused-index): added for a support tool that looked customers up
-- by phone number; the tool was retired and nothing queries phone now.
CREATE INDEX customers_phone_idx ON customers (phone);

-- Catalogue pages: one category, cheapest first.
CREATE INDEX products_category_price_idx ON products (category, price_cents);

-- "My orders", newest first, and the foreign key on customer_id.
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
-- FLAW (redundant-index): the first migration indexed the foreign key
-- alone; the composite index above has the same leading column.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- The fulfilment job polls the few pending orders.
CREATE INDEX orders_pending_created_at_idx ON orders (created_at)
	WHERE status = 'pending';

-- Payments of an order.
CREATE INDEX payments_order_id_idx ON payments (order_id);
-- FLAW (duplicate-index): a later migration, generated by the ORM under its
-- own naming scheme, created the same index again.
CREATE INDEX idx_payments_order ON payments USING btree (order_id);

CREATE INDEX shipments_order_id_idx ON shipments (order_id);

CREATE INDEX reviews_product_id_created_at_idx ON reviews (product_id, created_at);
CREATE INDEX reviews_customer_id_idx ON reviews (customer_id);

-- Created on the partitioned table, so every partition gets one.
CREATE INDEX events_customer_id_created_at_idx ON events (customer_id, created_at);

-- ------------------------------------------------------------------ data
-- About 60,000 rows: 2,000 customers, 500 products, 8,000 orders,
-- 20,000 order lines, 7,800 payments, 6,400 shipments, 3,000 reviews and
-- 9,000 events over the first quarter of 2025.

INSERT INTO customers (email, full_name, phone, country, created_at)
SELECT format('customer%s@example.com', i),
       format('Customer %s', i),
       CASE WHEN i % 10 = 0 THEN NULL ELSE format('+1555%s', lpad(i::text, 7, '0')) END,
       (ARRAY['US', 'DE', 'FR', 'GB', 'NL', 'SE', 'ES', 'IT'])[1 + i % 8],
       timestamptz '2024-01-01 00:00:00+00' + i * interval '4 hours'
FROM generate_series(1, 2000) AS i;

-- Products 481-500 are discontinued and were never sold; the workload's
-- clean-up job deletes them.
INSERT INTO products (sku, name, category, price_cents, active, created_at)
SELECT format('SKU-%s', lpad(i::text, 5, '0')),
       format('Product %s', i),
       (ARRAY['books', 'games', 'garden', 'kitchen', 'music', 'outdoor', 'toys', 'tools'])[1 + i % 8],
       499 + (i * 7919) % 20000,
       i <= 480,
       timestamptz '2023-06-01 00:00:00+00' + i * interval '1 day'
FROM generate_series(1, 500) AS i;

INSERT INTO orders (customer_id, status, created_at)
SELECT 1 + (i * 7919) % 2000,
       CASE WHEN i % 40 = 0 THEN 'pending'
            WHEN i % 25 = 0 THEN 'cancelled'
            WHEN i % 7 = 0 THEN 'paid'
            WHEN i % 2 = 0 THEN 'shipped'
            ELSE 'delivered' END,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '970 seconds'
FROM generate_series(1, 8000) AS i;

INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents)
SELECT o.id, l, p.id, 1 + (o.id + l) % 3, p.price_cents
FROM orders AS o
CROSS JOIN LATERAL generate_series(1, 1 + (o.id % 4)::int) AS l
JOIN products AS p ON p.id = 1 + (o.id * 31 + l * 977) % 480;

UPDATE orders AS o
SET total_cents = t.total
FROM (SELECT order_id, sum(quantity * unit_price_cents) AS total
      FROM order_items GROUP BY order_id) AS t
WHERE t.order_id = o.id;

INSERT INTO payments (order_id, provider, provider_ref, amount_cents, status, created_at)
SELECT o.id,
       (ARRAY['stripe', 'paypal', 'adyen'])[1 + o.id % 3],
       format('%s_%s', (ARRAY['stripe', 'paypal', 'adyen'])[1 + o.id % 3], md5(o.id::text)),
       o.total_cents,
       CASE WHEN o.status = 'cancelled' THEN 'refunded' ELSE 'captured' END,
       o.created_at + interval '2 minutes'
FROM orders AS o
WHERE o.status <> 'pending';

-- Every 700th shipment reuses the previous tracking number.
INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at, delivered_at)
SELECT o.id,
       (ARRAY['ups', 'dhl', 'postnl'])[1 + o.id % 3],
       format('1Z%s', lpad((CASE WHEN n % 700 = 0 THEN n - 1 ELSE n END)::text, 10, '0')),
       o.created_at + interval '1 day',
       CASE WHEN o.status = 'delivered' THEN o.created_at + interval '3 days' END
FROM (SELECT id, status, created_at, row_number() OVER (ORDER BY id) AS n
      FROM orders WHERE status IN ('shipped', 'delivered')) AS o;

INSERT INTO reviews (product_id, customer_id, rating, body, created_at)
SELECT 1 + (i * 13) % 480,
       1 + (i * 7) % 2000,
       1 + (i * i) % 5,
       format('Review %s: %s', i, repeat('good value, fast delivery. ', 1 + i % 4)),
       timestamptz '2025-01-01 00:00:00+00' + i * interval '43 minutes'
FROM generate_series(1, 3000) AS i;

INSERT INTO events (id, customer_id, kind, payload, created_at)
SELECT i,
       1 + (i * 17) % 2000,
       (ARRAY['login', 'view', 'cart', 'checkout'])[1 + i % 4],
       jsonb_build_object('session', md5(i::text), 'page', i % 50),
       timestamptz '2025-01-01 00:00:00+00' + i * interval '863 seconds'
FROM generate_series(1, 9000) AS i;

ANALYZE;
