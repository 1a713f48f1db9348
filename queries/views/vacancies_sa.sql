-- Table: the national SEASONALLY ADJUSTED vacancy series (CBS 80474ned headlines, transcribed
--   from web pages), one value per quarter: the latest revision, with the first release beside it.
-- Grain: one row per quarter × SBI code (NL only; SBI Q and A-U).
-- Params: none.
-- Columns: period_code, year, quarter, quarter_start, region_code, region_name, sbi_code,
--   sbi_letter, sbi_name, basis ('sa'), vacancy_count (persons, latest revision), rounded_to,
--   is_revised (a later release changed the first-release value), first_release_count,
--   first_release_url, is_provisional, is_implied, is_inferred, is_approximate, derivation, note,
--   publisher, published, url, quote (of the chosen value).
-- Source: vacancies_transcribed (basis 'sa').
create or replace table vacancies_sa as
with sa as (
    select *
    from vacancies_transcribed
    where basis = 'sa' and period_type = 'quarter' and region_code = 'NL01'
),

latest as (
    select *
    from sa
    qualify row_number() over (
        partition by period_code, sbi_code
        order by is_revision desc, published desc nulls last
    ) = 1
),

first_release as (
    select
        period_code,
        sbi_code,
        vacancy_count as first_release_count,
        url as first_release_url
    from sa
    where not is_revision
)

select
    l.period_code,
    l.year,
    l.quarter,
    l.quarter_start,
    l.region_code,
    l.region_name,
    l.sbi_code,
    l.sbi_letter,
    l.sbi_name,
    l.basis,
    l.vacancy_count,
    l.rounded_to,
    f.first_release_count,
    f.first_release_url,
    l.is_provisional,
    l.is_implied,
    l.is_inferred,
    l.is_approximate,
    l.derivation,
    l.note,
    l.publisher,
    l.published,
    l.url,
    l.quote,
    coalesce(l.is_revision and f.first_release_count != l.vacancy_count, false) as is_revised
from latest as l
left join first_release as f
    on l.period_code = f.period_code and l.sbi_code = f.sbi_code
