-- Purpose: one DUO measure for one year per region of a level (hogeschool location), for the map.
-- Grain: one row per region of $level (all regions, also those without a hogeschool).
-- Params: $measure varchar; $breakdowns varchar[]; $programmes varchar[]; $study_modes varchar[]
--   (NULL = all); $genders varchar[] (NULL = all); $institution varchar (NULL = all) – as in
--   students__yearly; $level varchar (provincie | arbeidsmarktregio | gemeente); $year integer;
--   $base_year integer (index = 100).
-- Columns: region_code, region_name, student_count (NULL: no hogeschool location, or only '<5'
--   cells), suppressed_cells, is_suppressed_only (only '<5' cells: "<5", never 0, not ranked),
--   population (1 Jan of $year; NULL before 2019), is_population_estimate (reconstructed onto the
--   2023 division), per_1000 (students at hogeschool locations in
--   the region per 1,000 inhabitants), base_count, index_value (NULL when $base_year has another
--   definition than $year), rank_desc (1 = most students; only regions with a published count).
-- Source: students (through the macro in queries/views/student_selection.sql), population.
with counts as (
    select
        region_code,
        sum(student_count) filter (where year = $year) as student_count,
        count(*) filter (where year = $year) as cells,
        count(*) filter (where year = $year and is_suppressed) as suppressed_cells,
        sum(student_count) filter (where year = $base_year) as base_count
    from
        student_selection(
            $measure, $breakdowns, $programmes, $study_modes, $genders, $institution,
            sel_level := $level
        )
    where year in ($year, $base_year)
    group by region_code
),

same_definition as (
    select count(distinct definition) = 1 as is_same
    from
        student_selection(
            $measure, $breakdowns, $programmes, $study_modes, $genders, $institution
        )
    where year in ($year, $base_year)
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
        population,
        is_reconstructed
    from population
    where region_level = $level and year = $year
)

select
    r.region_code,
    r.region_name,
    c.student_count,
    coalesce(c.suppressed_cells, 0) as suppressed_cells,
    coalesce(c.cells > 0 and c.student_count is null, false) as is_suppressed_only,
    p.population,
    coalesce(p.is_reconstructed, false) as is_population_estimate,
    round(1000.0 * c.student_count / nullif(p.population, 0), 2) as per_1000,
    case when d.is_same then c.base_count end as base_count,
    case when d.is_same then round(100.0 * c.student_count / nullif(c.base_count, 0), 1) end
        as index_value,
    case
        when c.student_count is not null
            then rank() over (order by c.student_count desc nulls last)
    end as rank_desc
from regions as r
cross join same_definition as d
left join counts as c on r.region_code = c.region_code
left join pop as p on r.region_code = p.region_code
order by r.region_code
