-- Runs outside a transaction and is expected to fail: the duplicate codes
-- make the concurrent unique build fail and leave an invalid index behind.
CREATE UNIQUE INDEX CONCURRENTLY coupons_code_key ON app.coupons (code);
