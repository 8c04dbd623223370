-- alter-column-type: type changes that rewrite the table.
SET lock_timeout = '5s';

-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;

-- expect: alter-column-type
ALTER TABLE public.payments
    ALTER COLUMN amount SET DATA TYPE numeric(14, 2) USING amount::numeric(14, 2);

-- the old length is unknown: varchar(255) may be narrower
-- expect: alter-column-type
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(255);

-- binary coercible: no rewrite
-- near-miss: alter-column-type
ALTER TABLE orders ALTER COLUMN note TYPE text;

-- near-miss: alter-column-type
ALTER TABLE users ALTER COLUMN bio TYPE varchar;

CREATE TABLE IF NOT EXISTS products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(100) NOT NULL,
    code varchar(40) NOT NULL,
    stock integer NOT NULL
);

-- widening a varchar whose length is known
-- near-miss: alter-column-type
ALTER TABLE products ALTER COLUMN name TYPE varchar(200);

-- narrowing is checked row by row
-- expect: alter-column-type
ALTER TABLE products ALTER COLUMN code TYPE varchar(20);

-- integer to text is a real conversion
-- expect: alter-column-type
ALTER TABLE products ALTER COLUMN stock TYPE text;

-- near-miss: alter-column-type
ALTER TABLE products ALTER COLUMN stock SET DEFAULT 0;
