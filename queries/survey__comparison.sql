-- Purpose: every figure the report states for both rounds (2020 and 2024): same chapter, question,
--   answer and unit, side by side; per round the preferred mention (full distribution, then a
--   captioned table/figure, then unhedged, then the first line), other stated values listed.
-- Grain: one row per chapter × question × answer × unit present in both survey years.
-- Params: none.
-- Columns: chapter, chapter_title, question, answer_label, unit, value_2020, value_2024,
--   value_upper_2020, value_upper_2024, is_hedged_2020, is_hedged_2024, n_2020, n_2024 (NULL = not
--   stated), line_2020, line_2024, other_values_2024 (list of the other 2024 values stated for the
--   same item; NULL = none), change (2024 minus 2020, in the unit; points for percent).
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
with figures as (
    select
        chapter,
        chapter_title,
        question,
        coalesce(nullif(answer, ''), '(zonder antwoordcategorie)') as answer_label,
        unit,
        survey_year,
        value,
        value_upper,
        is_hedged,
        n,
        line,
        row_number() over (
            partition by
                chapter,
                question,
                coalesce(nullif(answer, ''), '(zonder antwoordcategorie)'),
                unit,
                survey_year
            order by distribution_complete desc, (ref = 'tekst') asc, is_hedged asc, line asc
        ) as preference
    from raadpleging
    where survey_year in (2020, 2024)
),

preferred as (
    select * from figures
    where preference = 1
),

others as (
    select
        f.chapter,
        f.question,
        f.answer_label,
        f.unit,
        list_sort(list(distinct f.value)) as other_values
    from figures as f
    inner join preferred as p
        on
            f.chapter = p.chapter
            and f.question = p.question
            and f.answer_label = p.answer_label
            and f.unit = p.unit
            and f.survey_year = p.survey_year
    where f.survey_year = 2024 and f.value <> p.value
    group by f.chapter, f.question, f.answer_label, f.unit
)

select
    a.chapter,
    a.chapter_title,
    a.question,
    a.answer_label,
    a.unit,
    a.value as value_2020,
    b.value as value_2024,
    a.value_upper as value_upper_2020,
    b.value_upper as value_upper_2024,
    a.is_hedged as is_hedged_2020,
    b.is_hedged as is_hedged_2024,
    a.n as n_2020,
    b.n as n_2024,
    a.line as line_2020,
    b.line as line_2024,
    o.other_values as other_values_2024,
    b.value - a.value as change
from preferred as a
inner join preferred as b
    on
        a.chapter = b.chapter
        and a.question = b.question
        and a.answer_label = b.answer_label
        and a.unit = b.unit
left join others as o
    on
        a.chapter = o.chapter
        and a.question = o.question
        and a.answer_label = o.answer_label
        and a.unit = o.unit
where a.survey_year = 2020 and b.survey_year = 2024
order by a.chapter, least(a.line, b.line), a.question, b.line, a.answer_label
