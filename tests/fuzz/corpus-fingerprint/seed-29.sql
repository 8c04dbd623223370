select * from t where a in (1, 2) and b in ('x') and c not in (3);
select * from t where a = ? and b = ?;
select * from t where col = :name;
select * from t force index (idx_1) where a = 1;
select * from t where a = 1 for update;
select * from t where a = 1 lock in share mode;
