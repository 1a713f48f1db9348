-- Purpose: the survey rounds in the Raadpleging transcription (current = newest, previous = the
--   one before), with the number of respondents where the report states it.
-- Grain: one row per survey year (survey answers only, not context from other studies).
-- Params: none.
-- Columns: survey_year, respondents (largest n stated for that round), is_current, is_previous.
-- Source: raadpleging.
with rounds as (
    select
        survey_year,
        max(n) as respondents
    from raadpleging
    where source_kind = 'raadpleging' and survey_year is not null
    group by survey_year
)

select
    survey_year,
    respondents,
    survey_year = max(survey_year) over () as is_current,
    dense_rank() over (order by survey_year desc) = 2 as is_previous
from rounds
order by survey_year
