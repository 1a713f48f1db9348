-- Purpose: hogescholen that offer at least one programme of the curated list (any measure, year).
-- Grain: one row per BRIN code.
-- Params: none.
-- Columns: institution_code, institution_name.
-- Source: students, programme_groups.
select
    institution_code,
    max(institution_name) as institution_name
from students
where programme_group is not null
group by institution_code
order by institution_name, institution_code
