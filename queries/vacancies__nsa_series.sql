-- Purpose: open vacancies NOT seasonally adjusted per quarter for one region and a set of SBI
--   sectors: CBS 83599NED, extended after 2020KW02 with figures transcribed from web pages.
--   Quarters can be missing after 2020KW02, so no change over a fixed number of rows here.
-- Grain: one row per quarter × SBI code (only quarters that have a figure).
-- Params: $region_code varchar (NL01, LD0n, PVnn); $sbi_codes varchar[] (SBI 2008 codes).
-- Columns: period_code, year, quarter, quarter_start, region_code, region_name, sbi_code,
--   sbi_letter, sbi_name, basis ('nsa'), vacancy_count (persons), rounded_to (persons),
--   is_provisional, source_kind ('statline' | 'publicatie'), is_implied, is_inferred,
--   is_approximate, has_source_conflict, derivation, publisher, published, url, quote
--   (NULL for statline rows).
-- Source: vacancies_nsa (cbs_vacancies + vacancies_transcribed basis 'nsa').
select
    period_code,
    year,
    quarter,
    quarter_start,
    region_code,
    region_name,
    sbi_code,
    sbi_letter,
    sbi_name,
    basis,
    vacancy_count,
    rounded_to,
    is_provisional,
    source_kind,
    is_implied,
    is_inferred,
    is_approximate,
    has_source_conflict,
    derivation,
    publisher,
    published,
    url,
    quote
from vacancies_nsa
where region_code = $region_code and list_contains($sbi_codes, sbi_code)
order by period_code, sbi_code
