-- Purpose: every transcribed figure of one question, with duplicate mentions marked, for the
--   answer-distribution chart and its table.
-- Grain: one row per transcribed figure (seed line × answer × survey year).
-- Params: $chapter integer (chapter 0-15; NULL = no rows); $question varchar (question text exactly
--   as stored; NULL = no rows).
-- Columns: figure_id, ref, ref_title, answer_label (answer, or '(zonder antwoordcategorie)'),
--   value, value_upper (upper bound of a range), unit, survey_year, n, multiple_answers,
--   distribution_complete, line, value_text, is_hedged, hedge, from_chart_label (value inferred
--   from the order of chart labels), source_kind ('raadpleging' = survey answer, 'context' = figure
--   from another source), context_source (that source; '' = survey), note_nl (Dutch note for
--   the reader; '' = none), note_is_caution (the note says the report contradicts itself),
--   is_repeat (same answer, year, unit, value and source kind already stated on an earlier line),
--   value_variants (distinct values stated for this answer, year, unit and source kind),
--   answer_order (first line at which the answer appears).
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
with figures as (
    select
        figure_id,
        ref,
        coalesce(ref_title, '') as ref_title,
        coalesce(nullif(answer, ''), '(zonder antwoordcategorie)') as answer_label,
        value,
        value_upper,
        unit,
        survey_year,
        n,
        multiple_answers,
        distribution_complete,
        line,
        value_text,
        is_hedged,
        coalesce(hedge, '') as hedge,
        from_chart_label,
        source_kind,
        coalesce(context_source, '') as context_source,
        coalesce(note_nl, '') as note_nl,
        note_is_caution
    from raadpleging
    where chapter = $chapter and question = $question
),

variants as (
    select
        answer_label,
        survey_year,
        unit,
        source_kind,
        count(distinct value) as value_variants
    from figures
    group by answer_label, survey_year, unit, source_kind
)

select
    f.figure_id,
    f.ref,
    f.ref_title,
    f.answer_label,
    f.value,
    f.value_upper,
    f.unit,
    f.survey_year,
    f.n,
    f.multiple_answers,
    f.distribution_complete,
    f.line,
    f.value_text,
    f.is_hedged,
    f.hedge,
    f.from_chart_label,
    f.source_kind,
    f.context_source,
    f.note_nl,
    f.note_is_caution,
    v.value_variants,
    row_number() over (
        partition by f.answer_label, f.survey_year, f.unit, f.value, f.value_upper, f.source_kind
        order by f.distribution_complete desc, f.line asc, f.figure_id asc
    ) > 1 as is_repeat,
    min(f.line) over (partition by f.answer_label) as answer_order
from figures as f
inner join variants as v
    on
        f.answer_label = v.answer_label
        and f.survey_year = v.survey_year
        and f.unit = v.unit
        and f.source_kind = v.source_kind
order by f.survey_year, answer_order, f.line, f.figure_id
