-- Purpose: open vacancies in one SBI sector per quarter for a provincie, each of its peer
--   provincies, the peer group as a whole and Nederland, with per 1,000 inhabitants and an index.
-- Grain: one row per quarter × series region (the provincie, each peer, 'PEERS', 'NL01'); only
--   quarters that exist (not seasonally adjusted); the group only when every peer has a value.
-- Params: $sbi_code varchar (SBI 2008 code, e.g. 422400); $region_code varchar (PVnn);
--   $peer_codes varchar[] (peer provincies PVnn; empty = none); $base_year integer (index: mean
--   of the quarters of $base_year = 100).
-- Columns: period_code, year, quarter, series ('region' | 'peer' | 'peers' | 'nl'), region_code
--   (PEERS for the group), region_name, vacancy_count (persons; group = sum of peers),
--   is_provisional, source_kind ('statline' = 83599NED, 'publicatie' = transcribed from a CBS
--   publication), is_implied (derived from a stated level and change), publisher, url, quote (the
--   quoted sentence; for
--   publicatie rows; NULL for the group), population (1 Jan of year; NULL before 2019), per_1000
--   (one decimal: CBS
--   publishes hundreds), base_mean (mean of the four $base_year quarters, rounded to hundreds;
--   NULL when $base_year is incomplete), index_value (base_year = 100).
-- Source: vacancies_nsa (CBS 83599NED + transcribed NSA quarters), population.
with stacked as (
    select
        period_code,
        year,
        quarter,
        case
            when region_code = $region_code then 'region'
            when region_code = 'NL01' then 'nl'
            else 'peer'
        end as series,
        region_code,
        region_name,
        vacancy_count,
        is_provisional,
        source_kind,
        is_implied,
        publisher,
        url,
        quote
    from vacancies_nsa
    where
        sbi_code = $sbi_code
        and (
            region_code in ($region_code, 'NL01')
            or (region_level = 'provincie' and list_contains($peer_codes, region_code))
        )
    union all
    -- the peer group as one series: only quarters in which every peer has a count
    select
        period_code,
        any_value(year) as year,
        any_value(quarter) as quarter,
        'peers' as series,
        'PEERS' as region_code,
        'Vergelijkbare provincies (samen)' as region_name,
        sum(vacancy_count) as vacancy_count,
        bool_or(is_provisional) as is_provisional,
        case when bool_and(source_kind = 'statline') then 'statline' else 'publicatie' end
            as source_kind,
        bool_or(is_implied) as is_implied,
        null::varchar as publisher,
        null::varchar as url,
        null::varchar as quote
    from vacancies_nsa
    where
        sbi_code = $sbi_code
        and region_level = 'provincie'
        and list_contains($peer_codes, region_code)
        and region_code != $region_code
    group by period_code
    having count(vacancy_count) = len($peer_codes)
),

pop as (
    select
        year,
        region_code,
        population
    from population
    where region_level in ('nl', 'provincie')
    union all
    select
        year,
        'PEERS' as region_code,
        sum(population) as population
    from population
    where region_level = 'provincie' and list_contains($peer_codes, region_code)
    group by year
),

base as (
    select
        region_code,
        avg(vacancy_count) as base_mean
    from stacked
    where year = $base_year
    group by region_code
    having count(vacancy_count) = 4
)

select
    s.period_code,
    s.year,
    s.quarter,
    s.series,
    s.region_code,
    s.region_name,
    s.vacancy_count,
    s.is_provisional,
    s.source_kind,
    s.is_implied,
    s.publisher,
    s.url,
    s.quote,
    p.population,
    round(1000.0 * s.vacancy_count / nullif(p.population, 0), 1) as per_1000,
    round(b.base_mean, -2) as base_mean,
    round(100.0 * s.vacancy_count / nullif(b.base_mean, 0), 1) as index_value
from stacked as s
left join pop as p on s.region_code = p.region_code and s.year = p.year
left join base as b on s.region_code = b.region_code
order by
    s.period_code,
    case s.series when 'region' then 0 when 'peers' then 1 when 'nl' then 2 else 3 end,
    s.region_code
