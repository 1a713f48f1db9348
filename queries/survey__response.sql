-- Purpose: the response of both rounds as the Inleiding states it (total, complete, partial), for
--   the comparison caveat and the page intro.
-- Grain: one row per survey round (previous and current).
-- Params: $current_round integer, $previous_round integer (survey years of the two rounds, from
--   the catalog; NULL = that round is left out).
-- Columns: survey_year, respondent_count (total respondents), complete_count, partial_count
--   (NULL = not stated), value_variants (distinct totals stated; 1 = consistent).
-- Source: raadpleging chapter 0 (data/transcribed/raadpleging/ch00.csv, seed 004).
select
    survey_year,
    max(value) filter (where answer = 'Totaal respondenten') as respondent_count,
    max(value) filter (where answer = 'Volledig ingevuld') as complete_count,
    max(value) filter (where answer = 'Gedeeltelijk ingevuld') as partial_count,
    count(distinct value) filter (where answer = 'Totaal respondenten') as value_variants
from raadpleging
where
    chapter = 0
    and question = 'Respons raadpleging'
    and unit = 'count'
    and survey_year in ($previous_round, $current_round)
group by survey_year
order by survey_year
