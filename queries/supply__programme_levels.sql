-- Purpose: which kinds of hbo degree (bachelor, master, associate degree) a set of programmes
--   holds in the DUO files of one measure, so a label can say what the groups contain.
-- Grain: one row per programme group × education type present in the data.
-- Params: $measure varchar (enrolled|first_years|graduates); $programmes varchar[] (CROHO codes).
-- Columns: programme_group, education_type ('bachelor' | 'master' | 'associate degree'),
--   programme_count (distinct CROHO codes with rows), first_year, last_year.
-- Source: students (duo_* snapshots joined to programme_groups, queries/views/students.sql).
select
    programme_group,
    education_type,
    count(distinct programme_code) as programme_count,
    min(year) as first_year,
    max(year) as last_year
from students
where
    measure = $measure
    and list_contains($programmes, programme_code)
    and education_type is not null
group by programme_group, education_type
order by programme_group, education_type
