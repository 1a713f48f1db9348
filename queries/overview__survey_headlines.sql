-- Purpose: a handful of Raadpleging figures for the start page, picked by their report line.
-- Grain: one row per transcribed survey answer (no context figure) on the given lines of seed 004.
-- Params: $lines integer[] (1-based line numbers in the report text; empty list = no rows).
-- Columns: chapter, chapter_title, ref, question, answer, value (number as reported), unit,
--   survey_year, n (base of the question), is_hedged, hedge, line.
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv).
select
    chapter,
    chapter_title,
    ref,
    question,
    answer,
    value,
    unit,
    survey_year,
    n,
    is_hedged,
    hedge,
    line
from raadpleging
where
    list_contains($lines, line)
    and survey_year = 2024
    and unit in ('percent', 'percent_of_time')
    and source_kind = 'raadpleging'
order by line, answer
