-- identifier-too-long: names being created beyond 63 bytes, which
-- PostgreSQL silently truncates.
SET lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount numeric(12, 2) NOT NULL
);

-- expect: identifier-too-long
CREATE INDEX IF NOT EXISTS orders_customer_id_created_at_status_shipping_country_partial_idx
    ON orders (customer_id);

-- expect: identifier-too-long
CREATE TABLE IF NOT EXISTS customer_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note_created_by_customer_service_representative_on_behalf_of_user text
);

-- 61 characters but 64 bytes
-- expect: identifier-too-long
CREATE TABLE IF NOT EXISTS "überweisungen_empfänger_kontonummer_bankleitzahl_prüfziffer_x" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);

-- expect: identifier-too-long
ALTER TABLE orders ADD CONSTRAINT orders_amount_must_be_positive_for_every_non_cancelled_order_chk
    CHECK (amount > 0);

-- expect: identifier-too-long, rename-column
ALTER TABLE orders RENAME COLUMN customer_id TO customer_identifier_from_the_legacy_crm_system_before_the_2019_move;

-- exactly 63 bytes fits
-- near-miss: identifier-too-long
CREATE INDEX IF NOT EXISTS orders_customer_id_created_at_status_shipping_country_partial_i
    ON orders (amount);

-- an alias is not a created object
-- near-miss: identifier-too-long
SELECT o.id AS order_identifier_as_shown_to_the_customer_in_the_confirmation_mail
FROM orders o
WHERE o.id = $1;

-- near-miss: identifier-too-long
COMMENT ON TABLE orders IS 'orders_customer_id_created_at_status_shipping_country_partial_index_v2';
