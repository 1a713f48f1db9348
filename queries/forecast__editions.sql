-- Purpose: projected labour-market shortages from the AZW prognosemodel, per edition (model
--   vintage) and year, for the branche sociaal werk and zorg en welzijn as a whole. Each edition
--   is its own series: never one line across editions.
-- Grain: one row per edition × branch × year (year NULL for the undated older prognosis).
-- Params: none.
-- Columns: edition ('2022-2031' | '2024-2033' | 'scenario-2024' | 'ongedateerd'),
--   edition_label (Dutch label), edition_first_year, edition_last_year, branch,
--   is_sociaal_werk, year, period_label, shortage_count (persons), is_approximate ('zo''n'),
--   note, publisher, published (NULL: unknown), url, quote.
-- Source: azw_sociaal_werk (measure 'tekort_prognose').
select
    edition,
    edition_label,
    edition_first_year,
    edition_last_year,
    branch,
    branch = 'AZW branche Sociaal werk' as is_sociaal_werk,
    year,
    period_label,
    value as shortage_count,
    is_approximate,
    note,
    publisher,
    published,
    url,
    quote
from azw_sociaal_werk
where measure = 'tekort_prognose'
order by edition_last_year nulls last, edition, branch, year nulls last
