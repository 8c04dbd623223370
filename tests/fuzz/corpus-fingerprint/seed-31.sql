select * from t where a = 'x';;
select 1 ;  ;
SELECT 1; SELECT 2;
with cte as (select 1 as a) select * from cte;
   select   *   from   t   where   a   =   1   ;
select * from t	where	a = 1;
