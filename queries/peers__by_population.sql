-- Purpose: the peer group of one region: the regions of the same level closest in population in
--   the latest population year (ties broken on region_code), plus the region itself.
-- Grain: one row per region: the region itself (peer_rank 0) and $peer_count peers (1..n).
-- Params: $level varchar (provincie | arbeidsmarktregio | gemeente); $region_code varchar (the
--   region, of $level); $peer_count integer (number of peers; never NULL).
-- Columns: peer_rank (0 = the region, 1 = closest), region_code, region_name, population (1 Jan of
--   population_year), population_diff (absolute difference with the region), population_year.
-- Source: population (CBS 03759ned, 2023 gemeente division).
with latest as (
    select max(year) as population_year
    from population
    where region_level = $level
),

pop as (
    select
        p.region_code,
        p.region_name,
        p.population,
        p.year as population_year
    from population as p
    inner join latest as l on p.year = l.population_year
    where p.region_level = $level and p.population is not null
),

target as (
    select population
    from pop
    where region_code = $region_code
),

ranked as (
    select
        p.region_code,
        p.region_name,
        p.population,
        p.population_year,
        abs(p.population - t.population) as population_diff,
        case
            when p.region_code = $region_code then 0
            else row_number() over (
                partition by p.region_code = $region_code
                order by abs(p.population - t.population), p.region_code
            )
        end as peer_rank
    from pop as p
    cross join target as t
)

select
    peer_rank,
    region_code,
    region_name,
    population,
    population_diff,
    population_year
from ranked
where peer_rank <= $peer_count
order by peer_rank, region_code
