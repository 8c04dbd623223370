  call p(1);
call  p(1);
call p(f(1));
call p();
CALL Sales.Report_2021(@a, 'x');
use mydb;
