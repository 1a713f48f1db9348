-- Purpose: every figure the report states for both rounds (2020 and 2024): same chapter, question,
--   answer and unit, side by side. Only survey answers (source_kind 'raadpleging') are compared;
--   per round the preferred mention is fixed by a total order (full distribution, then a captioned
--   table/figure, then unhedged, then the first line, then figure_id), other stated survey values
--   are listed, figures from another source (AZW/CBS ...) are listed separately as context.
-- Grain: one row per chapter × question × answer × unit with a survey answer in both years.
-- Params: none.
-- Columns: chapter, chapter_title, question, answer_label, unit, value_2020, value_2024,
--   value_upper_2020, value_upper_2024, is_hedged_2020, is_hedged_2024, from_chart_label_2020,
--   from_chart_label_2024 (value inferred from the order of chart labels), n_2020, n_2024 (NULL =
--   not stated), line_2020, line_2024, figure_id_2020, figure_id_2024 (the chosen rows),
--   note_2020, note_2024 (transcription note of the chosen row; '' = none), other_values_2024
--   (list of the other 2024 survey values stated for the same item; NULL = none), context_values
--   (values for the same item from another source, any year; NULL = none), context_source (those
--   sources, comma-separated; NULL = none), change (2024 minus 2020, in the unit; points for
--   percent).
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
with labelled as (
    select
        figure_id,
        chapter,
        chapter_title,
        question,
        coalesce(nullif(answer, ''), '(zonder antwoordcategorie)') as answer_label,
        unit,
        survey_year,
        value,
        value_upper,
        is_hedged,
        from_chart_label,
        distribution_complete,
        ref,
        n,
        line,
        coalesce(note, '') as note,
        source_kind,
        context_source
    from raadpleging
),

figures as (
    select
        *,
        row_number() over (
            partition by chapter, question, answer_label, unit, survey_year
            order by
                distribution_complete desc,
                (ref = 'tekst') asc,
                is_hedged asc,
                line asc,
                figure_id asc
        ) as preference
    from labelled
    where survey_year in (2020, 2024) and source_kind = 'raadpleging'
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
),

context as (
    select
        chapter,
        question,
        answer_label,
        unit,
        list_sort(list(distinct value)) as context_values,
        string_agg(distinct context_source, ', ' order by context_source) as context_source
    from labelled
    where source_kind = 'context'
    group by chapter, question, answer_label, unit
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
    a.from_chart_label as from_chart_label_2020,
    b.from_chart_label as from_chart_label_2024,
    a.n as n_2020,
    b.n as n_2024,
    a.line as line_2020,
    b.line as line_2024,
    a.figure_id as figure_id_2020,
    b.figure_id as figure_id_2024,
    a.note as note_2020,
    b.note as note_2024,
    o.other_values as other_values_2024,
    c.context_values,
    c.context_source,
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
left join context as c
    on
        a.chapter = c.chapter
        and a.question = c.question
        and a.answer_label = c.answer_label
        and a.unit = c.unit
where a.survey_year = 2020 and b.survey_year = 2024
order by a.chapter, least(a.line, b.line), a.question, b.line, a.answer_label, a.unit
