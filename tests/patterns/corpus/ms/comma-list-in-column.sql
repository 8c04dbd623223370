-- comma-list-in-column: several values kept in one string column.
BEGIN TRANSACTION;

-- expect: comma-list-in-column
CREATE TABLE dbo.articles (
	id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	title nvarchar(200) NOT NULL,
	tag_ids nvarchar(400) NULL
);

-- expect: comma-list-in-column
SELECT a.id, a.title
FROM dbo.articles AS a
CROSS APPLY STRING_SPLIT(a.tag_ids, ',') AS s
WHERE s.value = @tag_id;

-- splitting a parameter is how lists are passed in
-- near-miss: comma-list-in-column
SELECT a.id FROM dbo.articles AS a WHERE a.id IN (SELECT CAST(value AS bigint) FROM STRING_SPLIT(@ids, ','));

COMMIT TRANSACTION;
