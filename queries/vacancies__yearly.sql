-- Purpose: yearly mean of the quarterly open vacancies for one region and a set of SBI sectors.
-- Grain: one row per year × SBI code.
-- Params: $region_code varchar (NL01, LD0n, PVnn); $sbi_codes varchar[] (SBI 2008 codes).
-- Columns: year, sbi_code, sbi_letter, sbi_name, mean_vacancy_count (persons, mean of the
--   quarters present, rounded to hundreds: CBS publishes thousands with one decimal), quarters
--   (number of quarters in the mean; < 4 = incomplete year), has_provisional.
-- Source: cbs_vacancies (CBS 83599NED).
select
    year,
    sbi_code,
    any_value(sbi_letter) as sbi_letter,
    any_value(sbi_name) as sbi_name,
    round(avg(vacancy_count), -2) as mean_vacancy_count,
    count(vacancy_count) as quarters,
    bool_or(is_provisional) as has_provisional
from cbs_vacancies
where region_code = $region_code and list_contains($sbi_codes, sbi_code)
group by year, sbi_code
order by year, sbi_code
