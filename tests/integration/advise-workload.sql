-- calls: 1000
SELECT id, pad FROM adv.pairs WHERE a = 4242;
-- calls: 1000
SELECT id, pad FROM adv.pairs WHERE b = 1717;
-- calls: 500
SELECT payload FROM adv.docs WHERE k = 77;
-- calls: 100000
INSERT INTO adv.events (id, kind, note) VALUES (1000001, 7, 'x');
-- calls: 1
SELECT id FROM adv.events WHERE kind = 3;
-- calls: 800
SELECT price FROM adv.prices WHERE sku = 123;
-- calls: 300
SELECT day, value FROM adv.readings WHERE sensor = 42;
