-- Table: open vacancies NOT seasonally adjusted: every CBS 83599NED row, extended with the
--   transcribed NSA quarters (web pages) for the keys 83599NED does not have.
-- Grain: one row per quarter × region × SBI code (period_code, region_code, sbi_code unique).
--   A later 83599NED export that covers a transcribed key supersedes the transcription.
-- Params: none.
-- Columns: the cbs_vacancies columns (vacancy_count in persons, is_provisional), basis ('nsa'),
--   source_kind ('statline' = 83599NED, 'publicatie' = transcribed from a web page),
--   rounded_to (persons), is_implied, is_inferred, is_approximate, has_source_conflict,
--   derivation, note, publisher, published, url, quote (NULL/false for statline rows).
-- Source: cbs_vacancies (CBS 83599NED), vacancies_transcribed (basis 'nsa', quarters only; the
--   2023 annual average stays in the snapshot).
create or replace table vacancies_nsa as
with transcribed as (
    select *
    from vacancies_transcribed
    where basis = 'nsa' and period_type = 'quarter'
    qualify row_number() over (
        partition by period_code, region_code, sbi_code
        order by is_revision desc, published desc nulls last
    ) = 1
)

select
    c.period_code,
    c.year,
    c.quarter,
    c.quarter_start,
    c.region_level,
    c.region_code,
    c.region_name,
    c.landsdeel_code,
    c.sbi_code,
    c.sbi_letter,
    c.sbi_name,
    c.is_sbi_aggregate,
    c.vacancy_count,
    c.is_provisional,
    'nsa' as basis,
    'statline' as source_kind,
    100 as rounded_to,
    false as is_implied,
    false as is_inferred,
    false as is_approximate,
    false as has_source_conflict,
    null::varchar as derivation,
    null::varchar as note,
    null::varchar as publisher,
    null::timestamp as published,
    null::varchar as url,
    null::varchar as quote
from cbs_vacancies as c
union all
select
    t.period_code,
    t.year,
    t.quarter,
    t.quarter_start,
    t.region_level,
    t.region_code,
    t.region_name,
    t.landsdeel_code,
    t.sbi_code,
    t.sbi_letter,
    t.sbi_name,
    t.is_sbi_aggregate,
    t.vacancy_count,
    t.is_provisional,
    t.basis,
    'publicatie' as source_kind,
    t.rounded_to,
    t.is_implied,
    t.is_inferred,
    t.is_approximate,
    t.has_source_conflict,
    t.derivation,
    t.note,
    t.publisher,
    t.published,
    t.url,
    t.quote
from transcribed as t
where not exists (
    select 1
    from cbs_vacancies as c
    where
        c.period_code = t.period_code
        and c.region_code = t.region_code
        and c.sbi_code = t.sbi_code
)
