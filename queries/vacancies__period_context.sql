-- Purpose: a short Dutch note for a CBS quarter that explains an unusual change in the
--   vacancy figures (e.g. the start of the corona crisis), shown beside that quarter.
-- Grain: one row per quarter that has a note.
-- Params: none.
-- Columns: period_code (CBS code YYYYKWqq), context (Dutch text, shown as plain text).
-- Source: period_context (data/reference/period_context.csv).
select
    period_code,
    context
from period_context
order by period_code
