-- Purpose: SBI 2008 sectors in CBS 83599NED, for the sector filter.
-- Grain: one row per SBI code.
-- Params: none.
-- Columns: sbi_code, sbi_letter, sbi_name, is_sbi_aggregate.
-- Source: cbs_vacancies.
select distinct
    sbi_code,
    sbi_letter,
    sbi_name,
    is_sbi_aggregate
from cbs_vacancies
order by is_sbi_aggregate desc, sbi_letter asc
