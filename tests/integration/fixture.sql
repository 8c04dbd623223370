-- The integration fixture: every case ip-indexes must report and the
-- near-misses it must not. tests/integration/expected-findings.tsv lists the
-- exact findings; anything else is a false positive.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE SCHEMA app;

-- customers: duplicates, redundancy and near-misses
CREATE TABLE app.customers (
	id bigint PRIMARY KEY,
	email text NOT NULL,
	region text NOT NULL,
	created_at timestamptz NOT NULL,
	status text
);
CREATE UNIQUE INDEX customers_email_key ON app.customers (email);
-- exact duplicate of the unique index: the unique one is kept
CREATE INDEX customers_email_dup ON app.customers (email);
-- expression vs plain column: not a duplicate
CREATE INDEX customers_email_lower ON app.customers (lower(email));
-- used by the workload
CREATE INDEX customers_region_created ON app.customers (region, created_at DESC);
-- same columns, one DESC of two: neither duplicate nor redundant
CREATE INDEX customers_region_created_asc ON app.customers (region, created_at);
-- leading prefix of customers_region_created: redundant
CREATE INDEX customers_region ON app.customers (region);
-- same column, different predicates: not duplicates
CREATE INDEX customers_status_active ON app.customers (status) WHERE status = 'active';
CREATE INDEX customers_status_closed ON app.customers (status) WHERE status = 'closed';

CREATE TABLE app.products (id bigint PRIMARY KEY, sku text NOT NULL, name text);
-- different operator classes: not duplicates
CREATE INDEX products_sku ON app.products (sku);
CREATE INDEX products_sku_pattern ON app.products (sku text_pattern_ops);

-- orders: a foreign key whose index is never scanned
CREATE TABLE app.orders (
	id bigint PRIMARY KEY,
	customer_id bigint NOT NULL REFERENCES app.customers (id),
	created_at timestamptz NOT NULL,
	total numeric NOT NULL
);
CREATE INDEX orders_customer_id_idx ON app.orders (customer_id);
-- same key, different INCLUDE sets: neither duplicate nor redundant
CREATE INDEX orders_created_incl_total ON app.orders (created_at) INCLUDE (total);
CREATE INDEX orders_created_incl_id ON app.orders (created_at) INCLUDE (id);

-- order_items: order_id is served by the primary key; product_id has no index
CREATE TABLE app.order_items (
	order_id bigint NOT NULL REFERENCES app.orders (id),
	line int NOT NULL,
	product_id bigint NOT NULL REFERENCES app.products (id),
	qty int NOT NULL,
	PRIMARY KEY (order_id, line)
);

-- a covering index for a foreign key (key plus INCLUDE)
CREATE TABLE app.shipments (
	id bigint PRIMARY KEY,
	order_id bigint NOT NULL REFERENCES app.orders (id),
	carrier text,
	shipped_at timestamptz
);
CREATE INDEX shipments_order_carrier ON app.shipments (order_id) INCLUDE (carrier);

-- a two-column foreign key served by an index on the same columns in the
-- other order
CREATE TABLE app.line_notes (
	order_id bigint NOT NULL,
	line int NOT NULL,
	note text,
	FOREIGN KEY (order_id, line) REFERENCES app.order_items (order_id, line)
);
CREATE INDEX line_notes_line_order ON app.line_notes (line, order_id);

-- a partial index does not serve a foreign key
CREATE TABLE app.refunds (
	id bigint PRIMARY KEY,
	order_id bigint REFERENCES app.orders (id),
	amount numeric
);
CREATE INDEX refunds_order_partial ON app.refunds (order_id) WHERE amount > 0;

-- an exclusion constraint: its index is never a drop candidate
CREATE TABLE app.reservations (
	id bigint PRIMARY KEY,
	room int NOT NULL,
	during tsrange NOT NULL,
	EXCLUDE USING gist (during WITH &&)
);

-- a primary key and a unique constraint on the same column (added later:
-- CREATE TABLE would merge them into one index)
CREATE TABLE app.tags (id int PRIMARY KEY, label text);
ALTER TABLE app.tags ADD CONSTRAINT tags_id_key UNIQUE (id);

-- replica identity index: never unused
CREATE TABLE app.audit (id int NOT NULL, body text);
CREATE UNIQUE INDEX audit_id ON app.audit (id);
ALTER TABLE app.audit REPLICA IDENTITY USING INDEX audit_id;

-- a partitioned table with a used and an unused index
CREATE TABLE app.events (
	id bigint NOT NULL,
	created_on date NOT NULL,
	kind text
) PARTITION BY RANGE (created_on);
CREATE TABLE app.events_2026_10 PARTITION OF app.events
	FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE app.events_2026_11 PARTITION OF app.events
	FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE INDEX events_created_on ON app.events (created_on);
CREATE INDEX events_kind ON app.events (kind);

-- hostile names: quotes, spaces, semicolons, non-ASCII
CREATE SCHEMA "Odd ""Sch""; ü";
CREATE TABLE "Odd ""Sch""; ü"."ta ble;""x"" é" (
	id int PRIMARY KEY,
	"we""ird col" text
);
CREATE INDEX "idx ""q""; DROP TABLE x; ü" ON "Odd ""Sch""; ü"."ta ble;""x"" é" ("we""ird col");
CREATE INDEX "idx dup ü" ON "Odd ""Sch""; ü"."ta ble;""x"" é" ("we""ird col");
CREATE TABLE "Odd ""Sch""; ü"."chi;ld ""é""" (
	pid int REFERENCES "Odd ""Sch""; ü"."ta ble;""x"" é" (id)
);

-- data, so that sizes and plans are real
INSERT INTO app.customers
SELECT g, 'user' || g || '@example.com', (ARRAY['north', 'south', 'east'])[g % 3 + 1],
       timestamptz '2026-01-01' + g * interval '1 hour',
       (ARRAY['active', 'closed', 'new'])[g % 3 + 1]
FROM generate_series(1, 3000) g;
INSERT INTO app.products SELECT g, 'SKU-' || g, 'product ' || g FROM generate_series(1, 300) g;
INSERT INTO app.orders
SELECT g, g % 3000 + 1, timestamptz '2026-02-01' + g * interval '1 minute', g % 97
FROM generate_series(1, 6000) g;
INSERT INTO app.order_items SELECT g, 1, g % 300 + 1, 1 FROM generate_series(1, 6000) g;
INSERT INTO app.events
SELECT g, date '2026-10-01' + (g % 60), 'kind' || (g % 5) FROM generate_series(1, 4000) g;
-- the table whose unique index build will fail (see invalid-index.sql)
CREATE TABLE app.coupons (id bigint PRIMARY KEY, code text NOT NULL);
INSERT INTO app.coupons VALUES (1, 'WELCOME'), (2, 'WELCOME');
ANALYZE;
