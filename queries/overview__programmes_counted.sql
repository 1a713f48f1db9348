-- Purpose: the programmes the start-page student headlines count: every CROHO code of the
--   selected groups, with the last year in which each DUO measure holds students for it.
-- Grain: one row per programme code in $programmes.
-- Params: $programmes varchar[] (CROHO codes of the selected groups).
-- Columns: programme_group, programme_code, programme_name, last_enrolled, last_first_years,
--   last_graduates (last year with rows for that measure; NULL = none in the files).
-- Source: programme_groups (data/reference/programme_groups.csv), students (duo_* snapshots).
with years as (
    select
        programme_code,
        max(year) filter (where measure = 'enrolled') as last_enrolled,
        max(year) filter (where measure = 'first_years') as last_first_years,
        max(year) filter (where measure = 'graduates') as last_graduates
    from students
    where list_contains($programmes, programme_code)
    group by programme_code
)

select
    g.programme_group,
    g.programme_code,
    g.programme_name,
    y.last_enrolled,
    y.last_first_years,
    y.last_graduates
from programme_groups as g
left join years as y on g.programme_code = y.programme_code
where list_contains($programmes, g.programme_code)
order by g.programme_group, g.programme_name
