select '/*' from t /* c */ where a=1;
select 1 -- it's;
select 1 # x 'y;
select 1 -- x /* y
 */ 2;
select /**/ 1;
select a/* x */b;
