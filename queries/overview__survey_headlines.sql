-- Purpose: the Raadpleging figures that headline the start page, in their chosen order; the
--   choice lives in data/reference/start_headlines.csv (never a report line in code).
-- Grain: one row per headline of the given survey round (at most one survey answer each).
-- Params: $survey_year integer (the survey round shown, from the catalog: the current round).
-- Columns: position, label, explanation (headline text), chapter, chapter_title, ref, question,
--   answer, value (number as reported), unit, survey_year, n (base of the question), is_hedged,
--   hedge, line (seed 004).
-- Source: start_headlines (data/reference/start_headlines.csv), raadpleging (chNN.csv).
select
    h.position,
    h.label,
    h.explanation,
    r.chapter,
    r.chapter_title,
    r.ref,
    r.question,
    r.answer,
    r.value,
    r.unit,
    r.survey_year,
    r.n,
    r.is_hedged,
    r.hedge,
    r.line
from start_headlines as h
inner join raadpleging as r on h.figure_id = r.figure_id
where
    r.survey_year = $survey_year
    and r.source_kind = 'raadpleging'
    and r.unit in ('percent', 'percent_of_time')
order by h.position
