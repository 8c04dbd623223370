-- The --advise fixture: workloads whose right answer is known.
CREATE EXTENSION IF NOT EXISTS hypopg;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS pg_qualstats;
CREATE SCHEMA adv;

-- two narrow indexes beat one wide one: one query filters on a, another
-- on b; (a, b) would serve only the first
CREATE TABLE adv.pairs (id bigint PRIMARY KEY, a int NOT NULL, b int NOT NULL, pad text);
INSERT INTO adv.pairs SELECT g, g % 50000, (g * 7) % 40000, repeat('x', 40)
FROM generate_series(1, 200000) g;

-- the budget fits only the smaller of two helpful indexes: (k) or the
-- covering (k) INCLUDE (payload), whose payload is wide
CREATE TABLE adv.docs (id bigint PRIMARY KEY, k int NOT NULL, payload text NOT NULL);
INSERT INTO adv.docs SELECT g, g % 20000, repeat(md5(g::text), 4)
FROM generate_series(1, 100000) g;

-- write-heavy: many inserts, one rare lookup
CREATE TABLE adv.events (id bigint PRIMARY KEY, kind int NOT NULL, note text);
INSERT INTO adv.events SELECT g, g % 1000, 'n' FROM generate_series(1, 50000) g;

-- already served by an existing covering index
CREATE TABLE adv.prices (id bigint PRIMARY KEY, sku int NOT NULL, price numeric NOT NULL);
INSERT INTO adv.prices SELECT g, g % 30000, g % 997 FROM generate_series(1, 90000) g;
CREATE INDEX prices_sku_incl ON adv.prices (sku) INCLUDE (price);

-- a partitioned table: the index goes ON ONLY the parent, then each
-- partition concurrently, then ATTACH PARTITION
CREATE TABLE adv.readings (sensor int NOT NULL, day date NOT NULL, value float8)
	PARTITION BY RANGE (day);
CREATE TABLE adv.readings_2026_10 PARTITION OF adv.readings
	FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE adv.readings_2026_11 PARTITION OF adv.readings
	FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
INSERT INTO adv.readings SELECT g % 5000, date '2026-10-01' + (g % 61), g
FROM generate_series(1, 120000) g;

-- a view: its queries name no table, pg_qualstats sees the predicate on
-- adv.pairs underneath
CREATE VIEW adv.pairs_view AS SELECT id, a, b, pad FROM adv.pairs;

VACUUM ANALYZE;
