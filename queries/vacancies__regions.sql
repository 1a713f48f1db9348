-- Purpose: regions in CBS 83599NED (Nederland, landsdelen, provincies), for the region filter.
-- Grain: one row per region.
-- Params: none.
-- Columns: region_code (NL01, LD0n, PVnn), region_name, region_level (nl | landsdeel |
--   provincie), level_order (1 = nl, 2 = landsdeel, 3 = provincie).
-- Source: cbs_vacancies (CBS 83599NED).
select distinct
    region_code,
    region_name,
    region_level,
    case region_level when 'nl' then 1 when 'landsdeel' then 2 else 3 end as level_order
from cbs_vacancies
order by level_order, region_code
