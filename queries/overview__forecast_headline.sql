-- Purpose: the AZW forecast shortage of one occupation in one branche, start and end year.
-- Grain: one row per year (2021 and 2031).
-- Params: $branche varchar (e.g. 'welzijn'); $occupation varchar (e.g. 'sociaal werk').
-- Columns: year, year_label ('2021', 'nu', '2031 (afgeleid)'), value (employees short),
--   value_text, is_hedged, hedge, line (seed 001), note.
-- Source: azw_prognose (data/transcribed/azw_prognose.csv).
select
    year,
    year_label,
    value,
    value_text,
    is_hedged,
    hedge,
    line,
    note
from azw_prognose
where branche = $branche and occupation = $occupation
order by year
