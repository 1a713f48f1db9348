-- Table: the three DUO measures stacked, with region and programme group attached.
-- Grain: one row per source cell (measure × vintage × breakdown × year × location × programme …).
-- Params: none.
-- Columns: measure ('enrolled' | 'first_years' | 'graduates'), all snapshot columns,
--   provincie_code, arbeidsmarktregio_code/_name, programme_group, in_default_selection (NULL:
--   not in the list).
-- Source: duo_enrolled, duo_first_years, duo_graduates, regions_gemeente, programme_groups.
create or replace table students as
with stacked as (
    select
        'enrolled' as measure,
        *
    from duo_enrolled
    union all by name
    select
        'first_years' as measure,
        *
    from duo_first_years
    union all by name
    select
        'graduates' as measure,
        *
    from duo_graduates
)

-- every snapshot column, by design: the queries on this table select explicitly
select
    s.*,  -- noqa: AM04
    r.provincie_code,
    r.arbeidsmarktregio_code,
    r.arbeidsmarktregio_name,
    g.programme_group,
    g.in_default_selection
from stacked as s
left join regions_gemeente as r on s.gemeente_code = r.gemeente_code
left join programme_groups as g on s.programme_code = g.programme_code
