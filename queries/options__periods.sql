-- Purpose: quarters with provincial vacancy figures for SBI Q, not seasonally adjusted (CBS
--   83599NED plus quarters transcribed from CBS publications), for the period filter.
-- Grain: one row per quarter.
-- Params: none.
-- Columns: period_code, year, quarter, is_provisional, is_from_publication (not in StatLine).
-- Source: vacancies_nsa.
select
    period_code,
    year,
    quarter,
    bool_or(is_provisional) as is_provisional,
    bool_or(source_kind = 'publicatie') as is_from_publication
from vacancies_nsa
where region_level = 'provincie' and sbi_code = '422400'
group by period_code, year, quarter
order by period_code
