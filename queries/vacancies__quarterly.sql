-- Purpose: open vacancies per quarter for one region and a set of SBI sectors, with year-on-year
--   change and the share of each sector in all vacancies.
-- Grain: one row per quarter × SBI code.
-- Params: $region_code varchar (NL01, LD0n, PVnn); $sbi_codes varchar[] (SBI 2008 codes).
-- Columns: period_code, year, quarter, quarter_start (date), sbi_code, sbi_letter, sbi_name,
--   vacancy_count (persons), is_provisional, yoy_change_count, yoy_change_pct (vs same quarter a
--   year earlier), share_of_all_pct (of SBI A-U in the same region and quarter).
-- Source: cbs_vacancies (CBS 83599NED).
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
        is_provisional
    from cbs_vacancies
    where region_code = $region_code
),

totals as (
    select
        period_code,
        vacancy_count as all_count
    from region
    where sbi_code = 'T001081'
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
    r.vacancy_count - lag(r.vacancy_count, 4) over w as yoy_change_count,
    round(
        100.0 * (r.vacancy_count - lag(r.vacancy_count, 4) over w)
        / nullif(lag(r.vacancy_count, 4) over w, 0),
        1
    ) as yoy_change_pct,
    round(100.0 * r.vacancy_count / nullif(t.all_count, 0), 1) as share_of_all_pct
from region as r
left join totals as t on r.period_code = t.period_code
where list_contains($sbi_codes, r.sbi_code)
window w as (partition by r.sbi_code order by r.period_code)
order by r.period_code, r.sbi_code
