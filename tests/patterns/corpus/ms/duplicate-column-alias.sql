-- duplicate-column-alias (SQL Server, including alias = expr)

-- expect: duplicate-column-alias
SELECT o.id, [day] = o.created_at, o.shipped_at AS Day FROM dbo.orders o WHERE o.id = 1;

-- near-miss: duplicate-column-alias
SELECT o.id, created_day = o.created_at, o.shipped_at AS shipped_day FROM dbo.orders o WHERE o.id = 1;
