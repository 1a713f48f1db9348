-- Purpose: one DUO measure per year for a region, each of its peers, the peer group as a whole and
--   Nederland (hogeschool location), with population, per 1,000 inhabitants and an index.
-- Grain: one row per year × definition × series region (the region, each peer, 'PEERS', 'NL01').
-- Params: $measure varchar; $breakdowns varchar[]; $programmes varchar[]; $study_modes varchar[]
--   (NULL = all); $genders varchar[] (NULL = all); $institution varchar (NULL = all) – as in
--   students__yearly; $level varchar (provincie | arbeidsmarktregio | gemeente); $region_code
--   varchar (the region, of $level); $peer_codes varchar[] (peer regions of $level; empty = none);
--   $base_year integer (index = 100).
-- Columns: year, definition, series ('region' | 'peer' | 'peers' | 'nl'), region_code (PEERS for
--   the group), region_name, student_count (NULL: no hogeschool location in the region, or only
--   '<5' cells; for the group the sum over peers, a peer without location counting 0),
--   suppressed_cells, is_suppressed_only (only '<5' cells: "<5", never 0), no_location_count (group
--   row: peers without a hogeschool location, counted as 0), population (1 Jan of year; NULL
--   before 2019), is_population_estimate (population reconstructed onto the 2023 division),
--   per_1000 (students at hogeschool locations per 1,000 inhabitants), base_count,
--   index_value (base_year = 100; NULL when base_year has another definition).
-- Source: students (through the macro in queries/views/student_selection.sql), population.
with selection as (
    select
        year,
        definition,
        student_count,
        is_suppressed,
        region_code
    from student_selection(
        $measure, $breakdowns, $programmes, $study_modes, $genders, $institution,
        sel_level := $level
    )
),

years as (
    select distinct
        year,
        definition
    from selection
),

members as (
    select
        region_code,
        region_name,
        case when region_code = $region_code then 'region' else 'peer' end as series
    from population
    where
        region_level = $level
        and (region_code = $region_code or list_contains($peer_codes, region_code))
        and year = (select max(latest.year) from population as latest)
),

grid as (
    select
        y.year,
        y.definition,
        m.series,
        m.region_code,
        m.region_name
    from years as y
    cross join members as m
),

per_region as (
    select
        g.year,
        g.definition,
        g.series,
        g.region_code,
        g.region_name,
        sum(s.student_count) as student_count,
        count(s.region_code) as cells,
        count(s.region_code) filter (where s.is_suppressed) as suppressed_cells,
        any_value(p.population) as population,
        coalesce(bool_or(p.is_reconstructed), false) as is_population_estimate
    from grid as g
    left join selection as s
        on
            g.region_code = s.region_code
            and g.year = s.year
            and g.definition = s.definition
    left join population as p
        on g.region_code = p.region_code and g.year = p.year and p.region_level = $level
    group by g.year, g.definition, g.series, g.region_code, g.region_name
),

stacked as (
    select
        year,
        definition,
        series,
        region_code,
        region_name,
        student_count,
        cells,
        suppressed_cells,
        null::bigint as no_location_count,
        population,
        is_population_estimate
    from per_region
    union all
    -- the peer group as one series
    select
        year,
        definition,
        'peers' as series,
        'PEERS' as region_code,
        'Vergelijkbare regio''s (samen)' as region_name,
        case
            when sum(student_count) is null and sum(suppressed_cells) > 0 then null
            else coalesce(sum(student_count), 0)
        end as student_count,
        sum(cells) as cells,
        sum(suppressed_cells) as suppressed_cells,
        count(*) filter (where cells = 0) as no_location_count,
        sum(population) as population,
        bool_or(is_population_estimate) as is_population_estimate
    from per_region
    where series = 'peer'
    group by year, definition
    union all
    -- Nederland: every cell of the selection
    select
        s.year,
        s.definition,
        'nl' as series,
        'NL01' as region_code,
        'Nederland' as region_name,
        sum(s.student_count) as student_count,
        count(*) as cells,
        count(*) filter (where s.is_suppressed) as suppressed_cells,
        null::bigint as no_location_count,
        any_value(p.population) as population,
        false as is_population_estimate
    from selection as s
    left join population as p
        on s.year = p.year and p.region_level = 'nl'
    group by s.year, s.definition
)

select
    s.year,
    s.definition,
    s.series,
    s.region_code,
    s.region_name,
    s.student_count,
    s.suppressed_cells,
    coalesce(s.cells > 0 and s.student_count is null, false) as is_suppressed_only,
    s.no_location_count,
    s.population,
    s.is_population_estimate,
    round(1000.0 * s.student_count / nullif(s.population, 0), 3) as per_1000,
    b.student_count as base_count,
    round(100.0 * s.student_count / nullif(b.student_count, 0), 1) as index_value
from stacked as s
left join stacked as b
    on
        s.region_code = b.region_code
        and s.definition = b.definition
        and b.year = $base_year
order by
    s.year,
    s.definition,
    case s.series when 'region' then 0 when 'peers' then 1 when 'nl' then 2 else 3 end,
    s.region_code
