-- Purpose: the quarters with not seasonally adjusted vacancy figures (CBS 83599NED plus quarters
--   transcribed from CBS publications) for Nederland, per source kind.
-- Grain: one row per quarter.
-- Params: none.
-- Columns: period_code, year, quarter, quarters_in_year (quarters of that year present; 4 =
--   complete), is_from_publication (not in the StatLine file), is_provisional.
-- Source: vacancies_nsa.
with quarters as (
    select
        period_code,
        year,
        quarter,
        bool_or(source_kind = 'publicatie') as is_from_publication,
        bool_or(is_provisional) as is_provisional
    from vacancies_nsa
    where region_code = 'NL01' and sbi_code = '422400'
    group by period_code, year, quarter
)

select
    period_code,
    year,
    quarter,
    count(*) over (partition by year) as quarters_in_year,
    is_from_publication,
    is_provisional
from quarters
order by period_code
