-- Purpose: the periods with provincial vacancy figures (not seasonally adjusted), for the Regio
--   vacancy map: full years (mean of four quarters) and the single quarters of incomplete years.
-- Grain: one row per quarter with a value for every provincie in SBI $sbi_code.
-- Params: $sbi_code varchar (SBI 2008 code, e.g. 422400).
-- Columns: period_code, year, quarter, quarters_in_year (quarters of that year present; 4 =
--   complete year), is_from_publication (transcribed from a CBS publication).
-- Source: vacancies_nsa (CBS 83599NED + transcribed NSA quarters).
with per_quarter as (
    select
        period_code,
        year,
        quarter,
        count(vacancy_count) as regions,
        bool_or(source_kind = 'publicatie') as is_from_publication
    from vacancies_nsa
    where region_level = 'provincie' and sbi_code = $sbi_code
    group by period_code, year, quarter
),

provinces as (
    select count(distinct region_code) as n
    from vacancies_nsa
    where region_level = 'provincie'
)

select
    q.period_code,
    q.year,
    q.quarter,
    count(*) over (partition by q.year) as quarters_in_year,
    q.is_from_publication
from per_quarter as q
cross join provinces as p
where q.regions = p.n
order by q.period_code
