-- Purpose: open vacancies NOT seasonally adjusted per quarter for one region and a set of SBI
--   sectors (CBS 83599NED extended with quarters from CBS publications), with the change vs the
--   same quarter a year earlier (joined by year and quarter, so a gap never shifts it) and the
--   share of each sector in all vacancies (SBI A-U, same region and quarter).
-- Grain: one row per quarter × SBI code (only quarters that have a figure; gaps stay gaps).
-- Params: $region_code varchar (NL01, LD0n, PVnn); $sbi_codes varchar[] (SBI 2008 codes).
-- Columns: period_code, year, quarter, quarter_start (date), sbi_code, sbi_letter, sbi_name,
--   vacancy_count (persons), is_provisional, source_kind ('statline' | 'publicatie'),
--   is_implied, is_inferred, publisher, published, url, quote (NULL for statline rows),
--   yoy_change_count, yoy_change_pct (NULL when that quarter a year earlier is missing),
--   share_of_all_pct (NULL when SBI A-U is missing for the quarter).
-- Source: vacancies_nsa (cbs_vacancies + vacancies_transcribed basis 'nsa').
with region as (
    select
        period_code,
        year,
        quarter,
        quarter_start,
        sbi_code,
        sbi_letter,
        sbi_name,
        vacancy_count,
        is_provisional,
        source_kind,
        is_implied,
        is_inferred,
        publisher,
        published,
        url,
        quote
    from vacancies_nsa
    where region_code = $region_code
)

select
    r.period_code,
    r.year,
    r.quarter,
    r.quarter_start,
    r.sbi_code,
    r.sbi_letter,
    r.sbi_name,
    r.vacancy_count,
    r.is_provisional,
    r.source_kind,
    r.is_implied,
    r.is_inferred,
    r.publisher,
    r.published,
    r.url,
    r.quote,
    r.vacancy_count - p.vacancy_count as yoy_change_count,
    round(100.0 * (r.vacancy_count - p.vacancy_count) / nullif(p.vacancy_count, 0), 1)
        as yoy_change_pct,
    round(100.0 * r.vacancy_count / nullif(t.vacancy_count, 0), 1) as share_of_all_pct
from region as r
left join region as p
    on r.sbi_code = p.sbi_code and p.year = r.year - 1 and r.quarter = p.quarter
left join region as t
    on r.period_code = t.period_code and t.sbi_code = 'T001081'
where list_contains($sbi_codes, r.sbi_code)
order by r.period_code, r.sbi_code
