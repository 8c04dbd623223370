-- pg-detach-partition-not-concurrently: detaching under ACCESS EXCLUSIVE.
SET lock_timeout = '5s';

-- expect: pg-detach-partition-not-concurrently
ALTER TABLE measurements DETACH PARTITION measurements_2023;

-- expect: pg-detach-partition-not-concurrently
ALTER TABLE public."Events" DETACH PARTITION public.events_2022_q4;

-- near-miss: pg-detach-partition-not-concurrently
ALTER TABLE measurements DETACH PARTITION measurements_2022 CONCURRENTLY;

-- near-miss: pg-detach-partition-not-concurrently
ALTER TABLE measurements DETACH PARTITION measurements_2021 FINALIZE;

-- near-miss: pg-detach-partition-not-concurrently
ALTER TABLE measurements ATTACH PARTITION measurements_2025
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- a partitioned table created in this script is empty
CREATE TABLE IF NOT EXISTS metrics (
    ts timestamptz NOT NULL,
    value numeric NOT NULL,
    PRIMARY KEY (ts)
) PARTITION BY RANGE (ts);

CREATE TABLE IF NOT EXISTS metrics_2024 PARTITION OF metrics
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- near-miss: pg-detach-partition-not-concurrently
ALTER TABLE metrics DETACH PARTITION metrics_2024;
