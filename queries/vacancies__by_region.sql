-- Purpose: open vacancies in one SBI sector per region of one level for one quarter or one year
--   (mean of quarters), with share of all vacancies, change vs a year earlier and rank.
-- Grain: one row per region of $level.
-- Params: $sbi_code varchar; $level varchar (provincie | landsdeel); $year integer;
--   $quarter integer (1-4, NULL = yearly mean of the quarters present).
-- Columns: region_code, region_name, vacancy_count (persons), all_count (SBI A-U),
--   share_of_all_pct, prev_count (same period a year earlier), change_pct, rank_desc,
--   is_provisional, population (1 Jan of $year; NULL before 2019 and for
--   landsdeel), per_1000 (vacancies per 1,000 inhabitants).
-- Source: cbs_vacancies, population.
with periods as (
    select
        region_code,
        any_value(region_name) as region_name,
        year,
        sbi_code,
        avg(vacancy_count) as vacancy_count,
        bool_or(is_provisional) as is_provisional
    from cbs_vacancies
    where
        region_level = $level
        and year in ($year, $year - 1)
        and ($quarter is null or quarter = $quarter)
        and sbi_code in ($sbi_code, 'T001081')
    group by region_code, year, sbi_code
),

pop as (
    select
        region_code,
        population
    from population
    where region_level = 'provincie' and year = $year
)

select
    c.region_code,
    c.region_name,
    round(c.vacancy_count, 0) as vacancy_count,
    round(a.vacancy_count, 0) as all_count,
    round(100.0 * c.vacancy_count / nullif(a.vacancy_count, 0), 1) as share_of_all_pct,
    round(p.vacancy_count, 0) as prev_count,
    round(100.0 * (c.vacancy_count - p.vacancy_count) / nullif(p.vacancy_count, 0), 1)
        as change_pct,
    rank() over (order by c.vacancy_count desc) as rank_desc,
    c.is_provisional,
    pop.population,
    round(1000.0 * c.vacancy_count / nullif(pop.population, 0), 2) as per_1000
from periods as c
left join periods as a
    on c.region_code = a.region_code and c.year = a.year and a.sbi_code = 'T001081'
left join periods as p
    on c.region_code = p.region_code and c.year - 1 = p.year and c.sbi_code = p.sbi_code
left join pop on c.region_code = pop.region_code
where c.year = $year and c.sbi_code = $sbi_code
order by c.region_code
