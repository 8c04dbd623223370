-- suspicious-unicode (MySQL)

-- expect: suspicious-unicode
SELECT id FROM customers WHERE id = 42;

-- near-miss: suspicious-unicode
SELECT id FROM customers WHERE name = '‘quoted’' #   in a comment
  AND id > 0;
