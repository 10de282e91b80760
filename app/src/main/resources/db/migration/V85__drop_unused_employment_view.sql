-- The view employment_labourer (V66) was published for other modules' SQL, but none ever read it: the labour
-- figures are the employment module's own (LabourFigures), and other modules use its Java API. A published view is
-- a promise to keep its columns; an unused one only binds the labourer table, so it goes.
drop view employment_labourer;
