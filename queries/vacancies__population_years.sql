-- Purpose: the years with province population figures, so the per-1,000 vacancy value can say
--   from when it is available.
-- Grain: one row (the whole population table at provincie level).
-- Params: none.
-- Columns: first_year, last_year (1 January of the year, CBS 03759ned).
-- Source: population.
select
    min(year) as first_year,
    max(year) as last_year
from population
where region_level = 'provincie'
order by first_year
