-- Purpose: why two vacancy figures for the same quarter differ: the NL figure NOT seasonally
--   adjusted (83599NED or its transcription) beside the SEASONALLY ADJUSTED one (80474ned),
--   in separate columns, for the quarters where both exist.
-- Grain: one row per quarter × SBI code with both bases for Nederland.
-- Params: $sbi_codes varchar[] (SBI 2008 codes).
-- Columns: period_code, year, quarter, sbi_code, sbi_letter, sbi_name, nsa_count, nsa_rounded_to,
--   nsa_source_kind, nsa_is_implied, nsa_url, nsa_quote, sa_count, sa_rounded_to, sa_is_revised,
--   sa_is_implied, sa_is_inferred, sa_url, sa_quote (counts in persons), sa_minus_nsa (persons).
-- Source: vacancies_nsa, vacancies_sa.
select
    n.period_code,
    n.year,
    n.quarter,
    n.sbi_code,
    n.sbi_letter,
    n.sbi_name,
    n.vacancy_count as nsa_count,
    n.rounded_to as nsa_rounded_to,
    n.source_kind as nsa_source_kind,
    n.is_implied as nsa_is_implied,
    n.url as nsa_url,
    n.quote as nsa_quote,
    s.vacancy_count as sa_count,
    s.rounded_to as sa_rounded_to,
    s.is_revised as sa_is_revised,
    s.is_implied as sa_is_implied,
    s.is_inferred as sa_is_inferred,
    s.url as sa_url,
    s.quote as sa_quote,
    s.vacancy_count - n.vacancy_count as sa_minus_nsa
from vacancies_nsa as n
inner join vacancies_sa as s
    on n.period_code = s.period_code and n.sbi_code = s.sbi_code
where n.region_code = 'NL01' and list_contains($sbi_codes, n.sbi_code)
order by n.period_code, n.sbi_code
