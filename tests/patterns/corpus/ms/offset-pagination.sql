-- offset-pagination: OFFSET ... FETCH with a deep or variable offset.

-- expect: offset-pagination
SELECT id, title FROM dbo.posts WHERE published = 1
ORDER BY id OFFSET 5000 ROWS FETCH NEXT 20 ROWS ONLY;

-- expect: offset-pagination
SELECT id, title FROM dbo.posts WHERE published = 1
ORDER BY id OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY;

-- near-miss: offset-pagination
SELECT id, title FROM dbo.posts WHERE published = 1
ORDER BY id OFFSET 0 ROWS FETCH NEXT 20 ROWS ONLY;

-- near-miss: offset-pagination
SELECT TOP (20) id, title FROM dbo.posts WHERE published = 1 AND id > @last ORDER BY id;
