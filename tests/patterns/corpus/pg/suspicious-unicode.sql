-- suspicious-unicode: invisible or look-alike characters outside strings.

-- curly quotes pasted instead of straight quotes
-- expect: suspicious-unicode
SELECT id FROM customers WHERE name = ‘Smith’;

-- a zero-width space after an identifier
-- expect: suspicious-unicode
SELECT id​ FROM customers WHERE id = 1;

-- a no-break space between an operator and a value
-- expect: suspicious-unicode
SELECT id FROM customers WHERE id = 42;

-- near-miss: suspicious-unicode
SELECT id FROM customers WHERE name = '‘quoted’';

-- inside a comment and a quoted identifier
-- near-miss: suspicious-unicode
SELECT "na​me" FROM customers /* café ’ */ WHERE id = 2;

-- ordinary non-ASCII letters
-- near-miss: suspicious-unicode
SELECT id FROM cafés WHERE ville = 'Montréal';

-- inside a dollar quote
-- near-miss: suspicious-unicode
SELECT id FROM notes WHERE body = $$it’s fine$$;
