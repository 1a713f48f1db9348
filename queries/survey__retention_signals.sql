-- Purpose: what social workers say about staying (same employer, still a social worker in five
--   years) and their workload, from the Grote Raadpleging: the figures asked for plus the 2020
--   comparison that the text gives for the same questions.
-- Grain: one row per figure ref × question × answer × survey year (× source line).
-- Params: $chapter integer (report chapter); $refs varchar[] (figure refs, e.g. 'Figuur 11.5').
-- Columns: ref, ref_title, question, answer, value (percent), survey_year, n (base; NULL when
--   the report does not state it), line (in seed 004), is_from_text (2020 comparison taken from
--   the prose), value_text (words in the report), hedge (e.g. 'meer dan'; NULL = exact), note
--   (the Dutch note for readers, note_nl; NULL when the row has only a maintainers' note).
-- Source: raadpleging (transcribed from seed 004, Grote Raadpleging Sociaal Werk 2025).
with figures as (
    select
        ref,
        ref_title,
        survey_year,
        question,
        answer
    from raadpleging
    where chapter = $chapter and list_contains($refs, ref) and unit = 'percent'
)

select
    ref,
    ref_title,
    question,
    answer,
    value,
    survey_year,
    n,
    line,
    false as is_from_text,
    value_text,
    hedge,
    note_nl as note
from raadpleging
where chapter = $chapter and list_contains($refs, ref) and unit = 'percent'
union all
-- the same answer in an earlier round, read from the report's text
select
    f.ref,
    any_value(f.ref_title) as ref_title,
    r.question,
    r.answer,
    any_value(r.value) as value,
    r.survey_year,
    any_value(r.n) as n,
    min(r.line) as line,
    true as is_from_text,
    any_value(r.value_text) as value_text,
    any_value(r.hedge) as hedge,
    any_value(r.note_nl) as note
from raadpleging as r
inner join figures as f on r.question = f.question and r.answer = f.answer
where
    r.chapter = $chapter
    and r.ref = 'tekst'
    and r.unit = 'percent'
    and r.survey_year < f.survey_year
group by f.ref, r.question, r.answer, r.survey_year
order by ref, survey_year, line, answer
