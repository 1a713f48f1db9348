-- Purpose: every region a user can pick, with its parents, on the 2023 gemeente division.
-- Grain: one row per region (NL, 12 provincies, 35 arbeidsmarktregio's, 342 gemeenten).
-- Params: none.
-- Columns: region_level, region_code, region_name, provincie_code, provincie_name,
--   arbeidsmarktregio_code, arbeidsmarktregio_name, population_latest (1 Jan of the latest year).
-- Source: population, regions_gemeente.
with pop as (
    select
        region_level,
        region_code,
        region_name,
        population
    from population
    where year = (select max(latest.year) from population as latest)
),

parents as (
    select
        gemeente_code,
        provincie_code,
        provincie_name,
        arbeidsmarktregio_code,
        arbeidsmarktregio_name
    from regions_gemeente
)

select
    p.region_level,
    p.region_code,
    p.region_name,
    g.provincie_code,
    g.provincie_name,
    g.arbeidsmarktregio_code,
    g.arbeidsmarktregio_name,
    p.population as population_latest
from pop as p
left join parents as g on p.region_code = g.gemeente_code
order by
    case p.region_level
        when 'nl' then 0 when 'provincie' then 1 when 'arbeidsmarktregio' then 2 else 3
    end,
    p.region_name
