-- Purpose: the chapters of the Raadpleging report (seed 004) with their largest stated base and
--   how many figures the report text gives, for the chapter navigator and the coverage note.
-- Grain: one row per chapter (0 = Voorwoord/Inleiding).
-- Params: $previous_round integer (survey year of the previous round, from the catalog; NULL =
--   previous_round_count 0).
-- Columns: chapter, chapter_title, max_n (largest n stated in the chapter; NULL = none stated),
--   figure_count (transcribed figures), question_count, ref_count (captioned tables/figures with
--   at least one figure in the text), previous_round_count (figures of the previous round),
--   first_line, last_line (lines in seed 004).
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
select
    chapter,
    chapter_title,
    max(n) as max_n,
    count(*) as figure_count,
    count(distinct question) as question_count,
    count(distinct ref) filter (where ref <> 'tekst') as ref_count,
    count(*) filter (where survey_year = $previous_round) as previous_round_count,
    min(line) as first_line,
    max(line) as last_line
from raadpleging
group by chapter, chapter_title
order by chapter
