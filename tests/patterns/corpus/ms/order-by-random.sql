-- order-by-random: ORDER BY NEWID().

-- expect: order-by-random
SELECT TOP (5) id, body FROM dbo.quotes WHERE active = 1 ORDER BY NEWID();

-- expect: order-by-random
SELECT TOP (1) id FROM dbo.banners WHERE campaign_id = @c ORDER BY CHECKSUM(NEWID());

-- near-miss: order-by-random
SELECT TOP (5) id, body FROM dbo.quotes WHERE active = 1 ORDER BY id;

-- near-miss: order-by-random
SELECT NEWID() AS token, id FROM dbo.quotes WHERE active = 1 ORDER BY id;
