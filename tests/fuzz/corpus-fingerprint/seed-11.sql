select 1 /* x */;
/* x */ select 1;
# hi
select 1;
select 1 # c;
select 1 -- c;
select 1 --c;
