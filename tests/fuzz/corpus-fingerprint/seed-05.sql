insert into t set a=1, b=(2), c=(3);
insert into t select * from u where a in (1,2);
insert into t
values (1),(2) x;
insert into t values (1),
(2),
(3);
insert into t values
 (1, 'multi
line string'),(2, 'b');
INSERT INTO `shop`.`orders_2021` (`id`,`total`) VALUES (1,-2.5),(2,3e4),(3,NULL);
