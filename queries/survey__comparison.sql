-- Purpose: every figure the report states for both rounds (previous and current): same chapter,
--   question, answer and unit, side by side. Only survey answers (source_kind 'raadpleging') are
--   compared; per round the preferred mention is fixed by a total order (full distribution, then a
--   captioned table/figure, then unhedged, then the first line, then figure_id), other stated
--   survey values are listed, figures from another source (AZW/CBS ...) are listed separately.
-- Grain: one row per chapter × question × answer × unit with a survey answer in both rounds.
-- Params: $current_round integer, $previous_round integer (survey years of the two rounds, from
--   the catalog; NULL = no rows); $chapter integer (one chapter 0-15; NULL = every chapter).
-- Columns: chapter, chapter_title, question, answer_label, unit, value_previous, value_current,
--   value_upper_previous, value_upper_current, is_hedged_previous, is_hedged_current,
--   from_chart_label_previous, from_chart_label_current (value inferred from the order of chart
--   labels), n_previous, n_current (NULL = not stated), line_previous, line_current,
--   figure_id_previous, figure_id_current (the chosen rows), note_nl_previous, note_nl_current
--   (Dutch note of the chosen row; '' = none), is_caution_previous, is_caution_current (the
--   row's note says the report contradicts itself or the pair is not like for like),
--   other_values_current (list of the other current-round survey values stated for the same
--   item; NULL = none), context_values (values
--   for the same item from another source, any year; NULL = none), context_source (those
--   sources, comma-separated; NULL = none), change (current minus previous, in the unit; points
--   for percent).
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
        coalesce(note_nl, '') as note_nl,
        note_is_caution,
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
    where survey_year in ($previous_round, $current_round) and source_kind = 'raadpleging'
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
    where f.survey_year = $current_round and f.value <> p.value
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
    a.value as value_previous,
    b.value as value_current,
    a.value_upper as value_upper_previous,
    b.value_upper as value_upper_current,
    a.is_hedged as is_hedged_previous,
    b.is_hedged as is_hedged_current,
    a.from_chart_label as from_chart_label_previous,
    b.from_chart_label as from_chart_label_current,
    a.n as n_previous,
    b.n as n_current,
    a.line as line_previous,
    b.line as line_current,
    a.figure_id as figure_id_previous,
    b.figure_id as figure_id_current,
    a.note_nl as note_nl_previous,
    b.note_nl as note_nl_current,
    a.note_is_caution as is_caution_previous,
    b.note_is_caution as is_caution_current,
    o.other_values as other_values_current,
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
where
    a.survey_year = $previous_round
    and b.survey_year = $current_round
    and ($chapter is null or a.chapter = $chapter)
order by a.chapter, least(a.line, b.line), a.question, b.line, a.answer_label, a.unit
