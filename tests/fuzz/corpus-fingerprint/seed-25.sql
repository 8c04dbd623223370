administrator command: Quit ;
Administrator command: X;
administrator command: Init DB;
administrator command: Binlog Dump;
SHOW TABLES;
SHOW CREATE TABLE `t_1`;
