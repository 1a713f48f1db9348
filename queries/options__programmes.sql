-- Purpose: the curated programme list for the programme filters.
-- Grain: one row per CROHO programme code.
-- Params: none.
-- Columns: programme_code, programme_name, programme_group, in_default_selection, note.
-- Source: programme_groups (data/reference/programme_groups.csv).
select
    programme_code,
    programme_name,
    programme_group,
    in_default_selection,
    note
from programme_groups
order by programme_group, programme_name
