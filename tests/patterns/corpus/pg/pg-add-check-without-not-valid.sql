-- pg-add-check-without-not-valid: CHECK constraints validated under lock.
SET lock_timeout = '5s';

-- expect: pg-add-check-without-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_qty_positive CHECK (quantity > 0);

-- expect: pg-add-check-without-not-valid
ALTER TABLE public.users
    ADD CONSTRAINT users_email_present CHECK (email <> '');

-- near-miss: pg-add-check-without-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;

-- near-miss: pg-add-check-without-not-valid
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- a foreign key is another rule's business
-- near-miss: pg-add-check-without-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;

CREATE TABLE IF NOT EXISTS coupons (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    percent integer NOT NULL
);

-- near-miss: pg-add-check-without-not-valid
ALTER TABLE coupons ADD CONSTRAINT coupons_percent_range CHECK (percent BETWEEN 1 AND 100);
