-- Purpose: the years in which DUO publishes a measure cross-tabulated (programme × study mode ×
--   gender in one table): only those years can answer a study-mode or gender filter.
-- Grain: one row per measure that has a cross-tabulated table.
-- Params: none.
-- Columns: measure, first_year, last_year (of breakdown 'volledig').
-- Source: students (queries/views/students.sql).
select
    measure,
    min(year) as first_year,
    max(year) as last_year
from students
where breakdown = 'volledig'
group by measure
order by measure
