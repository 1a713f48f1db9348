-- Purpose: share of graduates that studied part-time or dual (deeltijd/duaal) per programme
--   group, in the last diploma year for which DUO publishes programme × study mode together.
-- Grain: one row per programme group (only the last such year).
-- Params: $programmes varchar[] (CROHO codes).
-- Columns: programme_group, year (diploma year), graduate_count (all study modes, published
--   cells), part_time_count (deeltijd + duaal), part_time_share_pct (part_time_count /
--   graduate_count × 100), suppressed_cells (cells '<5'; > 0 = counts are minimal).
-- Source: students (duo_graduates: only the 2014-2018 file crosses programme and study mode;
--   the 2019+ files publish them in separate tables).
with crossed as (
    select
        programme_group,
        year,
        study_mode,
        student_count,
        is_suppressed
    from students
    where
        measure = 'graduates'
        and list_contains($programmes, programme_code)
        and study_mode is not null
),

last_year as (
    select max(year) as year
    from crossed
),

per_group as (
    select
        c.programme_group,
        c.year,
        sum(c.student_count) as graduate_count,
        sum(c.student_count) filter (where c.study_mode in ('deeltijd', 'duaal'))
            as part_time_count,
        count(*) filter (where c.is_suppressed) as suppressed_cells
    from crossed as c
    inner join last_year as l on c.year = l.year
    group by c.programme_group, c.year
)

select
    programme_group,
    year,
    graduate_count,
    coalesce(part_time_count, 0) as part_time_count,
    round(100.0 * coalesce(part_time_count, 0) / nullif(graduate_count, 0), 1)
        as part_time_share_pct,
    suppressed_cells
from per_group
order by programme_group
