-- Purpose: derived figure: the average yearly growth of the expected shortage per occupation,
--   (2031 value - 2021 value) / 10, for the rows of the AZW forecast that state both years.
-- Grain: one row per branche × occupation with a base-year and a 2031 value.
-- Params: none.
-- Columns: branche, occupation, base_year, base_label (2021 or 'nu'), base_count,
--   end_year, end_count (employees), years_between, growth_per_year (employees per year,
--   derived, not in the source), is_hedged (either end hedged).
-- Source: azw_prognose (transcribed from seed 001, r.1830-1831).
with base as (
    select
        branche,
        occupation,
        year,
        year_label,
        value,
        is_hedged
    from azw_prognose
    where year = 2021
),

target as (
    select
        branche,
        occupation,
        year,
        value,
        is_hedged
    from azw_prognose
    where year = 2031
)

select
    b.branche,
    b.occupation,
    b.year as base_year,
    b.year_label as base_label,
    b.value as base_count,
    t.year as end_year,
    t.value as end_count,
    t.year - b.year as years_between,
    round((t.value - b.value) / (t.year - b.year), 0) as growth_per_year,
    b.is_hedged or t.is_hedged as is_hedged
from base as b
inner join target as t on b.branche = t.branche and b.occupation = t.occupation
order by growth_per_year desc, b.occupation asc
