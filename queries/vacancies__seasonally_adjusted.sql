-- Purpose: the national SEASONALLY ADJUSTED open vacancies (CBS 80474ned headline figures as
--   published in CBS releases and news items); a separate series, never one line with 83599NED.
-- Grain: one row per quarter × SBI code (NL; SBI Q and A-U), only quarters that have a figure.
-- Params: $sbi_codes varchar[] (SBI 2008 codes: '422400' = Q, 'T001081' = A-U).
-- Columns: period_code, year, quarter, quarter_start, sbi_code, sbi_letter, sbi_name, basis
--   ('sa'), vacancy_count (persons, latest revision), rounded_to (persons: 1000 = a figure in
--   whole thousands), is_revised, first_release_count (persons), revision_change (latest minus
--   first release), is_provisional, is_implied (level +/- a stated change), is_inferred (period
--   inferred from an undated article), is_approximate ('zo'n'), derivation, publisher,
--   published, url, quote, first_release_url.
-- Source: vacancies_sa (vacancies_transcribed basis 'sa').
select
    period_code,
    year,
    quarter,
    quarter_start,
    sbi_code,
    sbi_letter,
    sbi_name,
    basis,
    vacancy_count,
    rounded_to,
    is_revised,
    first_release_count,
    vacancy_count - first_release_count as revision_change,
    is_provisional,
    is_implied,
    is_inferred,
    is_approximate,
    derivation,
    publisher,
    published,
    url,
    quote,
    first_release_url
from vacancies_sa
where list_contains($sbi_codes, sbi_code)
order by period_code, sbi_code
