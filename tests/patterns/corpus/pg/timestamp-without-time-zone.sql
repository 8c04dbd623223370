-- timestamp-without-time-zone: timestamp columns that drop the UTC offset.
SET lock_timeout = '5s';

-- expect: timestamp-without-time-zone
CREATE TABLE IF NOT EXISTS logins (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamp NOT NULL DEFAULT now()
);

-- expect: timestamp-without-time-zone
CREATE TABLE IF NOT EXISTS shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipped_at timestamp(3) without time zone
);

-- expect: timestamp-without-time-zone
ALTER TABLE public.orders ADD COLUMN IF NOT EXISTS cancelled_at timestamp;

-- expect: timestamp-without-time-zone, alter-column-type
ALTER TABLE public.orders ALTER COLUMN paid_at TYPE timestamp;

-- near-miss: timestamp-without-time-zone
CREATE TABLE IF NOT EXISTS logins_v2 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamp with time zone,
    birthday date,
    opens_at time
);

-- near-miss: timestamp-without-time-zone
SELECT l.id, l.created_at::timestamp AS local_time FROM logins_v2 l WHERE l.id = $1;

-- near-miss: timestamp-without-time-zone
CREATE TABLE IF NOT EXISTS clock_samples (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    timestamp_ms bigint NOT NULL
);
