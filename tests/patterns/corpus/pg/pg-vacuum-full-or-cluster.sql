-- pg-vacuum-full-or-cluster: table rewrites under ACCESS EXCLUSIVE.
SET lock_timeout = '5s';

-- expect: pg-vacuum-full-or-cluster
VACUUM FULL orders;

-- expect: pg-vacuum-full-or-cluster
VACUUM (FULL, ANALYZE, VERBOSE) public.events;

-- expect: pg-vacuum-full-or-cluster
CLUSTER orders USING orders_created_at_idx;

-- expect: pg-vacuum-full-or-cluster
CLUSTER;

-- near-miss: pg-vacuum-full-or-cluster
VACUUM (ANALYZE) orders;

-- near-miss: pg-vacuum-full-or-cluster
VACUUM (FULL false) orders;

-- near-miss: pg-vacuum-full-or-cluster
ANALYZE orders;
