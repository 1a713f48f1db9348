-- Purpose: the questions of one chapter, in report order, for the question selector.
-- Grain: one row per question within the chapter.
-- Params: $chapter integer (chapter number 0-15; NULL = no rows).
-- Columns: question, refs (Tabel/Figuur x.y or tekst, comma-separated), max_n (largest stated base;
--   NULL = none stated), figure_count, first_line, has_multiple_answers,
--   has_complete_distribution, survey_years (comma-separated).
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
select
    question,
    string_agg(distinct ref, ', ' order by ref) as refs,
    max(n) as max_n,
    count(*) as figure_count,
    min(line) as first_line,
    bool_or(multiple_answers) as has_multiple_answers,
    bool_or(distribution_complete) as has_complete_distribution,
    string_agg(distinct cast(survey_year as varchar), ', ' order by cast(survey_year as varchar))
        as survey_years
from raadpleging
where chapter = $chapter
group by question
order by first_line, question
