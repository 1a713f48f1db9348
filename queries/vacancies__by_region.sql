-- Purpose: open vacancies in one SBI sector per region of one level for one quarter or one year
--   (mean of its quarters), with share of all vacancies, change vs a year earlier, index and rank.
-- Grain: one row per region of $level.
-- Params: $sbi_code varchar; $level varchar (provincie | landsdeel); $year integer;
--   $quarter integer (1-4, NULL = mean of the quarters of $year present); $base_year integer
--   (index: the mean of $base_year = 100; NULL = no index; only a complete year is a base).
-- Columns: region_code, region_name, quarters (quarters in the mean; < 4 = incomplete year),
--   is_complete (one quarter asked, or all four present), vacancy_count (persons, rounded to
--   hundreds as CBS publishes them), all_count (SBI A-U), share_of_all_pct, prev_count (same
--   period a year earlier; NULL when either year is incomplete), change_pct (NULL when either year
--   is incomplete), index_value (NULL
--   unless both years are complete), rank_desc, is_provisional, is_from_publication (value
--   transcribed from a CBS publication, not the StatLine file), population (1 Jan of $year; NULL
--   before 2019 and for landsdeel), per_1000 (vacancies per 1,000 inhabitants, one decimal).
-- Source: vacancies_nsa (CBS 83599NED + transcribed NSA quarters), population.
with periods as (
    select
        region_code,
        any_value(region_name) as region_name,
        year,
        sbi_code,
        avg(vacancy_count) as vacancy_count,
        count(vacancy_count) as quarters,
        bool_or(is_provisional) as is_provisional,
        bool_or(source_kind = 'publicatie') as is_from_publication
    from vacancies_nsa
    where
        region_level = $level
        and (year in ($year, $year - 1) or year = $base_year)
        and ($quarter is null or quarter = $quarter)
        and sbi_code in ($sbi_code, 'T001081')
    group by region_code, year, sbi_code
),

complete as (
    select
        region_code,
        year,
        sbi_code,
        vacancy_count,
        $quarter is not null or quarters = 4 as is_complete
    from periods
)

select
    c.region_code,
    c.region_name,
    c.quarters,
    cc.is_complete,
    round(c.vacancy_count, -2) as vacancy_count,
    round(a.vacancy_count, -2) as all_count,
    round(100.0 * c.vacancy_count / nullif(a.vacancy_count, 0), 1) as share_of_all_pct,
    case when cc.is_complete and pc.is_complete then round(p.vacancy_count, -2) end as prev_count,
    case
        when cc.is_complete and pc.is_complete
            then round(100.0 * (c.vacancy_count - p.vacancy_count) / nullif(p.vacancy_count, 0), 1)
    end as change_pct,
    case
        when cc.is_complete and bc.is_complete
            then round(100.0 * c.vacancy_count / nullif(bc.vacancy_count, 0), 1)
    end as index_value,
    rank() over (order by c.vacancy_count desc) as rank_desc,
    c.is_provisional,
    c.is_from_publication,
    pop.population,
    round(1000.0 * c.vacancy_count / nullif(pop.population, 0), 1) as per_1000
from periods as c
inner join complete as cc
    on c.region_code = cc.region_code and c.year = cc.year and c.sbi_code = cc.sbi_code
left join periods as a
    on c.region_code = a.region_code and c.year = a.year and a.sbi_code = 'T001081'
left join periods as p
    on c.region_code = p.region_code and c.year - 1 = p.year and c.sbi_code = p.sbi_code
left join complete as pc
    on p.region_code = pc.region_code and p.year = pc.year and p.sbi_code = pc.sbi_code
left join complete as bc
    on c.region_code = bc.region_code and bc.year = $base_year and c.sbi_code = bc.sbi_code
left join population as pop  -- 1 January of $year; provinces only
    on c.region_code = pop.region_code and pop.region_level = 'provincie' and pop.year = $year
where c.year = $year and c.sbi_code = $sbi_code
order by c.region_code
