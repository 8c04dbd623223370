DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT `a``b`, 'x\'y', "q" # c
; END //
DELIMITER ;
/*!50100 SELECT @v:=@@global.x */; SELECT /*+ BKA(t) */ ? FROM t --c
-- real
;