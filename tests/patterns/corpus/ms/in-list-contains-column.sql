-- in-list-contains-column (SQL Server)

-- expect: in-list-contains-column
DELETE FROM dbo.sessions WHERE [id] IN (5, 6, [id]);

-- near-miss: in-list-contains-column
SELECT id FROM dbo.documents WHERE 42 IN (owner_id, editor_id);
