-- pg-add-fk-without-not-valid: foreign keys validated while writes wait.
SET lock_timeout = '5s';

-- expect: pg-add-fk-without-not-valid
ALTER TABLE orders
    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);

-- expect: pg-add-fk-without-not-valid
ALTER TABLE ONLY public.order_lines
    ADD FOREIGN KEY (order_id) REFERENCES public.orders (id) ON DELETE CASCADE;

-- a new column with an inline REFERENCES is checked too
-- expect: pg-add-fk-without-not-valid
ALTER TABLE payments ADD COLUMN IF NOT EXISTS refund_of bigint REFERENCES payments (id);

-- near-miss: pg-add-fk-without-not-valid
ALTER TABLE orders
    ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;

-- near-miss: pg-add-fk-without-not-valid
ALTER TABLE orders VALIDATE CONSTRAINT orders_coupon_fk;

-- a table created in this script is empty
CREATE TABLE IF NOT EXISTS shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL
);

CREATE INDEX IF NOT EXISTS shipments_order_idx ON shipments (order_id);

-- near-miss: pg-add-fk-without-not-valid
ALTER TABLE shipments
    ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
