-- Purpose: expected staff shortages from the AZW prognosemodel, as cited in the seed report,
--   per branche and occupation, base year and 2031.
-- Grain: one row per branche × occupation × year.
-- Params: none.
-- Columns: branche, occupation, year, year_label (as the text words it: 2021, nu,
--   2031 (afgeleid)), shortage_count (employees), value_text, is_hedged, hedge ('tot' = upper
--   bound), is_inferred_year, note, document, line.
-- Source: azw_prognose (transcribed from seed 001, r.1825-1837).
select
    branche,
    occupation,
    year,
    year_label,
    value as shortage_count,
    value_text,
    is_hedged,
    hedge,
    year_label like '%afgeleid%' as is_inferred_year,
    note,
    document,
    line
from azw_prognose
order by
    case branche when 'welzijn' then 1 when 'jeugdzorg' then 3 else 2 end,
    occupation,
    year
