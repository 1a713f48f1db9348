-- Purpose: quarters in CBS 83599NED, for the period filter.
-- Grain: one row per quarter.
-- Params: none.
-- Columns: period_code, year, quarter, is_provisional.
-- Source: cbs_vacancies.
select distinct
    period_code,
    year,
    quarter,
    is_provisional
from cbs_vacancies
order by period_code
