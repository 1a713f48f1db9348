-- Purpose: which years and definitions each DUO measure holds (the catalog of the Instroom data).
-- Grain: one row per measure × definition.
-- Params: none.
-- Columns: measure, definition, first_year, last_year, years (count), is_newest (the definition
--   of the measure's latest year).
-- Source: students (queries/views/students.sql).
with spans as (
    select
        measure,
        definition,
        min(year) as first_year,
        max(year) as last_year,
        count(distinct year) as years
    from students
    group by measure, definition
)

select
    measure,
    definition,
    first_year,
    last_year,
    years,
    last_year = max(last_year) over (partition by measure) as is_newest
from spans
order by measure, first_year
