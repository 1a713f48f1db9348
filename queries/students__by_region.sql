-- Purpose: one DUO measure for one year per region of a level (hogeschool location), for the map.
-- Grain: one row per region of $level (all regions, also those without a hogeschool).
-- Params: $measure varchar; $breakdowns varchar[]; $programmes varchar[]; $study_modes varchar[]
--   (NULL = all); $genders varchar[] (NULL = all); $institution varchar (NULL = all) – as in
--   students__yearly; $level varchar (provincie | arbeidsmarktregio | gemeente); $year integer;
--   $base_year integer (index = 100).
-- Columns: region_code, region_name, student_count (NULL: no hogeschool location), suppressed_cells,
--   population (1 Jan of $year; NULL before 2019), per_1000 (students per 1,000 inhabitants),
--   base_count, index_value, rank_desc (1 = most students).
-- Source: students, population.
with selection as (
    select
        year,
        student_count,
        is_suppressed,
        case $level
            when 'provincie' then provincie_code
            when 'arbeidsmarktregio' then arbeidsmarktregio_code
            when 'gemeente' then gemeente_code
        end as region_code
    from students
    where
        measure = $measure
        and list_contains($breakdowns, breakdown)
        and list_contains($programmes, programme_code)
        and ($study_modes is null or list_contains($study_modes, study_mode))
        and ($genders is null or list_contains($genders, gender))
        and ($institution is null or institution_code = $institution)
        and year in ($year, $base_year)
),

counts as (
    select
        region_code,
        sum(student_count) filter (where year = $year) as student_count,
        count(*) filter (where year = $year) as cells,
        count(*) filter (where year = $year and is_suppressed) as suppressed_cells,
        sum(student_count) filter (where year = $base_year) as base_count
    from selection
    group by region_code
),

regions as (
    select distinct
        region_code,
        region_name
    from population
    where region_level = $level
),

pop as (
    select
        region_code,
        population
    from population
    where region_level = $level and year = $year
)

select
    r.region_code,
    r.region_name,
    case when c.cells > 0 then coalesce(c.student_count, 0) end as student_count,
    coalesce(c.suppressed_cells, 0) as suppressed_cells,
    p.population,
    round(1000.0 * c.student_count / nullif(p.population, 0), 2) as per_1000,
    c.base_count,
    round(100.0 * c.student_count / nullif(c.base_count, 0), 1) as index_value,
    case when c.cells > 0 then rank() over (order by c.student_count desc nulls last) end
        as rank_desc
from regions as r
left join counts as c on r.region_code = c.region_code
left join pop as p on r.region_code = p.region_code
order by r.region_code
