-- Purpose: the vacaturegraad (open vacancies per 1,000 employee jobs) of the AZW branche sociaal
--   werk and of zorg en welzijn as a whole, as AZW published it; annual averages and
--   end-of-quarter values are different definitions (column definition), never one line.
-- Grain: one row per branch × definition × period.
-- Params: none.
-- Columns: branch, definition ('jaargemiddelde' | 'einde kwartaal'), period_code, period_label,
--   period_type ('year' | 'quarter'), year, quarter, vacaturegraad (vacancies per 1,000 jobs),
--   unit, publisher, published (NULL: unknown), url, quote.
-- Source: azw_sociaal_werk (measure 'vacaturegraad'; azwinfo.nl AZW-kwartaalupdates).
select
    branch,
    definition,
    period_code,
    period_label,
    period_type,
    year,
    quarter,
    value as vacaturegraad,
    unit,
    publisher,
    published,
    url,
    quote
from azw_sociaal_werk
where measure = 'vacaturegraad'
order by branch, definition, period_code
