--
-- examples/shop/migration.sql - release 2025.04 of the shop, as a developer
-- wrote it: loyalty tiers for customers, saved shipping addresses, a
-- faster fulfilment query, and the end of the music category.
--
-- It is never applied: `make demo` lints it with
--     ip-patterns --fail-on=high --format=text examples/shop/migration.sql
-- Every statement marked "FLAW (rule-id)" is one ip-patterns reports, and
-- would hurt or fail on the live shop (60,000 rows, traffic all day). The
-- statements marked "fine" are the near misses that must stay silent.

BEGIN;

-- Saved addresses, so that checkout needs one click.
-- fine: a new table, with a primary key and timestamptz.
CREATE TABLE addresses (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	customer_id  bigint NOT NULL REFERENCES customers (id),
	line1        text NOT NULL,
	city         text NOT NULL,
	country      text NOT NULL,
	created_at   timestamptz NOT NULL DEFAULT now()
);
-- fine: the table was created above and is empty, so a plain CREATE
-- INDEX blocks nobody.
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

-- FLAW (add-column-not-null-without-default): customers has 2,000 rows,
-- all of which would violate NOT NULL; the statement fails, and an
-- application version that does not know the column cannot insert.
ALTER TABLE customers ADD COLUMN loyalty_tier text NOT NULL;

-- fine: a constant default is stored in the catalog since PostgreSQL 11;
-- no rewrite, and NOT NULL holds at once.
ALTER TABLE orders ADD COLUMN gift boolean NOT NULL DEFAULT false;

ALTER TABLE orders ADD COLUMN shipping_address_id bigint;
-- FLAW (pg-add-fk-without-not-valid): checks every row of orders while
-- both tables are locked against writes.
ALTER TABLE orders ADD CONSTRAINT orders_shipping_address_id_fkey
	FOREIGN KEY (shipping_address_id) REFERENCES addresses (id);

-- FLAW (alter-column-type): integer to bigint rewrites orders and all its
-- indexes under ACCESS EXCLUSIVE; nobody can read or write it meanwhile.
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;

-- FLAW (pg-create-index-not-concurrently): blocks every INSERT, UPDATE
-- and DELETE on orders until the build ends.
CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);

-- FLAW (update-without-where): the filter was commented out while testing
-- and never put back; every product goes inactive.
UPDATE products
SET active = false
-- WHERE category = 'music'
;

COMMIT;
