-- Purpose: yearly mean of the quarterly open vacancies for one region and a set of SBI sectors,
--   with the share of each sector in all vacancies (SBI A-U) and the change vs the year before.
-- Grain: one row per year × SBI code.
-- Params: $region_code varchar (NL01, LD0n, PVnn); $sbi_codes varchar[] (SBI 2008 codes).
-- Columns: year, sbi_code, sbi_letter, sbi_name, mean_vacancy_count (persons, mean of the
--   quarters present, rounded to hundreds: CBS publishes thousands with one decimal), quarters
--   (quarters in the mean; < 4 = incomplete year), has_provisional, all_mean_count (SBI A-U,
--   same quarters, hundreds), share_of_all_pct, change_count (hundreds) and change_pct (vs the
--   previous year, from the unrounded means; NULL when either year is incomplete).
-- Source: cbs_vacancies (CBS 83599NED).
with region as (
    select
        year,
        quarter,
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
        year,
        quarter,
        vacancy_count as all_count
    from region
    where sbi_code = 'T001081'
),

yearly as (
    select
        r.year,
        r.sbi_code,
        any_value(r.sbi_letter) as sbi_letter,
        any_value(r.sbi_name) as sbi_name,
        avg(r.vacancy_count) as mean_count,
        count(r.vacancy_count) as quarters,
        bool_or(r.is_provisional) as has_provisional,
        avg(t.all_count) as all_mean
    from region as r
    left join totals as t on r.year = t.year and r.quarter = t.quarter
    where list_contains($sbi_codes, r.sbi_code)
    group by r.year, r.sbi_code
),

with_prev as (
    select
        year,
        sbi_code,
        sbi_letter,
        sbi_name,
        mean_count,
        quarters,
        has_provisional,
        all_mean,
        lag(mean_count) over (partition by sbi_code order by year) as prev_mean,
        lag(quarters) over (partition by sbi_code order by year) as prev_quarters
    from yearly
)

select
    year,
    sbi_code,
    sbi_letter,
    sbi_name,
    round(mean_count, -2) as mean_vacancy_count,
    quarters,
    has_provisional,
    round(all_mean, -2) as all_mean_count,
    round(100.0 * mean_count / nullif(all_mean, 0), 1) as share_of_all_pct,
    case
        when quarters = 4 and prev_quarters = 4 then round(mean_count - prev_mean, -2)
    end as change_count,
    case
        when quarters = 4 and prev_quarters = 4
            then round(100.0 * (mean_count - prev_mean) / nullif(prev_mean, 0), 1)
    end as change_pct
from with_prev
order by year, sbi_code
