USE `my_db`;
use db x;
use	db;
use  db;
USE db;
administrator command: Ping;
