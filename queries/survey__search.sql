-- Purpose: full-text search over the transcribed report figures (question, answer, caption and
--   chapter title), case- and accent-insensitive; the term is matched literally (no wildcards).
-- Grain: one row per matching transcribed figure.
-- Params: $term varchar (search text; NULL or blank = no rows).
-- Columns: chapter, chapter_title, question, answer, ref, ref_title, value, value_upper, unit,
--   survey_year, n, is_hedged, hedge, from_chart_label, source_kind ('raadpleging' or 'context'),
--   context_source ('' = survey answer), line.
-- Source: raadpleging (data/transcribed/raadpleging/chNN.csv, seed 004).
with needle as (
    select strip_accents(lower(trim($term))) as term
),

haystack as (
    select
        chapter,
        chapter_title,
        question,
        coalesce(answer, '') as answer,
        ref,
        coalesce(ref_title, '') as ref_title,
        value,
        value_upper,
        unit,
        survey_year,
        n,
        is_hedged,
        coalesce(hedge, '') as hedge,
        from_chart_label,
        source_kind,
        coalesce(context_source, '') as context_source,
        line,
        strip_accents(lower(question)) as question_key,
        strip_accents(lower(coalesce(answer, ''))) as answer_key,
        strip_accents(lower(coalesce(ref_title, ''))) as ref_title_key,
        strip_accents(lower(chapter_title)) as chapter_title_key
    from raadpleging
)

select
    h.chapter,
    h.chapter_title,
    h.question,
    h.answer,
    h.ref,
    h.ref_title,
    h.value,
    h.value_upper,
    h.unit,
    h.survey_year,
    h.n,
    h.is_hedged,
    h.hedge,
    h.from_chart_label,
    h.source_kind,
    h.context_source,
    h.line
from haystack as h
cross join needle as t
where
    t.term <> ''
    and (
        contains(h.question_key, t.term)
        or contains(h.answer_key, t.term)
        or contains(h.ref_title_key, t.term)
        or contains(h.chapter_title_key, t.term)
    )
order by h.chapter, h.line, h.question, h.answer
