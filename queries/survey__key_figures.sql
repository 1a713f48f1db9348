-- Purpose: up to six headline percentages per chapter for the KPI cards: current-round answer
--   shares the report states in its prose (tekst, Concluderend first), else from a captioned
--   table/figure; survey answers only (no context figures from other sources, no values inferred
--   from chart labels).
-- Grain: one row per chapter × question (at most six questions per chapter).
-- Params: $current_round integer (survey year of the current round, from the catalog; NULL = no
--   rows).
-- Columns: chapter, chapter_title, question, answer, ref, value (percent), value_upper (upper bound
--   of a range, NULL = none), is_hedged, hedge, survey_year, n (base stated on the row, else the
--   largest base stated for the question; NULL = none stated), is_n_from_question, line,
--   rank_in_chapter.
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
with candidates as (
    select
        * replace (coalesce(hedge, '') as hedge, coalesce(note, '') as note),
        n as row_n,
        max(n) over (partition by chapter, question) as question_n
    from raadpleging
    where
        survey_year = $current_round
        and unit = 'percent'
        and coalesce(answer, '') <> ''
        and not from_chart_label
        and source_kind = 'raadpleging'
),

-- one order of preference, used per question and per chapter: prose first, then
-- 'Concluderend', unhedged, earliest line
preferred as (
    select
        *,
        row_number() over (
            order by
                (ref = 'tekst') desc,
                starts_with(note, 'Concluderend') desc,
                is_hedged asc,
                line asc,
                figure_id asc
        ) as preference
    from candidates
),

best_per_question as (
    select
        *,
        row_number() over (partition by chapter, question order by preference) as rank_in_question
    from preferred
),

ranked as (
    select
        *,
        row_number() over (partition by chapter order by preference) as rank_in_chapter
    from best_per_question
    where rank_in_question = 1
)

select
    chapter,
    chapter_title,
    question,
    answer,
    ref,
    value,
    value_upper,
    is_hedged,
    hedge,
    survey_year,
    coalesce(row_n, question_n) as n,
    row_n is null and question_n is not null as is_n_from_question,
    line,
    rank_in_chapter
from ranked
where rank_in_chapter <= 6
order by chapter, rank_in_chapter
