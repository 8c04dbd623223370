-- too-many-indexes: more than 10 indexes on one table (key constraints count).

CREATE TABLE IF NOT EXISTS products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL,
    name text NOT NULL,
    brand text,
    color text,
    size text,
    weight_g integer,
    price numeric(12, 2),
    stock integer,
    created_at timestamptz,
    updated_at timestamptz
);

CREATE INDEX IF NOT EXISTS products_sku_idx ON products (sku);

CREATE INDEX IF NOT EXISTS products_name_idx ON products (name);

CREATE INDEX IF NOT EXISTS products_brand_idx ON products (brand);

CREATE INDEX IF NOT EXISTS products_color_idx ON products (color);

CREATE INDEX IF NOT EXISTS products_size_idx ON products (size);

CREATE INDEX IF NOT EXISTS products_weight_g_idx ON products (weight_g);

CREATE INDEX IF NOT EXISTS products_price_idx ON products (price);

CREATE INDEX IF NOT EXISTS products_stock_idx ON products (stock);

-- the tenth index: ten in all, still fine
-- near-miss: too-many-indexes
CREATE INDEX IF NOT EXISTS products_created_at_idx ON products (created_at);

-- the eleventh
-- expect: too-many-indexes
CREATE INDEX IF NOT EXISTS products_updated_at_idx ON products (updated_at);

-- a table with exactly ten indexes
CREATE TABLE IF NOT EXISTS variants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    a1 integer,
    a2 integer,
    a3 integer,
    a4 integer,
    a5 integer,
    a6 integer,
    a7 integer,
    a8 integer,
    a9 integer
);

CREATE INDEX IF NOT EXISTS variants_a1_idx ON variants (a1);

CREATE INDEX IF NOT EXISTS variants_a2_idx ON variants (a2);

CREATE INDEX IF NOT EXISTS variants_a3_idx ON variants (a3);

CREATE INDEX IF NOT EXISTS variants_a4_idx ON variants (a4);

CREATE INDEX IF NOT EXISTS variants_a5_idx ON variants (a5);

CREATE INDEX IF NOT EXISTS variants_a6_idx ON variants (a6);

CREATE INDEX IF NOT EXISTS variants_a7_idx ON variants (a7);

CREATE INDEX IF NOT EXISTS variants_a8_idx ON variants (a8);

-- near-miss: too-many-indexes
CREATE INDEX IF NOT EXISTS variants_a9_idx ON variants (a9);
