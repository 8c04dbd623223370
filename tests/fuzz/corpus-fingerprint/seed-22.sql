select 1 /*x.y:2/3*/;
select /*db_1.tbl:12/345*/ 1;
select /* db.tbl:1/5 */ 1;
call my_proc(1, "a");
  CALL db.proc_2 (1);
call p;
