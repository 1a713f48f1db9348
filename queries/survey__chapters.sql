-- Purpose: the chapters of the Grote Raadpleging Sociaal Werk 2025 with their largest stated base
--   and how many figures the report text gives, for the chapter navigator and the coverage note.
-- Grain: one row per chapter (0 = Voorwoord/Inleiding).
-- Params: none.
-- Columns: chapter, chapter_title, max_n (largest n stated in the chapter; NULL = none stated),
--   figure_count (transcribed figures), question_count, ref_count (captioned tables/figures with
--   at least one figure in the text), year_2020_count (figures of the 2020 round), first_line,
--   last_line (lines in seed 004).
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
select
    chapter,
    chapter_title,
    max(n) as max_n,
    count(*) as figure_count,
    count(distinct question) as question_count,
    count(distinct ref) filter (where ref <> 'tekst') as ref_count,
    count(*) filter (where survey_year = 2020) as year_2020_count,
    min(line) as first_line,
    max(line) as last_line
from raadpleging
group by chapter, chapter_title
order by chapter
