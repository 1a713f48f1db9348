-- Purpose: open vacancies in one SBI sector per region of one level for one quarter or one year
--   (mean of the quarters present), with share of all vacancies, per 1,000 inhabitants and the
--   rank of each region on each of the three values.
-- Grain: one row per region of $level.
-- Params: $sbi_code varchar (SBI 2008 code); $level varchar (provincie | landsdeel);
--   $year integer; $quarter integer (1-4, NULL = yearly mean of the quarters present).
-- Columns: region_code, region_name, vacancy_count (persons), all_count (SBI A-U, persons),
--   share_of_all_pct, population (1 January of $year; NULL before 2019 and for landsdeel),
--   per_1000 (vacancies per 1,000 inhabitants), quarters (in the mean), is_provisional,
--   rank_count, rank_share, rank_per_1000 (1 = highest; NULL when the value is NULL),
--   has_publication (a value taken from a CBS publication, not from StatLine), publisher, url
--   (of that publication, for a single quarter).
-- Source: vacancies_nsa (CBS 83599NED + NSA quarters from CBS publications), population.
with periods as (
    select
        region_code,
        any_value(region_name) as region_name,
        sbi_code,
        avg(vacancy_count) as vacancy_count,
        count(vacancy_count) as quarters,
        bool_or(is_provisional) as is_provisional,
        bool_or(source_kind = 'publicatie') as has_publication,
        any_value(publisher) as publisher,
        any_value(url) as url
    from vacancies_nsa
    where
        region_level = $level
        and year = $year
        and ($quarter is null or quarter = $quarter)
        and sbi_code in ($sbi_code, 'T001081')
    group by region_code, sbi_code
),

joined as (
    select
        c.region_code,
        c.region_name,
        c.vacancy_count,
        a.vacancy_count as all_count,
        100.0 * c.vacancy_count / nullif(a.vacancy_count, 0) as share_of_all,
        pop.population,
        1000.0 * c.vacancy_count / nullif(pop.population, 0) as per_1000,
        c.quarters,
        c.is_provisional,
        c.has_publication,
        c.publisher,
        c.url
    from periods as c
    left join periods as a on c.region_code = a.region_code and a.sbi_code = 'T001081'
    left join population as pop  -- 1 January of $year; provinces only
        on c.region_code = pop.region_code and pop.region_level = 'provincie' and pop.year = $year
    where c.sbi_code = $sbi_code
)

select
    region_code,
    region_name,
    round(vacancy_count, 0) as vacancy_count,
    round(all_count, 0) as all_count,
    round(share_of_all, 1) as share_of_all_pct,
    population,
    round(per_1000, 2) as per_1000,
    quarters,
    is_provisional,
    case
        when vacancy_count is not null then rank() over (order by vacancy_count desc nulls last)
    end as rank_count,
    case
        when share_of_all is not null then rank() over (order by share_of_all desc nulls last)
    end as rank_share,
    case when per_1000 is not null then rank() over (order by per_1000 desc nulls last) end
        as rank_per_1000,
    has_publication,
    publisher,
    url
from joined
order by region_code
